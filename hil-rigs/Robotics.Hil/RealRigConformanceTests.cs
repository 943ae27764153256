namespace Robotics.Hil;

/// <summary>The conformance suite against a real rig (ROBOTICS_HIL_PORT, ROBOTICS_HIL_RIG); reported as skipped without one.</summary>
[RealRig]
public sealed class RealRigConformanceTests : RigConformanceTests
{
    protected override RigTarget Open() => RigTarget.RealFromEnvironment();
}
