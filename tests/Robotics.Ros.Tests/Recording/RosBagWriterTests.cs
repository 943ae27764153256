using System.Text;
using System.Text.Json;
using Robotics.Core.Time;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Messages;
using Robotics.Ros.Recording;
using Robotics.Ros.Tests.Messages;
using Robotics.Ros.Transport;
using YamlDotNet.RepresentationModel;

namespace Robotics.Ros.Tests.Recording;

public sealed class RosBagWriterTests : IDisposable
{
    private static readonly string Bar = new('=', 80);
    private readonly string _folder = Directory.CreateTempSubdirectory("rosbag-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Msg(string package, string type) => File.ReadAllText(Path.Combine(TestPaths.Interfaces, package, "msg", type + ".msg"));

    [Fact]
    public void DefinitionText_JointState_IsTheFileThenHeaderThenTime()
    {
        // rosbag2 get_full_text by hand: JointState.msg names std_msgs/Header (the only non-primitive); Header.msg names
        // builtin_interfaces/Time; Time.msg has only primitives.
        string expected = Msg("sensor_msgs", "JointState")
            + "\n" + Bar + "\nMSG: std_msgs/Header\n" + Msg("std_msgs", "Header")
            + "\n" + Bar + "\nMSG: builtin_interfaces/Time\n" + Msg("builtin_interfaces", "Time");
        Assert.Equal(expected, Ros2MessageDefinitionText.For(JointState.Support));
    }

    [Fact]
    public void DefinitionText_DiagnosticArray_VisitsDependenciesDepthFirstInOrdinalOrderOnce()
    {
        // DiagnosticArray: {DiagnosticStatus (unqualified -> diagnostic_msgs/DiagnosticStatus), std_msgs/Header}; ordinal order
        // puts diagnostic_msgs/... first; DiagnosticStatus brings KeyValue; then Header brings builtin_interfaces/Time.
        string expected = Msg("diagnostic_msgs", "DiagnosticArray")
            + "\n" + Bar + "\nMSG: diagnostic_msgs/DiagnosticStatus\n" + Msg("diagnostic_msgs", "DiagnosticStatus")
            + "\n" + Bar + "\nMSG: diagnostic_msgs/KeyValue\n" + Msg("diagnostic_msgs", "KeyValue")
            + "\n" + Bar + "\nMSG: std_msgs/Header\n" + Msg("std_msgs", "Header")
            + "\n" + Bar + "\nMSG: builtin_interfaces/Time\n" + Msg("builtin_interfaces", "Time");
        Assert.Equal(expected, Ros2MessageDefinitionText.For(DiagnosticArray.Support));
    }

    [Fact]
    public void Create_WritesRos2ProfileSchemasChannelsAndMetadataYaml()
    {
        string path = WriteBag(_folder, 50);
        McapRecording r = McapReader.ReadFile(path);
        Assert.Equal("ros2", r.Profile);
        var state = r.FindChannel("/state")!;
        Assert.Equal("cdr", state.MessageEncoding);
        var schema = r.SchemaOf(state)!;
        Assert.Equal("sensor_msgs/msg/JointState", schema.Name);
        Assert.Equal("ros2msg", schema.Encoding);
        Assert.Equal(JointState.Support.TypeHash, state.Metadata["topic_type_hash"]);
        Assert.StartsWith("- history: keep_last\n  depth: 10\n  reliability: reliable\n  durability: volatile\n", state.Metadata["offered_qos_profiles"], StringComparison.Ordinal);
        Assert.Equal(100, r.Messages.Count);

        // Message k on /state: position = [k * 0.5], stamped k ms; its bytes decode back.
        var decoded = new JointState();
        var m = r.Messages.First(x => x.ChannelId == state.Id && x.LogTime == 7_000_000);
        Assert.Equal(CdrStatus.Ok, JointState.Support.TryDeserialize(m.Data, decoded));
        Assert.Equal(new[] { 3.5 }, decoded.Position);

        string yamlText = File.ReadAllText(Path.Combine(_folder, "metadata.yaml"));
        Assert.Equal(yamlText, r.Metadata.Single(x => x.Name == "rosbag2").Values["serialized_metadata"]);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(yamlText));
        var info = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["rosbag2_bagfile_information"];
        Assert.Equal("9", info["version"].ToString());
        Assert.Equal("mcap", info["storage_identifier"].ToString());
        Assert.Equal("100", info["message_count"].ToString());
        Assert.Equal("49000000", ((YamlMappingNode)info["duration"])["nanoseconds"].ToString()); // 0 .. 49 ms
        var topics = (YamlSequenceNode)info["topics_with_message_count"];
        Assert.Equal(2, topics.Children.Count);
        Assert.Equal("bag.mcap", ((YamlSequenceNode)info["relative_file_paths"]).Children[0].ToString());
    }

    [Fact]
    public void Create_SameMessagesTwice_IsByteIdentical()
    {
        string a = WriteBag(Path.Combine(_folder, "a"), 300);
        string b = WriteBag(Path.Combine(_folder, "b"), 300);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [NpmFact]
    public void McapCore_ReadsOurBag_WithValidCrcsAndTheSameSchemas()
    {
        string path = WriteBag(_folder, 2000, chunkSize: 16 * 1024);
        var doc = NpmOracle.ReadMcap(path).Single();
        Assert.Equal("ros2", doc.GetProperty("profile").GetString());
        Assert.Equal(4000, doc.GetProperty("messageCount").GetInt32());
        Assert.True(doc.GetProperty("chunkCount").GetInt32() > 1);
        Assert.Contains("rosbag2", doc.GetProperty("metadata").EnumerateArray().Select(e => e.GetString()));
        var channels = doc.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("topic").GetString()!);
        var state = channels["/state"];
        Assert.Equal("cdr", state.GetProperty("messageEncoding").GetString());
        Assert.Equal("ros2msg", state.GetProperty("schemaEncoding").GetString());
        Assert.Equal("sensor_msgs/msg/JointState", state.GetProperty("schemaName").GetString());
        Assert.Equal(Ros2MessageDefinitionText.For(JointState.Support), state.GetProperty("schemaText").GetString());
        Assert.Equal(2000, state.GetProperty("messageCount").GetInt32());
        Assert.Equal(2000, channels["/status"].GetProperty("messageCount").GetInt32());
    }

    /// <summary>/state (JointState, position [k/2]) and /status (String) every 1 ms of simulated time, k = 0..n-1.</summary>
    internal static string WriteBag(string folder, int n, int chunkSize = 786432)
    {
        string path = Path.Combine(folder, "bag.mcap");
        using var bag = RosBagWriter.Create(path, new RosBagWriterOptions { Mcap = new McapWriterOptions { ChunkSize = chunkSize } });
        var state = bag.AddTopic("/state", JointState.Support, QosProfile.Default);
        var status = bag.AddTopic("/status", Robotics.Ros.Interfaces.StdMsgs.String.Support, QosProfile.TransientLocal(1));
        var js = new JointState { Name = ["position_m"], Position = [0.0] };
        var text = new Robotics.Ros.Interfaces.StdMsgs.String();
        for (int k = 0; k < n; k++)
        {
            var t = SimTime.FromSeconds(k * 1e-3);
            js.Header.Stamp.Sec = 0;
            js.Header.Stamp.Nanosec = (uint)(k * 1_000_000);
            js.Position[0] = k * 0.5;
            bag.Write(state, js, t);
            text.Data = "tick " + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            bag.Write(status, text, t);
        }

        return path;
    }
}
