using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Robotics.Drivers.Emulation;

namespace Robotics.Cli.Rig;

/// <summary>
/// <c>robotics rig emulate tendon|hasel</c>: runs the rig firmware's host build behind a new pseudo-terminal (created
/// in-process by the emulator, no socat) and prints the stable link path to open as the serial port.
/// </summary>
public static class RigCommands
{
    /// <summary>Creates the <c>rig</c> command group.</summary>
    public static Command Create()
    {
        var rig = new Command("rig", "Soft-actuator rigs: run the emulated firmware (see hil-rigs/README.md and hil-rigs/PROTOCOL.md).");
        rig.Subcommands.Add(Emulate());
        rig.Subcommands.Add(RigFigureEightCommand.Create());
        rig.Subcommands.Add(RigRecordCommand.Create());
        rig.Subcommands.Add(RigTrainCommand.Create());
        return rig;
    }

    private static Command Emulate()
    {
        var kind = new Argument<string>("rig") { Description = "tendon (2 motors, 3 outputs, 11 optical channels) or hasel (6 HASELs, 3 outputs, 18 magnetic channels)." };
        kind.AcceptOnlyFromAmong("tendon", "hasel");
        var faults = new Option<string?>("--faults")
        {
            Description = "Fault script, 't_ms:kind,...' timed from the first HELLO; kinds garbage, trunc, badcrc, bitflip, stallN, unplugN, die. " +
                          "Example: \"1500:garbage,2500:trunc,3500:badcrc,4500:bitflip,5500:stall300,7000:unplug500,9000:die\".",
        };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the sensor noise and drift.", DefaultValueFactory = _ => 1 };
        var link = new Option<string?>("--link") { Description = "Stable symlink to create (default: a new temporary directory's rig0)." };
        var pace = new Option<int?>("--pace-baud") { Description = "Emulate a UART byte budget (8N1): frames beyond baud/10 bytes/s are dropped." };
        var stream = new Option<int?>("--stream-hz") { Description = "Initial sample rate, 1..1000 Hz (default 500)." };
        var watchdog = new Option<int?>("--watchdog-ms") { Description = "Initial command watchdog, 20..2000 ms (default 100)." };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: run until Ctrl-C)." };
        var command = new Command("emulate", "Start the emulated rig firmware on a new pseudo-terminal and print its path (a stable symlink " +
                                             "that survives an emulated replug). Runs until Ctrl-C/SIGTERM.")
        {
            kind, faults, seed, link, pace, stream, watchdog, duration,
        };
        command.SetAction(parse =>
        {
            RigEmulatorOptions options;
            try
            {
                options = new RigEmulatorOptions
                {
                    Rig = parse.GetValue(kind) == "hasel" ? EmulatedRig.Hasel : EmulatedRig.Tendon,
                    Faults = parse.GetValue(faults),
                    Seed = parse.GetValue(seed),
                    LinkPath = parse.GetValue(link),
                    PaceBaud = parse.GetValue(pace),
                    StreamHz = parse.GetValue(stream),
                    WatchdogMs = parse.GetValue(watchdog),
                };
                options.Validate();
                if (parse.GetValue(duration) is { } d && !(d > 0))
                    throw new ArgumentException($"--duration: {d.ToString(CultureInfo.InvariantCulture)} must be a positive number of seconds.");
                if (options.LinkPath is { } l && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(l))))
                    throw new ArgumentException($"--link: the directory of '{l}' does not exist; create it or pick another path.");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"robotics rig emulate: {e.Message}");
                return 2;
            }

            return Run(options, parse.GetValue(duration));
        });
        return command;
    }

    private static int Run(RigEmulatorOptions options, double? durationS)
    {
        string executable;
        try
        {
            Console.Error.WriteLine("robotics rig emulate: building the host firmware (hil-rigs/build.sh) ...");
            var hilRigs = Path.Combine(RepoPaths.Root, "hil-rigs");
            executable = Path.Combine(RigFirmwareBuild.EnsureBuilt(Directory.Exists(hilRigs) ? hilRigs : null), "rig_emu");
        }
        catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"robotics rig emulate: {e.Message}");
            return 1;
        }

        using var stop = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Set();
        };
        Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Set();
        });
        try
        {
            using var emulator = RigEmulatorProcess.Start(options with { ExecutablePath = executable });
            Console.WriteLine(emulator.LinkPath);
            Console.Out.Flush();
            Console.Error.WriteLine(
                $"robotics rig emulate: {options.Rig.ToString().ToLowerInvariant()} rig (pid {emulator.ProcessId}, seed {options.Seed}) on {emulator.LinkPath}" +
                (options.Faults is null ? string.Empty : $", faults {options.Faults}") + "; Ctrl-C stops it.");
            var deadline = durationS is { } d ? DateTime.UtcNow.AddSeconds(d) : DateTime.MaxValue;
            var replugs = 0;
            while (!stop.Wait(100))
            {
                if (emulator.ReplugCount != replugs)
                {
                    replugs = emulator.ReplugCount;
                    Console.Error.WriteLine($"robotics rig emulate: replugged ({replugs}) {emulator.LinkPath}");
                }

                if (emulator.HasExited)
                {
                    Console.Error.WriteLine($"robotics rig emulate: the emulator exited with code {emulator.ExitCode}:{Environment.NewLine}{emulator.RecentStandardError}");
                    return 1;
                }

                if (DateTime.UtcNow >= deadline)
                    break;
            }

            emulator.Stop();
            var summary = emulator.RecentStandardError.Split('\n').LastOrDefault(l => l.Contains("stop:", StringComparison.Ordinal));
            if (summary is not null)
                Console.Error.WriteLine(summary.Trim());
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"robotics rig emulate: {e.Message}");
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
