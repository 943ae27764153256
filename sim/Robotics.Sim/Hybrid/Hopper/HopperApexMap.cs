namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>
/// The apex-to-apex return map of <see cref="SlipHopper"/>: from an apex (y, vx) with inputs (touchdown angle theta,
/// compression thrust P) held for the hop, simulate flight-down, stance and flight-up with
/// <see cref="HybridSimulator"/> until the next apex event, and return the next apex (y', vx').
/// </summary>
/// <remarks>Allocation-free after construction. The event times of the last evaluation are kept
/// (<see cref="LastTouchdownTime"/>, <see cref="LastBottomTime"/>, <see cref="LastLiftOffTime"/>, <see cref="LastApexTime"/>,
/// relative to the starting apex).</remarks>
public sealed class HopperApexMap
{
    private readonly double[] _state = new double[5];
    private readonly double[] _input = new double[2];

    /// <summary>Creates the map for <paramref name="hopper"/> with integration step <paramref name="step"/> s.</summary>
    /// <param name="hopper">The hopper.</param>
    /// <param name="step">Simulator step in s (default 1e-3).</param>
    /// <param name="maxHopTime">A hop not reaching the next apex within this time (s) fails (default 10).</param>
    public HopperApexMap(SlipHopper hopper, double step = 1e-3, double maxHopTime = 10.0)
    {
        ArgumentNullException.ThrowIfNull(hopper);
        if (!(maxHopTime > 0.0))
        {
            throw new ArgumentException($"maxHopTime = {maxHopTime} s must be positive; use 10 s.", nameof(maxHopTime));
        }

        Hopper = hopper;
        Simulator = new HybridSimulator(hopper, step);
        MaxHopTime = maxHopTime;
    }

    /// <summary>The hopper.</summary>
    public SlipHopper Hopper { get; }

    /// <summary>The simulator used for each evaluation.</summary>
    public HybridSimulator Simulator { get; }

    /// <summary>Time limit of one hop in s.</summary>
    public double MaxHopTime { get; }

    /// <summary>Touchdown time of the last evaluation (s after the starting apex; NaN if none).</summary>
    public double LastTouchdownTime { get; private set; }

    /// <summary>Maximum-compression time of the last evaluation (NaN if none).</summary>
    public double LastBottomTime { get; private set; }

    /// <summary>Lift-off time of the last evaluation (NaN if none).</summary>
    public double LastLiftOffTime { get; private set; }

    /// <summary>Next-apex time of the last evaluation (NaN if none).</summary>
    public double LastApexTime { get; private set; }

    /// <summary>Mode at the end of the last evaluation (<see cref="HopperMode.Fallen"/> when the hop failed by falling).</summary>
    public HopperMode LastFinalMode { get; private set; }

    /// <summary>
    /// Evaluates the map. Returns false (and <paramref name="next"/> = the last state seen) when the hopper falls,
    /// lifts off without rising, or does not reach an apex within <see cref="MaxHopTime"/>.
    /// </summary>
    public bool TryStep(ApexState apex, double touchdownAngle, double thrust, out ApexState next)
    {
        LastTouchdownTime = LastBottomTime = LastLiftOffTime = LastApexTime = double.NaN;
        _state[SlipHopper.X] = 0.0;
        _state[SlipHopper.Y] = apex.HeightM;
        _state[SlipHopper.Vx] = apex.SpeedMS;
        _state[SlipHopper.Vy] = 0.0;
        _state[SlipHopper.FootX] = 0.0;
        _input[0] = touchdownAngle;
        _input[1] = thrust;
        var sim = Simulator;
        sim.Initialize(0.0, (int)HopperMode.FlightDescending, _state);
        bool stanceSeen = false;
        while (sim.Time < MaxHopTime)
        {
            var result = sim.Step(_input);
            for (int i = 0; i < result.EventCount; i++)
            {
                var ev = sim.GetStepEvent(i);
                switch ((HopperMode)ev.FromMode)
                {
                    case HopperMode.FlightDescending:
                        LastTouchdownTime = ev.Time;
                        stanceSeen = true;
                        if (ev.ToMode == (int)HopperMode.Decompression)
                        {
                            LastBottomTime = ev.Time;
                        }

                        break;
                    case HopperMode.Compression when ev.ToMode == (int)HopperMode.Decompression:
                        LastBottomTime = ev.Time;
                        break;
                    case HopperMode.Decompression when ev.ToMode != (int)HopperMode.Fallen:
                        LastLiftOffTime = ev.Time;
                        if (ev.ToMode == (int)HopperMode.FlightDescending)
                        {
                            // Lift-off without upward velocity: no apex above the lift-off point.
                            LastFinalMode = (HopperMode)ev.ToMode;
                            next = Read(sim.State);
                            return false;
                        }

                        break;
                    case HopperMode.FlightAscending when stanceSeen:
                        LastApexTime = ev.Time;
                        // The state at the apex event is needed, not the end of the step: rebuild it from flight.
                        LastFinalMode = HopperMode.FlightDescending;
                        next = ApexAt(sim.State, sim.Time, ev.Time);
                        return true;
                }
            }

            if (result.Terminal)
            {
                break;
            }
        }

        LastFinalMode = (HopperMode)sim.Mode;
        next = Read(sim.State);
        return false;
    }

    private static ApexState Read(ReadOnlySpan<double> s) => new(s[SlipHopper.Y], s[SlipHopper.Vx]);

    private ApexState ApexAt(ReadOnlySpan<double> s, double time, double apexTime)
    {
        // After the apex the flow is ballistic: y(t) = y_a - g (t - t_a)^2 / 2 and vx is constant; undo the
        // remaining part of the step exactly (RK4 integrates this quadratic exactly as well).
        double dt = time - apexTime;
        double g = Hopper.Options.GravityMPerS2;
        return new ApexState(s[SlipHopper.Y] + 0.5 * g * dt * dt, s[SlipHopper.Vx]);
    }

    /// <summary>
    /// The touchdown angle that makes (y, vx) a fixed point of the map with zero thrust (symmetric stance), found by
    /// secant iteration on vx' - vx starting from the SLIP neutral-angle guess; NaN when none is found.
    /// </summary>
    public double FindFixedPointAngle(ApexState apex, double initialGuess = double.NaN)
    {
        double a0 = double.IsNaN(initialGuess) ? Math.Clamp(0.1 * apex.SpeedMS, 0.0, 0.7) : initialGuess;
        double a1 = a0 + 0.01;
        if (!TryResidual(apex, a0, out double f0) || !TryResidual(apex, a1, out double f1))
        {
            return double.NaN;
        }

        for (int it = 0; it < 50; it++)
        {
            if (Math.Abs(f1) < 1e-12 || f1 == f0)
            {
                break;
            }

            double a2 = a1 - f1 * (a1 - a0) / (f1 - f0);
            a0 = a1;
            f0 = f1;
            a1 = a2;
            if (!TryResidual(apex, a1, out f1))
            {
                return double.NaN;
            }

            if (Math.Abs(a1 - a0) < 1e-13)
            {
                break;
            }
        }

        return Math.Abs(f1) < 1e-8 ? a1 : double.NaN;
    }

    private bool TryResidual(ApexState apex, double angle, out double residual)
    {
        bool ok = TryStep(apex, angle, 0.0, out var next);
        residual = next.SpeedMS - apex.SpeedMS;
        return ok;
    }
}
