namespace Robotics.Control.Mip.Planning;

/// <summary>The outcome of one <see cref="MipMpcPlanner.Plan"/> call.</summary>
public sealed class MipPlanResult
{
    /// <summary>How the plan came about.</summary>
    public required MipPlanStatus Status { get; init; }

    /// <summary>The planned inputs u_0 .. u_{H-1}, row-major [H, m].</summary>
    public required double[] Controls { get; init; }

    /// <summary>The states x_0 .. x_H the network predicts for <see cref="Controls"/>, row-major [H + 1, n].</summary>
    public required double[] PredictedStates { get; init; }

    /// <summary>The cost of <see cref="Controls"/> (the MIP objective, or the fallback plan's cost evaluated by rollout).</summary>
    public required double Objective { get; init; }

    /// <summary>The solver's best lower bound on the optimum (NaN when the solver gave none).</summary>
    public double BestBound { get; init; } = double.NaN;

    /// <summary>(Objective - BestBound) / max(|Objective|, 1e-9); 0 when optimal, NaN when unknown.</summary>
    public double RelativeGap { get; init; } = double.NaN;

    /// <summary>Binary variables in the program (uncertain ReLUs summed over the horizon).</summary>
    public int BinaryCount { get; init; }

    /// <summary>ReLU neuron-steps that interval bounds proved stably active or inactive (no binary needed).</summary>
    public int StableReluCount { get; init; }

    /// <summary>Wall-clock time to build the program, milliseconds (bound propagation and LP bound tightening included).</summary>
    public double BuildMilliseconds { get; init; }

    /// <summary>The part of <see cref="BuildMilliseconds"/> spent in LP bound tightening (0 without it).</summary>
    public double TighteningMilliseconds { get; init; }

    /// <summary>LPs solved for bound tightening (0 without it).</summary>
    public int LpCount { get; init; }

    /// <summary>CPU time of the planning thread inside the solver, milliseconds (NaN where not measurable; the solvers run on one thread).</summary>
    public double SolveCpuMilliseconds { get; init; } = double.NaN;

    /// <summary>CPU time of the planning thread for the whole plan (bounds, build, solve), milliseconds (NaN where not measurable).</summary>
    public double TotalCpuMilliseconds { get; init; } = double.NaN;

    /// <summary>Build plus solve: the planner's whole time for this plan, milliseconds.</summary>
    public double TotalMilliseconds => BuildMilliseconds + SolveMilliseconds;

    /// <summary>Wall-clock time inside the solver, milliseconds.</summary>
    public double SolveMilliseconds { get; init; }

    /// <summary>Branch-and-bound nodes the solver reports (0 when unknown).</summary>
    public long Nodes { get; init; }

    /// <summary>The back end used.</summary>
    public MipBackend Backend { get; init; }

    /// <summary>A human-readable sentence about the outcome (why a fallback was used, the gap at the time limit, ...).</summary>
    public string Message { get; init; } = "";

    /// <summary>
    /// True when the solver proved, under the warm start's cost as objective cutoff (HiGHS with a trust region), that
    /// no plan beats the warm-start plan by more than the gap, so <see cref="Controls"/> is that plan (status
    /// <see cref="MipPlanStatus.Optimal"/>).
    /// </summary>
    public bool WarmStartOptimal { get; init; }

    /// <summary>True when <see cref="Controls"/> is the fallback plan rather than the solver's.</summary>
    public bool UsedFallback => Status is MipPlanStatus.FallbackInfeasible or MipPlanStatus.FallbackNoSolution or MipPlanStatus.NoPlan;
}
