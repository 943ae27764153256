using System.CommandLine;
using Robotics.Cli.Bag;

namespace Robotics.Cli.Plot;

/// <summary><c>robotics plot FILE.mcap --out FILE.png</c>.</summary>
public static class PlotCommand
{
    /// <summary>Exit code for invalid input.</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A recording from `sim run --record`, `demo` or `launch --record` (.mcap)." };
        var output = new Option<string?>("--out", "-o") { Description = "PNG file to write (default: the recording's name with .png)." };
        var title = new Option<string?>("--title") { Description = "Title of the plot (default: the file name)." };
        var d = RecordingPlot.Topics.Default;
        var state = new Option<string>("--state-topic") { Description = "sensor_msgs/JointState topic with the measured state.", DefaultValueFactory = _ => d.State };
        var reference = new Option<string>("--reference-topic") { Description = "sensor_msgs/JointState topic with the reference.", DefaultValueFactory = _ => d.Reference };
        var command = new Option<string>("--command-topic") { Description = "sensor_msgs/JointState topic with the command.", DefaultValueFactory = _ => d.Command };
        var statistics = new Option<string>("--statistics-topic") { Description = "robotics_msgs/ControllerCycleStatistics topic with loop timing.", DefaultValueFactory = _ => d.Statistics };
        var cmd = new Command("plot", "Draw reference vs measured, the command and loop timing from a recording into a PNG (ScottPlot). Exit 0 = written, 2 = invalid input.")
        {
            file, output, title, state, reference, command, statistics,
        };
        cmd.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(title),
            new RecordingPlot.Topics(parse.GetValue(state)!, parse.GetValue(reference)!, parse.GetValue(command)!, parse.GetValue(statistics)!)));
        return cmd;
    }

    private static int Run(string file, string? output, string? title, RecordingPlot.Topics topics)
    {
        string png = output ?? Path.ChangeExtension(file, ".png");
        if (!png.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"robotics plot: --out {png}: the output is a PNG image; give a file name ending in .png.");
            return ExitInvalidInput;
        }

        var recording = BagCommands.Load(file, "plot");
        if (recording is null) return ExitInvalidInput;
        try
        {
            var result = RecordingPlot.Render(recording, topics, png, title ?? Path.GetFileName(file));
            Console.WriteLine($"plot       {png}");
            Console.WriteLine($"           reference vs measured: {(result.TrackedStates.Count > 0 ? string.Join(", ", result.TrackedStates) : "(no state named like a reference entry; first state and all references drawn)")}");
            Console.WriteLine($"           command: {(result.Commands.Count > 0 ? string.Join(", ", result.Commands) : "(none recorded)")}; {result.StateSamples} state samples, {result.StatisticsSamples} loop statistics");
            return 0;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"robotics plot: {file}: {e.Message}");
            return ExitInvalidInput;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"robotics plot: could not write {png}: {e.Message}");
            return ExitInvalidInput;
        }
    }
}
