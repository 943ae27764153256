using System.CommandLine;
using System.Globalization;
using Robotics.Drivers.Emulation;
using Robotics.Drivers.Serial;
using Robotics.Nodes.Rigs;

namespace Robotics.Cli.Rig;

/// <summary>
/// <c>robotics rig record tendon|hasel --duration S --seed N --out FILE.csv</c>: seeded random-step excitation through the
/// real serial stack against the emulated firmware (<see cref="SerialRigRecorder"/>); the CSV is what <c>rig train</c> reads.
/// </summary>
public static class RigRecordCommand
{
    /// <summary>Creates the <c>record</c> sub-command.</summary>
    public static Command Create()
    {
        var kind = new Argument<string>("rig") { Description = "tendon (2 motor angles in, tip x/y/z out) or hasel (6 HASEL commands in, roll/pitch/heave out)." };
        kind.AcceptOnlyFromAmong("tendon", "hasel");
        var duration = new Option<double>("--duration") { Description = "Seconds to record.", DefaultValueFactory = _ => 60.0 };
        var rate = new Option<double>("--rate") { Description = "Loop (sample) rate in Hz.", DefaultValueFactory = _ => 200.0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the excitation and of the emulator's sensor noise.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--out") { Description = "CSV to write: t_s, u:<command>..., y:<output>... one row per tick.", Required = true };
        var command = new Command("record", "Record identification data through the real serial stack (rig_emu on a PTY -> termios link -> TendonRig/HaselRig -> " +
                                            "ControlLoop) under seeded random steps within the actuator limits; writes the CSV that 'rig train' reads.")
        {
            kind, duration, rate, seed, output,
        };
        command.SetAction(parse =>
        {
            var options = new SerialRigFigureEightOptions
            {
                Rig = parse.GetValue(kind) == "hasel" ? RigType.Hasel : RigType.Tendon,
                DurationSeconds = parse.GetValue(duration),
                RateHz = parse.GetValue(rate),
                Seed = parse.GetValue(seed),
                SettleSeconds = 0,
            };
            var outFile = parse.GetValue(output)!;
            try
            {
                options.Validate();
                if (outFile.Directory is { Exists: false } dir)
                    throw new ArgumentException($"--out: the directory '{dir.FullName}' does not exist; create it or pick another path.");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"robotics rig record: {e.Message}");
                return 2;
            }

            string executable;
            try
            {
                Console.Error.WriteLine("robotics rig record: building the host firmware (hil-rigs/build.sh) ...");
                var hilRigs = Path.Combine(RepoPaths.Root, "hil-rigs");
                executable = Path.Combine(RigFirmwareBuild.EnsureBuilt(Directory.Exists(hilRigs) ? hilRigs : null), "rig_emu");
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine($"robotics rig record: {e.Message}");
                return 1;
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"robotics rig record: {options.Rig.ToString().ToLowerInvariant()} at {options.RateHz:F0} Hz for {options.DurationSeconds:F1} s (seed {options.Seed}) ..."));
            try
            {
                long rows = SerialRigRecorder.Record(options with { EmulatorExecutable = executable }, outFile.FullName, line => Console.Error.WriteLine(line));
                Console.WriteLine($"wrote {outFile.FullName}: {rows} rows");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"robotics rig record: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
