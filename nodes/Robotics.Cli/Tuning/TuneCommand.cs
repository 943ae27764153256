using System.CommandLine;
using System.Globalization;
using Robotics.Control.Racing;
using Robotics.Control.Tuning;
using Robotics.Nodes.Tuning;
using Robotics.Sim.Racing;
using Serilog;

namespace Robotics.Cli.Tuning;

/// <summary>
/// <c>robotics tune "instruction"</c>: the racing car in-process with the tuning adapter: races with its current
/// parameters, sends the instruction and a state summary to the model, applies an accepted proposal between two ticks
/// (all-or-nothing), and prints the decision and the behaviour before and after. For a running <c>racing_mpc_node</c>
/// publish on its topic instead: <c>robotics topic pub /racing/instruction std_msgs/msg/String "{data: ...}" --once</c>.
/// </summary>
public static class TuneCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var instruction = new Argument<string>("instruction") { Description = "What the car should do, e.g. \"stay on the centreline\"." };
        var seconds = new Option<double>("--seconds") { Description = "Simulated seconds measured before and after the instruction (1 .. 600).", DefaultValueFactory = _ => 20.0 };
        var rollback = new Option<bool>("--rollback") { Description = "After measuring, roll the change back and measure again." };
        var backend = new LlmBackendOptions();
        var command = new Command("tune", "Tune the racing MPC from a natural-language instruction through the validated parameter path (in-process racing sim).")
        {
            instruction, seconds, rollback,
        };
        backend.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            string text = parse.GetValue(instruction) ?? "";
            double s = parse.GetValue(seconds);
            string? error = text.Trim().Length == 0 ? "the instruction is empty; give e.g. \"stay on the centreline\"." : null;
            if (error is null && !(s >= 1 && s <= 600)) error = $"--seconds must be in 1 .. 600, got {s.ToString(CultureInfo.InvariantCulture)}.";
            ReplayChatServer? server = null;
            ResilientLanguageModel? model = null;
            string name = "";
            if (error is null) model = backend.Build(parse, out server, out name, out error);
            if (error is not null || model is null)
            {
                Console.Error.WriteLine("robotics tune: " + error);
                return 2;
            }

            using var serverScope = server;
            using var modelScope = model;
            using var logger = new LoggerConfiguration().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
            if (!model.IsConfigured) Console.Error.WriteLine("robotics tune: no language model is configured (give --llm-endpoint/--llm-model or --scripted); the controller keeps its parameters.");
            var track = TrackProfile.Default;
            var parameters = RacingMpcController.DefaultParameters();
            var controller = new RacingMpcController(parameters, track);
            var run = new RacingRun(new FrenetRacingPlant(track), controller);
            int ticks = (int)Math.Round(s / run.PeriodS);
            Console.Error.WriteLine($"racing {s} s with the current parameters ...");
            run.Run(ticks);
            var before = run.Metrics();
            var target = new ParameterSetTuningTarget(parameters, controller.ApplyParameters);
            var session = new TuningSession(model, target, new TuningMemory(RacingTuning.DefaultHints), RacingTuning.ControllerDescription, RacingTuning.Tunable, logger);
            session.Published += json => Console.WriteLine(json);
            Console.Error.WriteLine($"asking {name} ...");
            var result = await session.TuneAsync(text, run.Summary(), ct);
            Console.Error.WriteLine($"decision: {result.Detail}");
            run.ClearRecord();
            run.Run(ticks);
            var after = run.Metrics();
            Print("before", before);
            Print("after", after);
            if (parse.GetValue(rollback))
            {
                session.Rollback(out string detail);
                Console.Error.WriteLine(detail);
                run.ClearRecord();
                run.Run(ticks);
                Print("rolled back", run.Metrics());
            }

            return 0;
        });
        return command;
    }

    private static void Print(string label, RacingMetrics m) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{label,-12} lateral RMSE {m.LateralRmseM:F3} m, mean speed {m.MeanSpeedMS:F2} m/s, accel RMS {m.AccelerationRmsMS2:F2} m/s^2, max |n| {m.MaxAbsLateralM:F2} m, off-track ticks {m.OffTrackTicks}"));
}
