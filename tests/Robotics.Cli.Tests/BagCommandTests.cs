using System.Globalization;
using Robotics.Ros.Interfaces.RoboticsMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;
using Robotics.Ros.Recording;

namespace Robotics.Cli.Tests;

/// <summary><c>sim run --record</c>, <c>bag info|play</c>, <c>plot</c> and <c>demo</c>'s plot, run against the real executable.</summary>
public sealed class BagCommandTests : IDisposable
{
    private const string Scenario = "sim/scenarios/msd-pid.yaml"; // 1 kHz, tracks position_m against reference 0
    private readonly string _folder = Directory.CreateTempSubdirectory("bag-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Record(string name, ulong seed, double duration = 0.5)
    {
        string path = Path.Combine(_folder, name, "run.mcap");
        var r = CliProcess.Run("sim", "run", Scenario, "--seed", seed.ToString(CultureInfo.InvariantCulture),
            "--duration", duration.ToString(CultureInfo.InvariantCulture), "--record", path);
        Assert.True(r.ExitCode is 0 or 1, $"exit {r.ExitCode}\n{r.StandardOutput}\n{r.StandardError}");
        Assert.Contains("record     " + path, r.StandardOutput, StringComparison.Ordinal);
        return path;
    }

    [Fact]
    public void SimRunRecord_SameSeed_IsByteIdentical_OtherSeedDiffers()
    {
        string a = Record("a", 1), b = Record("b", 1), c = Record("c", 2);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "a", "metadata.yaml")), File.ReadAllText(Path.Combine(_folder, "b", "metadata.yaml")));
        // msd-pid has sensor noise, so another seed changes the measured state.
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));
    }

    [Fact]
    public void SimRunRecord_HoldsOneMessagePerTickAtLoopTime()
    {
        var r = McapReader.ReadFile(Record("one", 1));
        Assert.Equal("ros2", r.Profile);
        // 0.5 s at 1 kHz = 500 ticks at t = 0, 1, …, 499 ms; statistics every 0.1 s = 100 ticks -> 5 messages.
        var state = r.FindChannel("/state")!;
        var stateMessages = r.Messages.Where(m => m.ChannelId == state.Id).ToArray();
        Assert.Equal(500, stateMessages.Length);
        for (int k = 0; k < 500; k++) Assert.Equal((ulong)k * 1_000_000UL, stateMessages[k].LogTime);
        Assert.Equal(500, r.Messages.Count(m => m.ChannelId == r.FindChannel("/reference")!.Id));
        Assert.Equal(500, r.Messages.Count(m => m.ChannelId == r.FindChannel("/command")!.Id));
        var stats = r.Messages.Where(m => m.ChannelId == r.FindChannel("/loop_statistics")!.Id).ToArray();
        Assert.Equal(5, stats.Length);
        var s = new ControllerCycleStatistics();
        Assert.Equal(CdrStatus.Ok, ControllerCycleStatistics.Support.TryDeserialize(stats[^1].Data, s));
        Assert.Equal(500UL, s.TickCount);
        Assert.Equal(100U, s.Ticks);
        Assert.Equal(1_000_000U, s.Period.Nanosec);

        var js = new JointState();
        Assert.Equal(CdrStatus.Ok, JointState.Support.TryDeserialize(r.Messages.First(m => m.ChannelId == r.FindChannel("/reference")!.Id).Data, js));
        Assert.Equal(["position_m"], js.Name); // the tracked state names the reference entry
        Assert.Equal(CdrStatus.Ok, JointState.Support.TryDeserialize(stateMessages[0].Data, js));
        Assert.Equal(["position_m", "velocity_m_s"], js.Name);
        Assert.Equal(JointState.Support.TypeHash, state.Metadata["topic_type_hash"]);
    }

    [Fact]
    public void BagInfo_ListsTopicsAndCounts()
    {
        string path = Record("info", 1);
        var r = CliProcess.Run("bag", "info", path);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("Topic: /state | Type: sensor_msgs/msg/JointState | Count: 500 | Serialization Format: cdr", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Topic: /loop_statistics | Type: robotics_msgs/msg/ControllerCycleStatistics | Count: 5", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Messages:          1505", r.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Duration:          0.499000000 s", r.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void BagInfo_MissingOrCorruptFile_ExitsTwoNamingTheProblem()
    {
        var missing = CliProcess.Run("bag", "info", Path.Combine(_folder, "nope.mcap"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.StandardError, StringComparison.Ordinal);

        string path = Record("corrupt", 1);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[200] ^= 0xFF; // inside the first chunk's records (the header and chunk header take < 100 bytes)
        File.WriteAllBytes(path, bytes);
        var corrupt = CliProcess.Run("bag", "info", path);
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains("chunk CRC mismatch", corrupt.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void BagPlay_PublishesEveryMessage_BadRateExitsTwo()
    {
        string path = Record("play", 1, duration: 0.1);
        var r = CliProcess.Run("bag", "play", path, "--rate", "10", "--transport", "inprocess");
        Assert.True(r.ExitCode == 0, r.StandardError);
        // 100 ticks x 3 JointState topics + 1 statistics message.
        Assert.Contains("published 301 messages", r.StandardOutput, StringComparison.Ordinal);
        var bad = CliProcess.Run("bag", "play", path, "--rate", "0", "--transport", "inprocess");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--rate", bad.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_WritesAPng_AndRefusesARecordingWithoutStateTopics()
    {
        string path = Record("plot", 1);
        string png = Path.Combine(_folder, "plot.png");
        var r = CliProcess.Run("plot", path, "--out", png);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("reference vs measured: position_m", r.StandardOutput, StringComparison.Ordinal);
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);

        var bad = CliProcess.Run("plot", path, "--state-topic", "/nope", "--out", png);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("no sensor_msgs/msg/JointState topic /nope", bad.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_DescribesBagAndPlot()
    {
        foreach (var args in new[] { new[] { "bag", "--help" }, ["bag", "info", "--help"], ["bag", "play", "--help"], ["plot", "--help"] })
        {
            var r = CliProcess.Run(args);
            Assert.True(r.ExitCode == 0, string.Join(' ', args) + ": " + r.StandardError);
            Assert.Contains("Usage:", r.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Record_WrongExtension_ExitsTwo()
    {
        var r = CliProcess.Run("sim", "run", Scenario, "--duration", "0.1", "--record", Path.Combine(_folder, "x.bag"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ending in .mcap", r.StandardError, StringComparison.Ordinal);
    }

    [BagNpmFact]
    public void McapCore_ReadsSimRecordings_WithValidCrcs()
    {
        string msd = Record("npm-msd", 1, duration: 2);
        string cart = Path.Combine(_folder, "npm-cart", "run.mcap");
        var run = CliProcess.Run("sim", "run", "sim/scenarios/cartpole-lqr.yaml", "--duration", "1", "--record", cart);
        Assert.True(run.ExitCode is 0 or 1, run.StandardError);
        var docs = BagNpm.ReadMcap(msd, cart);
        Assert.Equal(2, docs.Count);
        // 2 s at 1 kHz: 2000 ticks x 3 + 20 statistics.
        Assert.Equal(6020, docs[0].GetProperty("messageCount").GetInt32());
        foreach (var d in docs)
        {
            Assert.Equal("ros2", d.GetProperty("profile").GetString());
            var topics = d.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("topic").GetString()!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(["/command", "/loop_statistics", "/reference", "/state"], topics);
            Assert.All(d.GetProperty("channels").EnumerateArray(), c => Assert.Equal("ros2msg", c.GetProperty("schemaEncoding").GetString()));
        }
    }

    [Fact]
    public void Demo_LeavesARecordingAndAPlot()
    {
        string output = Path.Combine(_folder, "demo");
        var r = CliProcess.Run("demo", "--out", output);
        Assert.True(r.ExitCode is 0 or 1, r.StandardError);
        Assert.True(File.Exists(Path.Combine(output, "msd-pid.png")), r.StandardOutput);
        Assert.True(File.Exists(Path.Combine(output, "metadata.yaml")));
        Assert.Equal(10_000, McapReader.ReadFile(Path.Combine(output, "msd-pid.mcap")).Messages.Count(m => m.ChannelId == 0));
    }
}
