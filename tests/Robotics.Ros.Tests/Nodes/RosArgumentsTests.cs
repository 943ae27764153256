using Robotics.Ros.Nodes;

namespace Robotics.Ros.Tests.Nodes;

public sealed class RosArgumentsTests
{
    [Fact]
    public void Parse_LaunchStyleCommandLine_SplitsUserAndRosArguments()
    {
        // What launch_ros builds for <node pkg exec name="mpc" namespace="rig" args="--verbose"> with a param file and a remap.
        string[] args = ["--verbose", "--ros-args", "-r", "__node:=mpc", "-r", "__ns:=/rig", "--params-file", "/tmp/launch_params_x", "-p", "use_sim_time:=true", "-r", "cmd:=/rig/cmd"];
        RosArguments a = RosArguments.Parse(args);
        Assert.Equal(["--verbose"], a.UserArguments);
        Assert.Equal(["__node:=mpc", "__ns:=/rig", "cmd:=/rig/cmd"], a.Remaps.Select(r => r.ToString()));
        Assert.Equal(["/tmp/launch_params_x"], a.ParamsFiles);
        Assert.Equal(new ParameterOverride("use_sim_time", "true"), Assert.Single(a.Parameters));
    }

    [Fact]
    public void Parse_DoubleDash_EndsTheRosBlock()
    {
        RosArguments a = RosArguments.Parse(["--ros-args", "--remap", "a:=b", "--", "user1", "--ros-args", "-e", "/secure", "--", "user2"]);
        Assert.Equal(["user1", "user2"], a.UserArguments);
        Assert.Equal("/secure", a.Enclave);
        Assert.Equal(new RemapRule(null, "a", "b"), Assert.Single(a.Remaps));
    }

    [Fact]
    public void Parse_LogArguments_AreAccepted()
    {
        RosArguments a = RosArguments.Parse(["--ros-args", "--log-level", "debug", "--log-level", "rcl:=warn", "--disable-rosout-logs", "--log-config-file", "f.conf"]);
        Assert.Equal(["debug", "rcl:=warn"], a.LogLevels);
        Assert.Equal(["--disable-rosout-logs"], a.LogFlags);
        Assert.Equal("f.conf", a.LogConfigFile);
    }

    [Fact]
    public void Parse_WithoutRosArgs_EverythingIsUserArgument()
    {
        RosArguments a = RosArguments.Parse(["-r", "x:=y"]);
        Assert.Equal(["-r", "x:=y"], a.UserArguments);
        Assert.Empty(a.Remaps);
    }

    [Theory]
    [InlineData("--bogus", "Unknown ROS argument '--bogus'")]
    [InlineData("-r", "needs a value")]
    public void Parse_BadRosArgument_Throws(string arg, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => RosArguments.Parse(["--ros-args", arg]));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chatter", "malformed")]
    [InlineData(":=x", "malformed")]
    [InlineData("a:=", "empty replacement")]
    [InlineData("__node:=9x", "not a valid node name")]
    [InlineData("__ns:=rig", "not a valid namespace")]
    [InlineData("a b:=c", "not a valid name to remap")]
    [InlineData("bad-node:a:=b", "node prefix")]
    public void ParseRemap_Malformed_Throws(string rule, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => RosArguments.ParseRemap(rule));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRemap_NodeTargetedRule_KeepsTheNode()
    {
        RemapRule r = RosArguments.ParseRemap("talker:chatter:=/talk");
        Assert.Equal(new RemapRule("talker", "chatter", "/talk"), r);
        Assert.True(r.AppliesTo("talker"));
        Assert.False(r.AppliesTo("listener"));
    }

    [Fact]
    public void ParseParameter_SplitsAtFirstColonEquals()
    {
        Assert.Equal(new ParameterOverride("url", "http://x:=y"), RosArguments.ParseParameter("url:=http://x:=y"));
        Assert.Throws<ArgumentException>(() => RosArguments.ParseParameter("novalue"));
        Assert.Throws<ArgumentException>(() => RosArguments.ParseParameter("bad name:=1"));
    }

    [Fact]
    public void RemapTopic_RelativeRuleIsExpandedWithTheNodeNamespace_FirstMatchWins()
    {
        RosArguments a = RosArguments.Parse(["--ros-args", "-r", "chatter:=talk", "-r", "/ns/chatter:=/other", "-r", "listener:scan:=/front/scan"]);
        Assert.Equal("/ns/talk", a.RemapTopic("/ns/chatter", "talker", "/ns"));
        Assert.Equal("/front/scan", a.RemapTopic("/ns/scan", "listener", "/ns"));
        Assert.Equal("/ns/scan", a.RemapTopic("/ns/scan", "talker", "/ns"));
        Assert.Equal("/ns/odom", a.RemapTopic("/ns/odom", "talker", "/ns"));
    }

    [Fact]
    public void RemapNode_NodeAndNamespaceRules_ApplyToMatchingNodes()
    {
        RosArguments a = RosArguments.Parse(["--ros-args", "-r", "talker:__node:=speaker", "-r", "__ns:=/rig"]);
        Assert.Equal(("speaker", "/rig"), a.RemapNode("talker", "/"));
        Assert.Equal(("listener", "/rig"), a.RemapNode("listener", "/"));
    }
}
