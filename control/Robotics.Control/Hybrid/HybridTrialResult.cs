namespace Robotics.Control.Hybrid;

/// <summary>The outcome of one benchmark trial.</summary>
/// <param name="System">System name.</param>
/// <param name="Method">Method name.</param>
/// <param name="Trial">Trial index.</param>
/// <param name="Success">Whether the trial met the system's success criterion.</param>
/// <param name="ControlSteps">Control steps run (the meter was bracketed this many times, plus planning calls).</param>
/// <param name="ModeSwitches">Mode switches that happened.</param>
/// <param name="Detail">A short human-readable reason (e.g. "finished", "left the road at t=3.2 s").</param>
public sealed record HybridTrialResult(string System, string Method, int Trial, bool Success, int ControlSteps, int ModeSwitches, string Detail);
