using Robotics.Control.Hybrid;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>
/// The car's switch-planning loss over the decision [switch-waypoint lateral offset d (m), dry reference speed v1,
/// icy reference speed v2] (the paper's <c>plan_a_b_sample</c> grid).
/// </summary>
/// <remarks>
/// <para>Segment A runs from the current segment start S to the switch waypoint W1 = (x_ice, d); segment B from W1 to
/// the fixed end W2. Loss = relu(V_dry,v1(x_now | A) - c_dry(v1)/allow) + relu(V_icy,v2(x_switch | B) - c_icy(v2)/allow)
/// + 1e-3 ((v_max - v1) + (v_max - v2)), where x_switch = [0, wrap(h_A - h_B), v1, 0, 0] is the predicted error state
/// at W1 (segment A tracked to convergence) and the last term prefers faster references among equally safe ones.</para>
/// </remarks>
public sealed class CarSwitchEvaluator : ISwitchCandidateEvaluator
{
    private readonly CarModeLibrary _library;
    private readonly double[] _now = new double[6];
    private readonly double _startX, _startY, _endX, _endY, _maxSpeed;
    private readonly double[] _e = new double[5];

    /// <summary>Creates the evaluator for the car at world state <paramref name="worldState"/>.</summary>
    /// <param name="library">Per-mode LQR and RoA levels.</param>
    /// <param name="worldState">Car state [x, y, yaw, vx, vy, r].</param>
    /// <param name="segmentStart">Start S of segment A (x, y).</param>
    /// <param name="segmentEnd">End W2 of segment B (x, y).</param>
    public CarSwitchEvaluator(CarModeLibrary library, ReadOnlySpan<double> worldState, (double X, double Y) segmentStart, (double X, double Y) segmentEnd)
    {
        ArgumentNullException.ThrowIfNull(library);
        _library = library;
        worldState.CopyTo(_now);
        (_startX, _startY) = segmentStart;
        (_endX, _endY) = segmentEnd;
        _maxSpeed = library.Options.SampledSpeeds.Max();
    }

    /// <inheritdoc />
    public int DecisionSize => 3;

    /// <inheritdoc />
    public double Evaluate(ReadOnlySpan<double> decision)
    {
        double d = decision[0], v1 = decision[1], v2 = decision[2];
        var o = _library.Options;
        double w1x = o.IceStartXM, w1y = d;
        double headingA = Math.Atan2(w1y - _startY, w1x - _startX);
        double headingB = Math.Atan2(_endY - w1y, _endX - w1x);
        CarTrack.ErrorState(_now, _startX, _startY, headingA, _e);
        double loss1 = SwitchPlanner.RoaLoss(_library.Lqr(false, v1).Lyapunov(_e), _library.Level(false, v1), o.PlannerAllow);
        _e[0] = 0;
        _e[1] = CarTrack.WrapAngle(headingA - headingB);
        _e[2] = v1;
        _e[3] = 0;
        _e[4] = 0;
        double loss2 = SwitchPlanner.RoaLoss(_library.Lqr(true, v2).Lyapunov(_e), _library.Level(true, v2), o.PlannerAllow);
        return loss1 + loss2 + 1e-3 * ((_maxSpeed - v1) + (_maxSpeed - v2));
    }
}
