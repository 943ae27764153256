namespace Robotics.Hil;

/// <summary>Marks a test class that talks to a real rig: its <see cref="RigFactAttribute"/> tests are skipped unless
/// ROBOTICS_HIL_PORT and ROBOTICS_HIL_RIG are set.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RealRigAttribute : Attribute;
