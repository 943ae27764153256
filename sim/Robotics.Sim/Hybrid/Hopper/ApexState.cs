namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>The hopper's state at a flight apex (vertical velocity zero): the Poincare section of the apex-to-apex map.</summary>
/// <param name="HeightM">Apex body height y in m.</param>
/// <param name="SpeedMS">Forward speed vx in m/s (constant during flight).</param>
public readonly record struct ApexState(double HeightM, double SpeedMS);
