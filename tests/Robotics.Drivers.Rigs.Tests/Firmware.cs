using Robotics.Drivers.Emulation;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>Finds hil-rigs/ from this source file (tests may be built outside the repository) and builds rig_emu once.</summary>
internal static class Firmware
{
    private static readonly Lazy<string> Emulator = new(() =>
        RigFirmwareBuild.EmulatorPath(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(SourceFile())!, "..", "..", "hil-rigs"))));

    public static RigEmulatorProcess Start(RigEmulatorOptions options) => RigEmulatorProcess.Start(options with { ExecutablePath = Emulator.Value });

    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
