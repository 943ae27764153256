using System.Globalization;
using System.Reflection;
using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>What the conformance tests talk to: a real rig (ROBOTICS_HIL_PORT, ROBOTICS_HIL_RIG, optional
/// ROBOTICS_HIL_BAUD) or the host firmware build on a pseudo-terminal.</summary>
public sealed class RigTarget : IDisposable
{
    public const string PortVariable = "ROBOTICS_HIL_PORT", RigVariable = "ROBOTICS_HIL_RIG", BaudVariable = "ROBOTICS_HIL_BAUD";

    private RigTarget(string path, EmulatedRig rig, int baud, RigEmulatorProcess? emulator)
    {
        Path = path;
        Rig = rig;
        Baud = baud;
        Emulator = emulator;
    }

    public string Path { get; }

    public EmulatedRig Rig { get; }

    public int Baud { get; }

    /// <summary>The emulator, or null for a real rig.</summary>
    public RigEmulatorProcess? Emulator { get; }

    /// <summary>Skip reason when the real-rig variables are missing or invalid, else null.</summary>
    public static string? RealRigSkipReason()
    {
        var port = Environment.GetEnvironmentVariable(PortVariable);
        var rig = Environment.GetEnvironmentVariable(RigVariable);
        if (string.IsNullOrEmpty(port) || string.IsNullOrEmpty(rig))
            return $"no real rig: set {PortVariable}=/dev/serial/by-id/... and {RigVariable}=tendon|hasel to run the conformance tests against hardware";
        return rig is "tendon" or "hasel" ? null : $"{RigVariable}={rig}: expected tendon or hasel";
    }

    public static RigTarget RealFromEnvironment()
    {
        var rig = Environment.GetEnvironmentVariable(RigVariable) == "hasel" ? EmulatedRig.Hasel : EmulatedRig.Tendon;
        var baudText = Environment.GetEnvironmentVariable(BaudVariable);
        var baud = string.IsNullOrEmpty(baudText) ? 115200 : int.Parse(baudText, CultureInfo.InvariantCulture);
        return new RigTarget(Environment.GetEnvironmentVariable(PortVariable)!, rig, baud, null);
    }

    public static RigTarget Emulated(EmulatedRig rig, string? faults = null, ulong seed = 1) =>
        Emulated(new RigEmulatorOptions { Rig = rig, Faults = faults, Seed = seed });

    public static RigTarget Emulated(RigEmulatorOptions options)
    {
        var emulator = RigEmulatorProcess.Start(options with { ExecutablePath = options.ExecutablePath ?? EmulatorExecutable() });
        return new RigTarget(emulator.LinkPath, options.Rig, 115200, emulator);
    }

    /// <summary>The repository's hil-rigs directory (recorded at build time).</summary>
    public static string HilRigsDirectory() =>
        typeof(RigTarget).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HilRigsDirectory").Value!;

    /// <summary>Builds (if needed) and returns rig_emu; one build per test process.</summary>
    public static string EmulatorExecutable() => Built.Value;

    private static readonly Lazy<string> Built = new(() => System.IO.Path.Combine(RigFirmwareBuild.EnsureBuilt(HilRigsDirectory()), "rig_emu"));

    public HilClient Connect() => new(new HilPort(Path, Baud));

    public void Dispose() => Emulator?.Dispose();
}
