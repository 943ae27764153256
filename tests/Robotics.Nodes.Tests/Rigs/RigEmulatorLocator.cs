using Robotics.Drivers.Emulation;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>The rig_emu executable the serial-rig tests run (built from hil-rigs/ once per test run).</summary>
internal static class RigEmulatorLocator
{
    private static readonly Lazy<string> s_path = new(() => RigFirmwareBuild.EmulatorPath(FindHilRigs()));

    /// <summary>The path of the built emulator.</summary>
    public static string EmulatorPath => s_path.Value;

    // Above the test binaries (CI builds inside the repository), else above this source file (a private --artifacts-path).
    private static string FindHilRigs([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        try
        {
            return RigFirmwareBuild.FindHilRigsDirectory();
        }
        catch (DirectoryNotFoundException) when (Path.GetDirectoryName(source) is { } dir && Directory.Exists(dir))
        {
            return RigFirmwareBuild.FindHilRigsDirectory(dir);
        }
    }
}
