using System.CommandLine;
using System.Globalization;
using Robotics.Drivers.Emulation;
using Robotics.Drivers.Serial;
using Robotics.Nodes.Rigs;

namespace Robotics.Cli.Rig;

/// <summary>
/// <c>robotics rig figure8 tendon|hasel</c>: the closed-loop acceptance run of issue 6 through the real serial stack
/// against the emulated firmware (<see cref="SerialRigFigureEight"/>), printed and optionally written as a markdown table.
/// </summary>
public static class RigFigureEightCommand
{
    /// <summary>Creates the <c>figure8</c> sub-command.</summary>
    public static Command Create()
    {
        var kind = new Argument<string>("rig") { Description = "tendon (tip figure eight, bound 2 mm RMS) or hasel (platform figure eight, bound 1 mm RMS)." };
        kind.AcceptOnlyFromAmong("tendon", "hasel");
        var controller = new Option<string>("--controller") { Description = "pid (PI through the inverse kinematics + feed-forward) or npc (Newton NPC on the analytic lag model); 'both' runs both.", DefaultValueFactory = _ => "pid" };
        controller.AcceptOnlyFromAmong("pid", "npc", "both");
        var duration = new Option<double>("--duration") { Description = "Seconds of figure eight measured (after a 1 s hold).", DefaultValueFactory = _ => 60.0 };
        var rate = new Option<double>("--rate") { Description = "Control rate in Hz (>= 120 for the acceptance run).", DefaultValueFactory = _ => 200.0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the emulator's sensor noise and drift.", DefaultValueFactory = _ => 1 };
        var link = new Option<string>("--link") { Description = "posix (raw termios, default) or serialport (System.IO.Ports).", DefaultValueFactory = _ => "posix" };
        link.AcceptOnlyFromAmong("posix", "serialport");
        var model = new Option<FileInfo?>("--model") { Description = "Learned dynamics artifact (.model.json, e.g. models/artifacts/tendon-narx.model.json from 'rig train') for the NPC instead of the analytic lag model." };
        var output = new Option<FileInfo?>("--out") { Description = "Append the result rows to this markdown file (the header is written when the file is new)." };
        var command = new Command("figure8", "Closed loop through the real serial stack (rig_emu on a PTY -> termios link -> RigSupervisor -> " +
                                              "TendonRig/HaselRig -> ControlLoop paced on the monotonic clock) tracking a figure eight; prints RMS path error, " +
                                              "lost/corrupt frames, loop timing, sample age and command latency. Exit 1 when a bound is missed or a frame was lost.")
        {
            kind, controller, duration, rate, seed, link, output, model,
        };
        command.SetAction(parse =>
        {
            var rig = parse.GetValue(kind) == "hasel" ? RigType.Hasel : RigType.Tendon;
            string which = parse.GetValue(controller) ?? "pid";
            SerialRigControllerKind[] controllers = which switch
            {
                "npc" => [SerialRigControllerKind.Npc],
                "both" => [SerialRigControllerKind.Pid, SerialRigControllerKind.Npc],
                _ => [SerialRigControllerKind.Pid],
            };
            var options = new SerialRigFigureEightOptions
            {
                Rig = rig,
                DurationSeconds = parse.GetValue(duration),
                RateHz = parse.GetValue(rate),
                Seed = parse.GetValue(seed),
                Link = parse.GetValue(link) == "serialport" ? SerialLinkKind.SerialPort : SerialLinkKind.Posix,
                ModelPath = parse.GetValue(model)?.FullName,
            };
            var outFile = parse.GetValue(output);
            try
            {
                options.Validate();
                if (options.ModelPath is { } mp && !File.Exists(mp))
                    throw new ArgumentException($"--model: '{mp}' does not exist; train one with 'robotics rig train FILE.csv'.");
                if (outFile is not null && outFile.Directory is { Exists: false } dir)
                    throw new ArgumentException($"--out: the directory '{dir.FullName}' does not exist; create it or pick another path.");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"robotics rig figure8: {e.Message}");
                return 2;
            }

            string executable;
            try
            {
                Console.Error.WriteLine("robotics rig figure8: building the host firmware (hil-rigs/build.sh) ...");
                var hilRigs = Path.Combine(RepoPaths.Root, "hil-rigs");
                executable = Path.Combine(RigFirmwareBuild.EnsureBuilt(Directory.Exists(hilRigs) ? hilRigs : null), "rig_emu");
            }
            catch (Exception e) when (e is InvalidOperationException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine($"robotics rig figure8: {e.Message}");
                return 1;
            }

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            int exit = 0;
            try
            {
                foreach (var c in controllers)
                {
                    var o = options with { Controller = c, EmulatorExecutable = executable };
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"robotics rig figure8: {o.Rig.ToString().ToLowerInvariant()} / {c.ToString().ToLowerInvariant()} at {o.RateHz:F0} Hz for {o.SettleSeconds:F0} + {o.DurationSeconds:F0} s (seed {o.Seed}) ..."));
                    SerialRigFigureEightResult result;
                    try
                    {
                        result = SerialRigFigureEight.Run(o, line => Console.Error.WriteLine(line), cancel.Token);
                    }
                    catch (Exception e) when (e is InvalidOperationException or ArgumentException or IOException)
                    {
                        Console.Error.WriteLine($"robotics rig figure8: {e.Message}");
                        return 1;
                    }

                    Console.WriteLine(result.ToString());
                    bool pass = result.RmsErrorMeters <= result.ErrorBoundMeters && result.Clean;
                    Console.WriteLine(pass ? "  PASS" : "  MISS");
                    if (!pass) exit = 1;
                    if (outFile is not null)
                    {
                        bool isNew = !File.Exists(outFile.FullName) || new FileInfo(outFile.FullName).Length == 0;
                        var text = (isNew ? SerialRigFigureEightResult.MarkdownHeader + Environment.NewLine : string.Empty) + result.ToMarkdownRow() + Environment.NewLine;
                        File.AppendAllText(outFile.FullName, text);
                    }
                }
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return exit;
        });
        return command;
    }
}
