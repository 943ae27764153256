namespace Robotics.Sim.Risk;

/// <summary>The planners the risk benchmark compares.</summary>
public enum RiskPlannerKind
{
    /// <summary>MPPI with the nominal obstacle margin, every plan gated by the density-based risk check (replan, safe action).</summary>
    RiskChecked,

    /// <summary>The same MPPI without the check.</summary>
    NoRisk,

    /// <summary>MPPI with obstacles inflated by a fixed margin, no check.</summary>
    Inflated,
}
