using Robotics.Cli.Bag;
using Robotics.Ros.Interfaces.RoboticsMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;
using Robotics.Ros.Recording;
using ScottPlot;

namespace Robotics.Cli.Plot;

/// <summary>
/// Draws a recording as a PNG with three stacked panels sharing the time axis: reference vs measured (each reference
/// entry named like a state, e.g. <c>position_m</c>), the command, and loop timing (tick interval from the state
/// stamps, plus jitter and compute time from the loop statistics when recorded).
/// </summary>
public static class RecordingPlot
{
    /// <summary>Which topics to draw.</summary>
    /// <param name="State">sensor_msgs/JointState topic with the measured state.</param>
    /// <param name="Reference">sensor_msgs/JointState topic with the reference.</param>
    /// <param name="Command">sensor_msgs/JointState topic with the command.</param>
    /// <param name="Statistics">robotics_msgs/ControllerCycleStatistics topic.</param>
    public sealed record Topics(string State, string Reference, string Command, string Statistics)
    {
        /// <summary>The topics <c>sim run --record</c> writes.</summary>
        public static Topics Default { get; } = new(ScenarioTopicStream.StateTopic, ScenarioTopicStream.ReferenceTopic,
            ScenarioTopicStream.CommandTopic, ScenarioTopicStream.StatisticsTopic);
    }

    /// <summary>What was drawn.</summary>
    /// <param name="TrackedStates">State names drawn against their reference.</param>
    /// <param name="Commands">Command names drawn.</param>
    /// <param name="StateSamples">Samples of the state topic.</param>
    /// <param name="StatisticsSamples">Samples of the statistics topic.</param>
    public sealed record Result(IReadOnlyList<string> TrackedStates, IReadOnlyList<string> Commands, int StateSamples, int StatisticsSamples);

    /// <summary>Renders <paramref name="recording"/> to <paramref name="pngPath"/>.</summary>
    /// <param name="recording">A validated recording.</param>
    /// <param name="topics">Topic names (a topic not found exactly is looked up by its last name segment, e.g. <c>/rig/state</c>).</param>
    /// <param name="pngPath">Output file.</param>
    /// <param name="title">Title of the top panel.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <returns>What was drawn.</returns>
    /// <exception cref="ArgumentException">The state or reference topic is missing or not a JointState; the message names the topics the file has.</exception>
    public static Result Render(McapRecording recording, Topics topics, string pngPath, string title, int width = 1200, int height = 1000)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(topics);
        var state = Series(recording, topics.State, required: true)!;
        var reference = Series(recording, topics.Reference, required: true)!;
        var command = Series(recording, topics.Command, required: false);
        var statistics = Statistics(recording, topics.Statistics);

        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        ScottPlot.Plot top = multiplot.GetPlot(0), middle = multiplot.GetPlot(1), bottom = multiplot.GetPlot(2);

        var tracked = new List<string>();
        for (int i = 0; i < reference.Names.Length; i++)
        {
            int s = Array.IndexOf(state.Names, reference.Names[i]);
            if (s < 0) continue;
            tracked.Add(state.Names[s]);
            Line(top, state.Times, state.Column(s), "measured " + state.Names[s], 1.5f);
            Line(top, reference.Times, reference.Column(i), "reference " + reference.Names[i], 1.5f).LinePattern = LinePattern.Dashed;
        }

        if (tracked.Count == 0)
        {
            // Nothing paired by name: draw the first state and every reference entry.
            if (state.Names.Length > 0) Line(top, state.Times, state.Column(0), "measured " + state.Names[0], 1.5f);
            for (int i = 0; i < reference.Names.Length; i++) Line(top, reference.Times, reference.Column(i), "reference " + reference.Names[i], 1.5f).LinePattern = LinePattern.Dashed;
        }

        top.Title(title);
        top.YLabel("reference vs measured");
        top.ShowLegend(Alignment.LowerRight);

        var commands = new List<string>();
        if (command is not null)
        {
            for (int i = 0; i < command.Names.Length; i++)
            {
                Line(middle, command.Times, command.Column(i), command.Names[i], 1.2f);
                commands.Add(command.Names[i]);
            }

            middle.ShowLegend(Alignment.UpperRight);
        }

        middle.YLabel("command");

        if (state.Times.Length > 1)
        {
            var t = new double[state.Times.Length - 1];
            var dt = new double[t.Length];
            for (int k = 1; k < state.Times.Length; k++)
            {
                t[k - 1] = state.Times[k];
                dt[k - 1] = (state.Times[k] - state.Times[k - 1]) * 1e3;
            }

            Line(bottom, t, dt, "tick interval (state stamps)", 1.0f);
        }

        if (statistics.Times.Length > 0)
        {
            Line(bottom, statistics.Times, statistics.JitterRmsMs, "jitter rms since start", 1.2f);
            Line(bottom, statistics.Times, statistics.MeanComputeMs, "compute mean since start", 1.2f);
            Line(bottom, statistics.Times, statistics.MaxComputeMs, "compute max since start", 1.0f).LinePattern = LinePattern.Dotted;
        }

        bottom.YLabel("loop timing [ms]");
        bottom.XLabel("time [s]");
        bottom.ShowLegend(Alignment.UpperRight);
        multiplot.SharedAxes.ShareX([top, middle, bottom]);

        string? folder = Path.GetDirectoryName(Path.GetFullPath(pngPath));
        if (folder is not null) Directory.CreateDirectory(folder);
        multiplot.SavePng(pngPath, width, height);
        return new Result(tracked, commands, state.Times.Length, statistics.Times.Length);
    }

    private static ScottPlot.Plottables.Scatter Line(ScottPlot.Plot plot, double[] xs, double[] ys, string label, float width)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = label;
        line.LineWidth = width;
        return line;
    }

    private sealed record JointSeries(string[] Names, double[] Times, double[][] Values)
    {
        public double[] Column(int i) => Values[i];
    }

    private static McapChannel? FindChannel(McapRecording r, string topic, string type)
    {
        var exact = r.FindChannel(topic);
        if (exact is not null) return exact;
        string last = topic[(topic.LastIndexOf('/') + 1)..];
        return r.Channels.Values.FirstOrDefault(c => c.Topic.EndsWith("/" + last, StringComparison.Ordinal) && r.SchemaOf(c)?.Name == type);
    }

    private static JointSeries? Series(McapRecording r, string topic, bool required)
    {
        var channel = FindChannel(r, topic, JointState.Support.RosTypeName);
        if (channel is null || r.SchemaOf(channel)?.Name != JointState.Support.RosTypeName)
        {
            if (!required) return null;
            throw new ArgumentException($"the recording has no {JointState.Support.RosTypeName} topic {topic} (it has: "
                + string.Join(", ", r.Channels.Values.Select(c => $"{c.Topic} [{r.SchemaOf(c)?.Name}]")) + "). Record with `robotics sim run … --record FILE.mcap`, or name the topics with --state-topic/--reference-topic.");
        }

        var msg = new JointState();
        var times = new List<double>();
        var values = new List<double[]>();
        string[] names = [];
        foreach (var m in r.Messages)
        {
            if (m.ChannelId != channel.Id || JointState.Support.TryDeserialize(m.Data, msg) != CdrStatus.Ok) continue;
            if (values.Count == 0) names = msg.Name.ToArray();
            if (msg.Position.Length != names.Length) continue;
            times.Add(m.LogTime / 1e9);
            values.Add(msg.Position.ToArray());
        }

        var columns = new double[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            columns[i] = new double[values.Count];
            for (int k = 0; k < values.Count; k++) columns[i][k] = values[k][i];
        }

        return new JointSeries(names, times.ToArray(), columns);
    }

    private sealed record StatisticsSeries(double[] Times, double[] JitterRmsMs, double[] MeanComputeMs, double[] MaxComputeMs);

    private static StatisticsSeries Statistics(McapRecording r, string topic)
    {
        var channel = FindChannel(r, topic, ControllerCycleStatistics.Support.RosTypeName);
        var t = new List<double>();
        var jitter = new List<double>();
        var mean = new List<double>();
        var max = new List<double>();
        if (channel is not null && r.SchemaOf(channel)?.Name == ControllerCycleStatistics.Support.RosTypeName)
        {
            var msg = new ControllerCycleStatistics();
            foreach (var m in r.Messages)
            {
                if (m.ChannelId != channel.Id || ControllerCycleStatistics.Support.TryDeserialize(m.Data, msg) != CdrStatus.Ok) continue;
                t.Add(m.LogTime / 1e9);
                jitter.Add(msg.JitterRmsS * 1e3);
                mean.Add(msg.MeanComputeS * 1e3);
                max.Add(msg.MaxComputeS * 1e3);
            }
        }

        return new StatisticsSeries(t.ToArray(), jitter.ToArray(), mean.ToArray(), max.ToArray());
    }
}
