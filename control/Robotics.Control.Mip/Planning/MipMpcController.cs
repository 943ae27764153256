using Robotics.Control.Loop;
using Robotics.Control.Mpc;
using Robotics.Core.Time;

namespace Robotics.Control.Mip.Planning;

/// <summary>
/// Mixed-integer MPC as an <see cref="IController"/>: every tick an MPPI controller plans first (its plan is the
/// MIP's fallback and, for CBC and SCIP, its warm start), then <see cref="MipMpcPlanner"/> solves the MIP over the
/// sparsified ReLU network, and the first input of the MIP plan (or of the MPPI plan when the MIP has none) is
/// applied.
/// </summary>
/// <remarks>
/// <para>Inputs: <c>state</c> = the network's state (length n), <c>reference</c> = the goal state g (length n).
/// Output: <c>command</c> = u_0 (length m).</para>
/// <para>Status: <see cref="ControllerStatus.Failed"/> for wrong lengths or non-finite values (command zeroed);
/// otherwise <see cref="ControllerStatus.Ok"/> or <see cref="ControllerStatus.Saturated"/> (u_0 on an input limit).
/// Whether the MIP or the fallback supplied the command is in <see cref="LastResult"/>
/// (<see cref="MipPlanResult.Status"/>, <see cref="MipPlanResult.Message"/>, e.g. "... no feasible solution within
/// 50 ms; using the fallback plan") and counted in <see cref="FallbackCount"/>.</para>
/// <para>Warm start: the MPPI plan, or the previous tick's plan shifted by one step when that is cheaper under the
/// MIP's cost (evaluated by rollout through the network); with <see cref="MipMpcOptions.TrustRegion"/> the MIP searches
/// around it, so successive ticks keep improving one plan (BaB-ND-style local search).</para>
/// <para>The MPPI controller advances its own warm start (it is <c>Update</c>d each tick); its horizon must be at
/// least the MIP's and its model step equal to the MIP network's, and the loop period one model step. Not
/// real-time safe: the MIP builds an OR-Tools model per tick (allocates) and takes up to its time limit.</para>
/// </remarks>
public sealed class MipMpcController : IController
{
    private readonly MipMpcPlanner _planner;
    private readonly MpcController _fallback;
    private readonly double[] _fallbackCommand;
    private readonly double[] _fallbackPlan;
    private readonly double[] _previousPlan;
    private readonly double[] _candidate;
    private readonly double[] _rollout;
    private bool _hasPrevious;
    private readonly int _n;
    private readonly int _m;

    /// <summary>Creates the controller.</summary>
    /// <param name="planner">The MIP planner (network, horizon, costs, back end, time limit).</param>
    /// <param name="fallback">The sampling MPC whose plan is the fallback and warm start (e.g. an <see cref="MppiController"/>).</param>
    /// <exception cref="ArgumentException">The sizes or horizons do not fit (the message names them).</exception>
    public MipMpcController(MipMpcPlanner planner, MpcController fallback)
    {
        ArgumentNullException.ThrowIfNull(planner);
        ArgumentNullException.ThrowIfNull(fallback);
        _n = planner.Network.StateSize;
        _m = planner.Network.InputSize;
        if (fallback.StateSize != _n || fallback.CommandSize != _m)
        {
            throw new ArgumentException($"fallback: the MPC has {fallback.StateSize} states and {fallback.CommandSize} inputs, the MIP network {_n} and {_m}; give both the same model signals.", nameof(fallback));
        }

        if (fallback.Horizon < planner.Options.Horizon)
        {
            throw new ArgumentException($"fallback: horizon {fallback.Horizon} is shorter than the MIP horizon {planner.Options.Horizon}; allowed range is [{planner.Options.Horizon}, ...).", nameof(fallback));
        }

        _planner = planner;
        _fallback = fallback;
        _fallbackCommand = new double[_m];
        _fallbackPlan = new double[planner.Options.Horizon * _m];
        _previousPlan = new double[planner.Options.Horizon * _m];
        _candidate = new double[planner.Options.Horizon * _m];
        _rollout = new double[(planner.Options.Horizon + 1) * _n];
    }

    /// <inheritdoc />
    public string Name => "mip_mpc";

    /// <inheritdoc />
    public int StateSize => _n;

    /// <inheritdoc />
    public int ReferenceSize => _n;

    /// <inheritdoc />
    public int CommandSize => _m;

    /// <summary>The MIP planner.</summary>
    public MipMpcPlanner Planner => _planner;

    /// <summary>The fallback sampling MPC.</summary>
    public MpcController Fallback => _fallback;

    /// <summary>The outcome of the last MIP solve (null before the first tick).</summary>
    public MipPlanResult? LastResult { get; private set; }

    /// <summary>Ticks whose command came from the fallback plan (no MIP solution in time, or infeasible).</summary>
    public int FallbackCount { get; private set; }

    /// <summary>Ticks whose command came from a MIP solution that was not proved optimal (time limit, with its gap).</summary>
    public int IncumbentCount { get; private set; }

    /// <summary>Ticks planned.</summary>
    public int TickCount { get; private set; }

    /// <summary>Ticks whose warm start was the previous MIP plan shifted by one step (cheaper than the MPPI plan under the MIP cost).</summary>
    public int PreviousPlanWarmStartCount { get; private set; }

    /// <summary>Ticks where the solver proved that no plan in the trust region beats the warm start (<see cref="MipPlanResult.WarmStartOptimal"/>).</summary>
    public int WarmStartOptimalCount { get; private set; }

    /// <summary>Clears the fallback's warm start and the counters.</summary>
    public void Reset()
    {
        _fallback.Reset();
        LastResult = null;
        _hasPrevious = false;
        FallbackCount = IncumbentCount = TickCount = PreviousPlanWarmStartCount = WarmStartOptimalCount = 0;
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (state.Length != _n || reference.Length != _n || command.Length != _m)
        {
            command.Clear();
            return ControllerStatus.Failed;
        }

        var status = _fallback.Update(now, period, state, reference, _fallbackCommand);
        if (status == ControllerStatus.Failed)
        {
            command.Clear();
            return status;
        }

        // Update shifted the plan by one step (tail repeated): the plan it applied is [u_0; shifted[0 .. H-2]].
        var shifted = _fallback.PlannedControls;
        _fallbackCommand.CopyTo(_fallbackPlan, 0);
        for (int i = _m; i < _fallbackPlan.Length; i++) _fallbackPlan[i] = shifted[i - _m];

        // The previous MIP plan, shifted by one step (last input repeated), is the other warm-start candidate: with a
        // trust region the MIP then keeps improving one plan from tick to tick instead of restarting at MPPI's.
        if (_hasPrevious)
        {
            for (int i = 0; i < _candidate.Length; i++) _candidate[i] = _previousPlan[Math.Min(i + _m, _candidate.Length - _m + i % _m)];
            double mppiCost = _planner.Cost(state, reference, _fallbackPlan, _rollout);
            double previousCost = _planner.Cost(state, reference, _candidate, _rollout);
            if (previousCost < mppiCost)
            {
                _candidate.CopyTo(_fallbackPlan, 0);
                PreviousPlanWarmStartCount++;
            }
        }

        var result = _planner.Plan(state, reference, _fallbackPlan);
        LastResult = result;
        TickCount++;
        if (result.UsedFallback) FallbackCount++;
        else if (result.Status == MipPlanStatus.TimeLimitIncumbent) IncumbentCount++;
        if (result.WarmStartOptimal) WarmStartOptimalCount++;
        result.Controls.AsSpan(0, _previousPlan.Length).CopyTo(_previousPlan);
        _hasPrevious = true;

        bool saturated = false;
        var o = _planner.Options;
        for (int j = 0; j < _m; j++)
        {
            double u = result.Controls[j];
            if (!double.IsFinite(u))
            {
                command.Clear();
                return ControllerStatus.Failed;
            }

            command[j] = u;
            if (u <= o.InputLow[j] || u >= o.InputHigh[j]) saturated = true;
        }

        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }
}
