using Xunit.Sdk;

namespace Robotics.Hil;

/// <summary>A fact that is skipped (reported as skipped, not passed) in classes marked <see cref="RealRigAttribute"/>
/// when no real rig is configured.</summary>
[XunitTestCaseDiscoverer("Robotics.Hil.RigFactDiscoverer", "Robotics.Hil")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class RigFactAttribute : FactAttribute;
