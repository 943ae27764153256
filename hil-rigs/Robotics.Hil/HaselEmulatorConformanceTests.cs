using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>The conformance suite against the emulated HASEL rig.</summary>
public sealed class HaselEmulatorConformanceTests : RigConformanceTests
{
    protected override RigTarget Open() => RigTarget.Emulated(EmulatedRig.Hasel);
}
