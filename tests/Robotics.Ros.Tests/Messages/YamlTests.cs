using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Messages;
using Robotics.Ros.Serialization;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Messages;

/// <summary>
/// YAML in ros2cli's format. Expected texts are pasted from `/usr/bin/python3 tests/golden/ros/yaml_golden.py`,
/// which builds them with PyYAML the way ros2cli does (message_to_yaml + `---`); MessageYaml.Write omits the `---`.
/// </summary>
public sealed class YamlTests
{
    private const string JointStateEcho = """
header:
  stamp:
    sec: 1700000000
    nanosec: 123456789
  frame_id: base_link
name:
- j1
- joint_two
position:
- 0.5
- -1.25
velocity: []
effort:
- 3.0
- 4.0

""";

    private const string TwistEcho = """
linear:
  x: 1.0
  y: -2.5
  z: 3.25
angular:
  x: 0.0
  y: 0.5
  z: -0.001

""";

    private const string JointStateEchoFlow = """
header:
  stamp:
    sec: 1700000000
    nanosec: 123456789
  frame_id: base_link
name: [j1, joint_two]
position: [0.5, -1.25]
velocity: []
effort: [3.0, 4.0]

""";

    [Fact]
    public void Write_JointState_MatchesRos2TopicEcho()
    {
        Assert.Equal(JointStateEcho, MessageYaml.Write(CdrGoldenTests.SampleJointState()));
    }

    [Fact]
    public void Write_Twist_MatchesRos2TopicEcho()
    {
        Assert.Equal(TwistEcho, MessageYaml.Write(CdrGoldenTests.SampleTwist()));
        Assert.Equal(TwistEcho, CdrGoldenTests.SampleTwist().ToString());
    }

    [Fact]
    public void Write_FlowStyle_MatchesRos2TopicEchoFlowStyle()
    {
        Assert.Equal(JointStateEchoFlow, MessageYaml.Write(CdrGoldenTests.SampleJointState(), flowStyle: true));
    }

    // yaml_golden.py STRING_SPECIALS: PyYAML quotes what would read back as another type.
    [Theory]
    [InlineData("", "''")]
    [InlineData("hi", "hi")]
    [InlineData("yes", "'yes'")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("it's", "it's")]
    [InlineData(" lead", "' lead'")]
    [InlineData("null", "'null'")]
    [InlineData("~", "'~'")]
    public void Write_String_QuotesLikePyYaml(string value, string expected)
    {
        Assert.Equal($"data: {expected}\n", MessageYaml.Write(new RosString { Data = value }));
    }

    // yaml_golden.py FLOAT_SPECIALS: Python repr, with PyYAML's ".0" before the exponent.
    [Theory]
    [InlineData(1e-05, "1.0e-05")]
    [InlineData(1e+20, "1.0e+20")]
    [InlineData(123456789.125, "123456789.125")]
    [InlineData(double.PositiveInfinity, ".inf")]
    [InlineData(double.NegativeInfinity, "-.inf")]
    [InlineData(0.1, "0.1")]
    public void Write_Float64_SpelledLikePython(double value, string expected)
    {
        Assert.Equal($"data: {expected}\n", MessageYaml.Write(new Float64 { Data = value }));
    }

    [Theory]
    [InlineData(1e15, "1000000000000000.0")] // Python: repr(1e15)
    [InlineData(1e16, "1.0e+16")]            // repr(1e16) == '1e+16'
    [InlineData(0.0001, "0.0001")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(double.NaN, ".nan")]
    public void PythonFloat_Boundaries(double value, string expected)
    {
        Assert.Equal(expected, MessageYaml.PythonFloat(value));
    }

    [Fact]
    public void Write_Float32_IsTheWidenedDoubleRepr()
    {
        // rclpy keeps float32 fields as Python floats: repr(float(numpy.float32(0.1))) == '0.10000000149011612'.
        var v = new Robotics.Ros.Interfaces.StdMsgs.Float32 { Data = 0.1f };
        Assert.Equal("data: 0.10000000149011612\n", MessageYaml.Write(v));
    }

    [Fact]
    public void Write_Truncated_At128_LikeEcho()
    {
        var m = new Float64MultiArray { Data = Enumerable.Range(0, 130).Select(i => (double)i).ToArray() };
        string text = MessageYaml.Write(m, truncateLength: 128);
        Assert.StartsWith("layout:\n  dim: []\n  data_offset: 0\ndata:\n- 0.0\n- 1.0\n", text, StringComparison.Ordinal);
        Assert.EndsWith("- 126.0\n- 127.0\n- '...'\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SequenceOfMessages_UsesIndentlessBlockLists()
    {
        // PyYAML: list items at the key's indentation, mapping keys of an item aligned after "- ".
        // DiagnosticStatus.level is a `byte`: rclpy holds bytes, ros2cli prints chr(1), PyYAML double-quotes it.
        var a = new Robotics.Ros.Interfaces.DiagnosticMsgs.DiagnosticArray
        {
            Status = [new() { Level = 1, Name = "motor", Values = [new() { Key = "t", Value = "40" }] }],
        };
        const string expected = """
header:
  stamp:
    sec: 0
    nanosec: 0
  frame_id: ''
status:
- level: "\x01"
  name: motor
  message: ''
  hardware_id: ''
  values:
  - key: t
    value: '40'

""";
        Assert.Equal(expected, MessageYaml.Write(a));
    }

    [Fact]
    public void Parse_FlowSyntax_LikeTopicPub()
    {
        Assert.True(MessageYaml.TryParse("{data: hi}", RosString.Support, out IRosMessage? m, out string? error), error);
        Assert.Equal("hi", ((RosString)m).Data);

        Assert.True(MessageYaml.TryParse("{linear: {x: 0.5, y: -1}, angular: {z: 1e-3}}", Twist.Support, out m, out error), error);
        var t = (Twist)m;
        Assert.Equal(0.5, t.Linear.X);
        Assert.Equal(-1.0, t.Linear.Y);
        Assert.Equal(0.0, t.Linear.Z);
        Assert.Equal(0.001, t.Angular.Z);
    }

    [Fact]
    public void Parse_EchoOutput_RoundTrips()
    {
        Assert.True(MessageYaml.TryParse(JointStateEcho, JointState.Support, out IRosMessage? m, out string? error), error);
        Assert.Equal(CdrGoldenTests.SampleJointState(), m);
        Assert.True(MessageYaml.TryParse(JointStateEchoFlow, JointState.Support, out m, out error), error);
        Assert.Equal(CdrGoldenTests.SampleJointState(), m);
    }

    [Fact]
    public void Parse_EmptyText_GivesDefaults()
    {
        Assert.True(MessageYaml.TryParse("", Twist.Support, out IRosMessage? m, out _));
        Assert.Equal(new Twist(), m);
        Assert.True(MessageYaml.TryParse("{}", Twist.Support, out m, out _));
        Assert.Equal(new Twist(), m);
    }

    [Theory]
    [InlineData("{header: {stamp: {sec: abc}}}", "header.stamp.sec: expected an integer, got 'abc'")]
    [InlineData("{header: {stamp: {nanosec: -1}}}", "header.stamp.nanosec: -1 is out of range for uint32")]
    [InlineData("{position: [1.0, x]}", "position[1]: expected a number, got 'x'")]
    [InlineData("{name: j1}", "name: expected a list")]
    [InlineData("{header: {frame: a}}", "header.frame: std_msgs/msg/Header has no field 'frame'")]
    [InlineData("{header: 5}", "header: expected a mapping")]
    public void Parse_Errors_NameTheField(string text, string expectedStart)
    {
        Assert.False(MessageYaml.TryParse(text, JointState.Support, out _, out string? error));
        Assert.StartsWith(expectedStart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BoundsAreEnforced()
    {
        Assert.False(MessageYaml.TryParse("{orientation_covariance: [1, 2]}", Imu.Support, out _, out string? error));
        Assert.StartsWith("orientation_covariance: expected exactly 9 elements", error, StringComparison.Ordinal);
        Assert.False(MessageYaml.TryParse("{data: 300}", UInt8.Support, out _, out error));
        Assert.StartsWith("data: 300 is out of range", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsPosition()
    {
        Assert.False(MessageYaml.TryParse("{data: [", RosString.Support, out _, out string? error));
        Assert.StartsWith("invalid YAML", error, StringComparison.Ordinal);
    }
}
