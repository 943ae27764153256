namespace Robotics.Control.Hybrid;

/// <summary>Method names shared by the hybrid benchmark systems.</summary>
public static class HybridMethods
{
    /// <summary>Per-mode LQR with the RoA switching planner.</summary>
    public const string RoaPlanner = "roa_planner";

    /// <summary>Per-mode LQR with the nominal references (no planning).</summary>
    public const string Lqr = "lqr";

    /// <summary>Model predictive control (MPPI or gradient MPC over an analytic model).</summary>
    public const string Mpc = "mpc";

    /// <summary>The learned variant: LQR plus neural residual, neural Lyapunov RoA, planner.</summary>
    public const string Neural = "neural_roa";
}
