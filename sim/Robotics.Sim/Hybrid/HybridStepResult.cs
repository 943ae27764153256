namespace Robotics.Sim.Hybrid;

/// <summary>What happened during one <see cref="HybridSimulator.Step"/>.</summary>
/// <param name="EventCount">Events located and applied during the step (read them with <see cref="HybridSimulator.GetStepEvent"/>).</param>
/// <param name="Terminal">True when the system is in a terminal mode at the end of the step.</param>
/// <param name="EventLimitReached">True when the per-step event limit stopped the step early (possible Zeno behaviour).</param>
public readonly record struct HybridStepResult(int EventCount, bool Terminal, bool EventLimitReached);
