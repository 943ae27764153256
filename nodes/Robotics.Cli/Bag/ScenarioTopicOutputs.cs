using System.CommandLine;
using System.Globalization;
using Robotics.Control.Loop;
using Robotics.Nodes.Foxglove;
using Robotics.Ros.Recording;
using Robotics.Sim.Scenarios;

namespace Robotics.Cli.Bag;

/// <summary>
/// The <c>--record FILE.mcap</c> and <c>--foxglove PORT</c> outputs of a scenario run: a bag, a Foxglove server and the
/// <see cref="ScenarioTopicStream"/> pacer that feeds them.
/// </summary>
public sealed class ScenarioTopicOutputs : IDisposable
{
    private readonly RosBagWriter? _bag;
    private readonly FoxgloveServer? _foxglove;
    private bool _disposed;

    private ScenarioTopicOutputs(RosBagWriter? bag, FoxgloveServer? foxglove, ScenarioTopicStream stream, string? recordPath)
    {
        _bag = bag;
        _foxglove = foxglove;
        Stream = stream;
        RecordPath = recordPath;
    }

    /// <summary>The pacer to run the scenario with.</summary>
    public ScenarioTopicStream Stream { get; }

    /// <summary>The .mcap path, or null.</summary>
    public string? RecordPath { get; }

    /// <summary>The Foxglove URL, or null.</summary>
    public string? FoxgloveUrl => _foxglove?.Url;

    /// <summary><c>--record FILE.mcap</c>.</summary>
    public static Option<string?> RecordOption() => new("--record")
    {
        Description = "Record the run as a rosbag2 MCAP file (topics /state, /reference, /command, /loop_statistics; stamps are loop time, so a seeded run gives a byte-identical file) and write metadata.yaml beside it. Read it with `robotics bag info`, `robotics plot`, Foxglove or `ros2 bag play`.",
    };

    /// <summary><c>--foxglove PORT</c>.</summary>
    public static Option<int?> FoxgloveOption() => new("--foxglove")
    {
        Description = "Serve the run's topics to Foxglove/Lichtblick over the Foxglove WebSocket protocol on ws://127.0.0.1:PORT (8765 is the usual port; 0 = any free port). Add --realtime to watch the loop live.",
    };

    /// <summary>Opens the outputs; null when neither is requested.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="pacer">The pacer the run would use (null = simulated time).</param>
    /// <param name="recordPath">--record value.</param>
    /// <param name="foxglovePort">--foxglove value.</param>
    /// <param name="error">Why the outputs could not be opened (for exit code 2), else null.</param>
    /// <returns>The outputs, or null.</returns>
    public static ScenarioTopicOutputs? Open(Scenario scenario, ILoopPacer? pacer, string? recordPath, int? foxglovePort, out string? error)
    {
        error = null;
        if (recordPath is null && foxglovePort is null) return null;
        if (recordPath is not null && !recordPath.EndsWith(".mcap", StringComparison.OrdinalIgnoreCase))
        {
            error = $"--record {recordPath}: the recording is an MCAP file; give a name ending in .mcap (e.g. --record runs/msd.mcap).";
            return null;
        }

        if (foxglovePort is { } p && (p < 0 || p > 65535))
        {
            error = $"--foxglove {p.ToString(CultureInfo.InvariantCulture)}: a TCP port is 0..65535; use e.g. --foxglove 8765.";
            return null;
        }

        FoxgloveServer? server = null;
        RosBagWriter? bag = null;
        try
        {
            if (foxglovePort is { } port)
            {
                server = new FoxgloveServer(new FoxgloveServerOptions { Port = port, Name = "robotics sim " + scenario.Name });
                server.Start();
                Console.WriteLine($"foxglove   serving {server.Url} (subprotocols foxglove.sdk.v1, foxglove.websocket.v1)");
            }

            if (recordPath is not null) bag = RosBagWriter.Create(recordPath);
            return new ScenarioTopicOutputs(bag, server, new ScenarioTopicStream(scenario, pacer, bag, server), recordPath);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            server?.Dispose();
            bag?.Dispose();
            error = e.Message;
            return null;
        }
    }

    /// <summary>Emits the last tick, completes the bag (and metadata.yaml) and stops the server.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Stream.Flush();
        _bag?.Dispose();
        _foxglove?.Dispose();
    }

    /// <summary>Lines for the run summary.</summary>
    /// <returns>Text lines.</returns>
    public IEnumerable<string> SummaryLines()
    {
        if (RecordPath is not null)
        {
            yield return $"record     {RecordPath} ({Stream.TicksEmitted} ticks; topics {ScenarioTopicStream.StateTopic}, {ScenarioTopicStream.ReferenceTopic}, {ScenarioTopicStream.CommandTopic}, {ScenarioTopicStream.StatisticsTopic}; metadata.yaml beside it)";
        }

        if (FoxgloveUrl is not null) yield return $"foxglove   {FoxgloveUrl} (closed at the end of the run)";
    }
}
