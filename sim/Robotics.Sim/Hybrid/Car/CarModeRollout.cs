using Robotics.Control.Hybrid;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>
/// Closed-loop rollout of one friction mode of the car (a straight segment, reference speed p) under its
/// <see cref="ModeLqr"/>, for the RoA estimator.
/// </summary>
/// <remarks>
/// Converged: after the horizon |e_y| &lt; 0.1 m, |e_psi| &lt; 0.05 rad, |vx - p| &lt; 0.2 m/s, the car never left
/// the road or spun (|e_y| &gt; 3 m or |e_psi| &gt; 1.2 rad ends the rollout as diverged), and V decreased at every
/// control step while V &gt; 1e-9 (so the RoA level search certifies, on the samples, a sublevel set in which V is
/// a Lyapunov function of the saturated nonlinear closed loop, not just a set of converging states).
/// </remarks>
public sealed class CarModeRollout : IModeRollout, ILyapunovStepCheck
{
    private readonly CarErrorModel _model;
    private readonly Func<double, ModeLqr> _controller;
    private readonly CarHybridOptions _options;
    private readonly double[] _x = new double[5], _u = new double[2];
    private readonly double[] _k1 = new double[5], _k2 = new double[5], _k3 = new double[5], _k4 = new double[5], _tmp = new double[5];

    /// <summary>Creates the rollout.</summary>
    /// <param name="car">The plant of the mode (its friction).</param>
    /// <param name="controller">The mode's LQR for a reference speed.</param>
    /// <param name="options">Periods and horizon.</param>
    public CarModeRollout(SingleTrackCar car, Func<double, ModeLqr> controller, CarHybridOptions options)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(options);
        _model = new CarErrorModel(car);
        _controller = controller;
        _options = options;
    }

    /// <inheritdoc />
    public bool Converges(double parameter, ReadOnlySpan<double> initialState)
    {
        var lqr = _controller(parameter);
        initialState.CopyTo(_x);
        int steps = (int)Math.Round(_options.RolloutHorizonS / _options.ControlPeriodS);
        double v = lqr.Lyapunov(_x);
        for (int k = 0; k < steps; k++)
        {
            lqr.Compute(_x, _u);
            Step(_options.ControlPeriodS);
            if (Math.Abs(_x[0]) > 3.0 || Math.Abs(_x[1]) > 1.2 || !double.IsFinite(_x[2]))
                return false;
            double next = lqr.Lyapunov(_x);
            if (v > 1e-9 && next >= v)
                return false;
            v = next;
        }

        return Math.Abs(_x[0]) < 0.1 && Math.Abs(_x[1]) < 0.05 && Math.Abs(_x[2] - parameter) < 0.2;
    }

    /// <inheritdoc />
    public bool Decreases(double parameter, ReadOnlySpan<double> state)
    {
        var lqr = _controller(parameter);
        state.CopyTo(_x);
        double v = lqr.Lyapunov(_x);
        lqr.Compute(_x, _u);
        Step(_options.ControlPeriodS);
        return double.IsFinite(_x[2]) && lqr.Lyapunov(_x) < v;
    }

    /// <summary>Trace of V along the closed loop from <paramref name="initialState"/> (one value per control step, first = V(x0)).</summary>
    public double[] LyapunovTrace(double parameter, ReadOnlySpan<double> initialState, int steps)
    {
        var lqr = _controller(parameter);
        initialState.CopyTo(_x);
        var trace = new double[steps + 1];
        trace[0] = lqr.Lyapunov(_x);
        for (int k = 0; k < steps; k++)
        {
            lqr.Compute(_x, _u);
            Step(_options.ControlPeriodS);
            trace[k + 1] = lqr.Lyapunov(_x);
        }

        return trace;
    }

    private void Step(double period)
    {
        int n = _options.Substeps;
        double h = period / n;
        for (int s = 0; s < n; s++)
        {
            _model.Derivatives(0, _x, _u, _k1);
            for (int i = 0; i < 5; i++) _tmp[i] = _x[i] + 0.5 * h * _k1[i];
            _model.Derivatives(0, _tmp, _u, _k2);
            for (int i = 0; i < 5; i++) _tmp[i] = _x[i] + 0.5 * h * _k2[i];
            _model.Derivatives(0, _tmp, _u, _k3);
            for (int i = 0; i < 5; i++) _tmp[i] = _x[i] + h * _k3[i];
            _model.Derivatives(0, _tmp, _u, _k4);
            for (int i = 0; i < 5; i++) _x[i] += h / 6.0 * (_k1[i] + 2 * _k2[i] + 2 * _k3[i] + _k4[i]);
        }
    }
}
