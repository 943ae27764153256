namespace Robotics.Sim.Hybrid.Walker;

/// <summary>
/// The step-to-step (Poincare) map of <see cref="CompassGait"/> on the post-impact section: from a post-impact
/// state, integrate the swing with a hip torque held constant for the step until the next accepted heel strike,
/// apply the impact and return the new post-impact section point.
/// </summary>
/// <remarks>Allocation-free after construction. Uses <see cref="HybridSimulator"/> (RK4, events located to 1e-12 s).</remarks>
public sealed class CompassGaitPoincareMap
{
    private readonly double[] _state = new double[4];
    private readonly double[] _input = new double[1];

    /// <summary>Creates the map for <paramref name="walker"/> with integration step <paramref name="step"/> s.</summary>
    /// <param name="walker">The walker (its current <see cref="CompassGait.Slope"/> is used).</param>
    /// <param name="step">Simulator step in s (default 1e-3).</param>
    /// <param name="maxStepTime">A step without heel strike within this time (s) fails (default 3).</param>
    public CompassGaitPoincareMap(CompassGait walker, double step = 1e-3, double maxStepTime = 3.0)
    {
        ArgumentNullException.ThrowIfNull(walker);
        if (!(maxStepTime > 0.0))
        {
            throw new ArgumentException($"maxStepTime = {maxStepTime} s must be positive; use 3 s.", nameof(maxStepTime));
        }

        Walker = walker;
        Simulator = new HybridSimulator(walker, step);
        MaxStepTime = maxStepTime;
    }

    /// <summary>The walker.</summary>
    public CompassGait Walker { get; }

    /// <summary>The simulator used for each evaluation.</summary>
    public HybridSimulator Simulator { get; }

    /// <summary>Time limit of one step in s.</summary>
    public double MaxStepTime { get; }

    /// <summary>Heel-strike time of the last evaluation (s after the section; NaN if none).</summary>
    public double LastImpactTime { get; private set; }

    /// <summary>The full state just before heel strike in the last evaluation.</summary>
    public ReadOnlySpan<double> LastPreImpactState => _preImpact;

    private readonly double[] _preImpact = new double[4];

    /// <summary>The full post-impact state for section point <paramref name="z"/> at the walker's current slope.</summary>
    public void ToState(WalkerSection z, Span<double> state)
    {
        state[0] = z.StanceAngleRad;
        state[1] = 2.0 * Walker.Slope - z.StanceAngleRad;
        state[2] = z.StanceRateRadS;
        state[3] = z.SwingRateRadS;
    }

    /// <summary>Evaluates the map with hip torque <paramref name="hipTorque"/>; false when the walker falls or does not step.</summary>
    public bool TryStep(WalkerSection z, double hipTorque, out WalkerSection next) => TryStep(z, Walker.Slope, hipTorque, out next);

    /// <summary>
    /// Evaluates the map from a section point of slope <paramref name="sectionSlope"/> (swing angle
    /// 2 sectionSlope - phi1) walking on the walker's current <see cref="CompassGait.Slope"/>: the first step after a
    /// slope change at the stance foot.
    /// </summary>
    public bool TryStep(WalkerSection z, double sectionSlope, double hipTorque, out WalkerSection next)
    {
        LastImpactTime = double.NaN;
        ToState(z, _state);
        _state[1] = 2.0 * sectionSlope - z.StanceAngleRad;
        _input[0] = hipTorque;
        var sim = Simulator;
        sim.Initialize(0.0, CompassGait.SwingMode, _state);
        while (sim.Time < MaxStepTime)
        {
            var result = sim.Step(_input);
            if (result.EventCount > 0)
            {
                var ev = sim.GetStepEvent(0);
                if (ev.FromMode == CompassGait.SwingMode && ev.Guard == 0)
                {
                    LastImpactTime = ev.Time;
                    sim.GetPreResetState(0).CopyTo(_preImpact);
                    _preImpact.CopyTo(_state, 0);
                    Walker.ApplyImpact(_state);
                    next = new WalkerSection(_state[0], _state[2], _state[3]);
                    return true;
                }
            }

            if (result.Terminal)
            {
                break;
            }
        }

        var s = sim.State;
        next = new WalkerSection(s[0], s[2], s[3]);
        return false;
    }
}
