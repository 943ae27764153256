using System.Reflection;
using Robotics.Drivers.Emulation;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>Finds hil-rigs/ and builds rig_emu once.</summary>
/// <remarks>Not from [CallerFilePath]: CI builds map source paths to /_/ (deterministic builds), which broke it. Not only
/// by walking up from the test binaries either: with <c>--artifacts-path</c> outside the checkout they are not below
/// it, so the directory recorded at build time (the csproj's HilRigsDirectory metadata) comes first.</remarks>
internal static class Firmware
{
    private static readonly Lazy<string> Emulator = new(() => RigFirmwareBuild.EmulatorPath(HilRigsDirectory()));

    public static RigEmulatorProcess Start(RigEmulatorOptions options) => RigEmulatorProcess.Start(options with { ExecutablePath = Emulator.Value });

    /// <summary>The repository's hil-rigs directory.</summary>
    public static string HilRigsDirectory()
    {
        var recorded = typeof(Firmware).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "HilRigsDirectory")?.Value;
        return recorded is not null && File.Exists(Path.Combine(recorded, "build.sh"))
            ? recorded
            : RigFirmwareBuild.FindHilRigsDirectory(AppContext.BaseDirectory);
    }
}
