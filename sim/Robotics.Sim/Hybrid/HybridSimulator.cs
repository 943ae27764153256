using Robotics.Core.Numerics;

namespace Robotics.Sim.Hybrid;

/// <summary>
/// Fixed-step simulator of an <see cref="IHybridSystem"/>: the flow of the current mode is integrated with core's
/// classical RK4 (<see cref="Rk4Integrator"/>); guards are checked for a sign change over each step and a crossing is
/// located by the Illinois (modified regula falsi) method on the map s -> g(x(t0 + s)), where x(t0 + s) is obtained by
/// re-integrating one RK4 step of length s from the step start. The reset map is applied at the located time and the
/// rest of the step is integrated in the new mode (events inside the rest are located the same way).
/// </summary>
/// <remarks>
/// <para>Determinism: the step grid is t_k = t_0 + k h (no accumulated rounding), the root finder does a
/// deterministic number of iterations for given inputs (Illinois until the bracket is below
/// <see cref="TimeTolerance"/>, then bisection after 60 iterations), and nothing depends on wall time or threads,
/// so the same initial state, mode and input sequence give a bit-identical trajectory.</para>
/// <para>Accuracy: the located time is the right end of the final bracket (the guard is &lt;= 0 there), within
/// <see cref="TimeTolerance"/> (default 1e-12 s) of the zero of the RK4 interpolant; with h = 1e-3 s the RK4 local
/// error adds far less than 1e-9 s for the hopper and the walker (see docs/hybrid-sim.md).</para>
/// <para>Limits: two zero crossings of one guard inside one step are not seen (use a step shorter than the
/// fastest guard oscillation); at most <see cref="MaxEventsPerStep"/> events are applied per step, after which the
/// rest of the step is integrated without event detection and <see cref="HybridStepResult.EventLimitReached"/> is
/// set. Allocation-free after construction.</para>
/// </remarks>
public sealed class HybridSimulator
{
    private const int IllinoisIterations = 60;
    private const int MaxIterations = 200;

    private readonly IHybridSystem _system;
    private readonly ModeFlow _flow;
    private readonly Rk4Integrator _integrator;
    private readonly double[] _state, _start, _trial, _probe, _eventState, _guardStart;
    private readonly HybridEvent[] _stepEvents;
    private readonly double[] _preResetStates;
    private double _t0;
    private long _stepIndex;
    private int _stepEventCount;

    /// <summary>Creates a simulator for <paramref name="system"/> with a fixed step of <paramref name="step"/> seconds.</summary>
    /// <param name="system">The hybrid system.</param>
    /// <param name="step">Integration step h in s, in (0, 1].</param>
    /// <param name="timeTolerance">Event-location tolerance in s, in [1e-15, 1e-6] (default 1e-12).</param>
    /// <param name="maxEventsPerStep">Events applied per step at most, in [1, 64] (default 8).</param>
    /// <exception cref="ArgumentException">A value is out of range; the message names it and the allowed range.</exception>
    public HybridSimulator(IHybridSystem system, double step, double timeTolerance = 1e-12, int maxEventsPerStep = 8)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (!(step > 0.0 && step <= 1.0))
        {
            throw new ArgumentException($"step = {step} s is outside (0, 1]; use e.g. 1e-3 s.", nameof(step));
        }

        if (!(timeTolerance >= 1e-15 && timeTolerance <= 1e-6))
        {
            throw new ArgumentException($"timeTolerance = {timeTolerance} s is outside [1e-15, 1e-6]; use 1e-12 s.", nameof(timeTolerance));
        }

        if (maxEventsPerStep < 1 || maxEventsPerStep > 64)
        {
            throw new ArgumentException($"maxEventsPerStep = {maxEventsPerStep} is outside [1, 64]; use 8.", nameof(maxEventsPerStep));
        }

        if (system.StateSize <= 0 || system.ModeCount <= 0 || system.GuardCount < 0)
        {
            throw new ArgumentException("The hybrid system must have a positive state size, at least one mode and a non-negative guard count.", nameof(system));
        }

        _system = system;
        StepSize = step;
        TimeTolerance = timeTolerance;
        MaxEventsPerStep = maxEventsPerStep;
        _flow = new ModeFlow(system);
        int n = system.StateSize;
        _integrator = new Rk4Integrator(n);
        _state = new double[n];
        _start = new double[n];
        _trial = new double[n];
        _probe = new double[n];
        _eventState = new double[n];
        _guardStart = new double[Math.Max(1, system.GuardCount)];
        _stepEvents = new HybridEvent[maxEventsPerStep];
        _preResetStates = new double[maxEventsPerStep * n];
    }

    /// <summary>The simulated system.</summary>
    public IHybridSystem System => _system;

    /// <summary>The fixed integration step h in s.</summary>
    public double StepSize { get; }

    /// <summary>Event-location tolerance in s.</summary>
    public double TimeTolerance { get; }

    /// <summary>Events applied per step at most.</summary>
    public int MaxEventsPerStep { get; }

    /// <summary>Current simulation time in s.</summary>
    public double Time { get; private set; }

    /// <summary>Current mode.</summary>
    public int Mode { get; private set; }

    /// <summary>Current continuous state (a view of the simulator's buffer: copy it to keep it).</summary>
    public ReadOnlySpan<double> State => _state;

    /// <summary>Whether the current mode is terminal.</summary>
    public bool IsTerminal => _system.IsTerminal(Mode);

    /// <summary>Total root-finder iterations spent since <see cref="Initialize"/>.</summary>
    public long TotalLocateIterations { get; private set; }

    /// <summary>Number of events in the last step.</summary>
    public int StepEventCount => _stepEventCount;

    /// <summary>Sets time, mode and state; the step grid restarts at <paramref name="time"/>.</summary>
    /// <exception cref="ArgumentException">Wrong state length or mode index.</exception>
    public void Initialize(double time, int mode, ReadOnlySpan<double> state)
    {
        if (state.Length != _state.Length)
        {
            throw new ArgumentException($"state has length {state.Length}; the system needs {_state.Length}.", nameof(state));
        }

        if (mode < 0 || mode >= _system.ModeCount)
        {
            throw new ArgumentException($"mode = {mode} is outside [0, {_system.ModeCount - 1}].", nameof(mode));
        }

        state.CopyTo(_state);
        Mode = mode;
        Time = time;
        _t0 = time;
        _stepIndex = 0;
        _stepEventCount = 0;
        TotalLocateIterations = 0;
    }

    /// <summary>The <paramref name="index"/>-th event of the last step (0 .. <see cref="StepEventCount"/> - 1).</summary>
    public HybridEvent GetStepEvent(int index)
    {
        if ((uint)index >= (uint)_stepEventCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The last step had {_stepEventCount} events.");
        }

        return _stepEvents[index];
    }

    /// <summary>The state just before the reset map of the <paramref name="index"/>-th event of the last step (a view: copy it to keep it).</summary>
    public ReadOnlySpan<double> GetPreResetState(int index)
    {
        if ((uint)index >= (uint)_stepEventCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The last step had {_stepEventCount} events.");
        }

        int n = _state.Length;
        return new ReadOnlySpan<double>(_preResetStates, index * n, n);
    }

    /// <summary>
    /// Advances one step of <see cref="StepSize"/> with <paramref name="input"/> held constant, locating and applying
    /// every event inside the step. Does nothing in a terminal mode. Allocation-free.
    /// </summary>
    public HybridStepResult Step(ReadOnlySpan<double> input)
    {
        _stepEventCount = 0;
        if (_system.IsTerminal(Mode))
        {
            return new HybridStepResult(0, true, false);
        }

        _stepIndex++;
        double end = _t0 + _stepIndex * StepSize;
        double time = Time;
        int guards = _system.GuardCount;
        bool limit = false;

        while (true)
        {
            double remaining = end - time;
            if (remaining <= 0.0)
            {
                time = end;
                break;
            }

            _flow.Mode = Mode;
            if (_stepEventCount >= MaxEventsPerStep)
            {
                _integrator.Step(_flow, time, remaining, _state, input);
                time = end;
                limit = true;
                break;
            }

            _state.CopyTo(_start, 0);
            for (int i = 0; i < guards; i++)
            {
                _guardStart[i] = _system.Guard(Mode, i, time, _start, input);
            }

            _start.CopyTo(_trial, 0);
            _integrator.Step(_flow, time, remaining, _trial, input);

            int best = -1;
            double bestS = double.PositiveInfinity;
            int bestIterations = 0;
            for (int i = 0; i < guards; i++)
            {
                double g0 = _guardStart[i];
                if (!(g0 > 0.0) || double.IsPositiveInfinity(g0))
                {
                    continue;
                }

                double g1 = _system.Guard(Mode, i, end, _trial, input);
                if (!(g1 <= 0.0))
                {
                    continue;
                }

                double s = Locate(i, time, remaining, g0, g1, input, out int iterations);
                TotalLocateIterations += iterations;
                if (s >= bestS)
                {
                    continue;
                }

                _start.CopyTo(_probe, 0);
                _integrator.Step(_flow, time, s, _probe, input);
                if (_system.AcceptsEvent(Mode, i, _probe))
                {
                    best = i;
                    bestS = s;
                    bestIterations = iterations;
                    _probe.CopyTo(_eventState, 0);
                }
            }

            if (best < 0)
            {
                _trial.CopyTo(_state, 0);
                time = end;
                break;
            }

            double eventTime = time + bestS;
            _eventState.CopyTo(_state, 0);
            _eventState.CopyTo(_preResetStates, _stepEventCount * _state.Length);
            int from = Mode;
            int to = _system.Reset(from, best, eventTime, _state, input);
            Mode = to;
            _stepEvents[_stepEventCount++] = new HybridEvent(eventTime, from, best, to, bestIterations);
            time = eventTime;
            if (_system.IsTerminal(to))
            {
                break;
            }
        }

        Time = time;
        return new HybridStepResult(_stepEventCount, _system.IsTerminal(Mode), limit);
    }

    /// <summary>Illinois root finder on s -> g(x(t0 + s)) over [0, h], with g(0) &gt; 0 &gt;= g(h).</summary>
    private double Locate(int guard, double t0, double h, double g0, double g1, ReadOnlySpan<double> input, out int iterations)
    {
        double a = 0.0, fa = g0, b = h, fb = g1;
        int side = 0;
        iterations = 0;
        while (b - a > TimeTolerance && iterations < MaxIterations)
        {
            iterations++;
            double c;
            if (iterations <= IllinoisIterations && fb != fa)
            {
                c = b - fb * (b - a) / (fb - fa);
                if (!(c > a && c < b))
                {
                    c = 0.5 * (a + b);
                }
            }
            else
            {
                c = 0.5 * (a + b);
            }

            _start.CopyTo(_probe, 0);
            _integrator.Step(_flow, t0, c, _probe, input);
            double fc = _system.Guard(Mode, guard, t0 + c, _probe, input);
            if (fc <= 0.0)
            {
                b = c;
                fb = fc;
                if (side == -1)
                {
                    fa *= 0.5;
                }

                side = -1;
            }
            else
            {
                a = c;
                fa = fc;
                if (side == 1)
                {
                    fb *= 0.5;
                }

                side = 1;
            }
        }

        return b;
    }
}
