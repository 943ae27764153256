using Robotics.Drivers.Emulation;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>Finds hil-rigs/ above the test binaries and builds rig_emu once.</summary>
/// <remarks>Not from [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds), which broke it.</remarks>
internal static class Firmware
{
    private static readonly Lazy<string> Emulator = new(() => RigFirmwareBuild.EmulatorPath(RigFirmwareBuild.FindHilRigsDirectory(AppContext.BaseDirectory)));

    public static RigEmulatorProcess Start(RigEmulatorOptions options) => RigEmulatorProcess.Start(options with { ExecutablePath = Emulator.Value });
}
