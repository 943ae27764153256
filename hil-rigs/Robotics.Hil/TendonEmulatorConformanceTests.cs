using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>The conformance suite against the emulated tendon rig (host firmware build on a pseudo-terminal).</summary>
public sealed class TendonEmulatorConformanceTests : RigConformanceTests
{
    protected override RigTarget Open() => RigTarget.Emulated(EmulatedRig.Tendon);
}
