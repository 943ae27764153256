using Robotics.Ros.Nodes;

namespace Robotics.Ros.Tests.Nodes;

public sealed class RosNamesTests
{
    [Theory]
    [InlineData("talker")]
    [InlineData("_hidden")]
    [InlineData("node_2")]
    public void ValidateNodeName_ValidNames_ReturnNull(string name) => Assert.Null(RosNames.ValidateNodeName(name));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("2fast", "number")]
    [InlineData("my-node", "'-'")]
    [InlineData("a/b", "'/'")]
    [InlineData("sp ace", "' '")]
    public void ValidateNodeName_InvalidNames_SayWhy(string name, string expected) =>
        Assert.Contains(expected, RosNames.ValidateNodeName(name), StringComparison.Ordinal);

    [Theory]
    [InlineData("/")]
    [InlineData("/robot")]
    [InlineData("/robot/arm_1")]
    public void ValidateNamespace_ValidNamespaces_ReturnNull(string ns) => Assert.Null(RosNames.ValidateNamespace(ns));

    [Theory]
    [InlineData("robot", "absolute")]
    [InlineData("/robot/", "end with")]
    [InlineData("/a//b", "repeated")]
    [InlineData("/a/1b", "number")]
    public void ValidateNamespace_InvalidNamespaces_SayWhy(string ns, string expected) =>
        Assert.Contains(expected, RosNames.ValidateNamespace(ns), StringComparison.Ordinal);

    // Expected expansions follow rcl_expand_topic_name's documented table (node "my_node" in "/my_ns").
    [Theory]
    [InlineData("ping", "/my_ns/ping")]
    [InlineData("/ping", "/ping")]
    [InlineData("~", "/my_ns/my_node")]
    [InlineData("~/ping", "/my_ns/my_node/ping")]
    [InlineData("{node}", "/my_ns/my_node")]
    [InlineData("{ns}/ping", "/my_ns/ping")]
    [InlineData("{namespace}/ping", "/my_ns/ping")]
    [InlineData("ping/{node}", "/my_ns/ping/my_node")]
    public void Expand_InNamespace_FollowsRclTable(string name, string expected) =>
        Assert.Equal(expected, RosNames.Expand(name, "my_node", "/my_ns"));

    [Theory]
    [InlineData("ping", "/ping")]
    [InlineData("~/ping", "/my_node/ping")]
    [InlineData("{ns}/ping", "/ping")]
    public void Expand_InRootNamespace_HasNoDoubleSlash(string name, string expected) =>
        Assert.Equal(expected, RosNames.Expand(name, "my_node", "/"));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("ping/", "end with")]
    [InlineData("a//b", "repeated")]
    [InlineData("foo~", "first character")]
    [InlineData("~ping", "followed by '/'")]
    [InlineData("{node", "unterminated")]
    [InlineData("9lives", "number")]
    [InlineData("a-b", "'-'")]
    public void Expand_InvalidNames_ThrowWithReason(string name, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => RosNames.Expand(name, "n", "/"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_UnknownSubstitution_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => RosNames.Expand("{robot}/x", "n", "/"));
        Assert.Contains("{robot}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("robot", "/robot")]
    [InlineData("/robot", "/robot")]
    public void NormalizeNamespace_AddsLeadingSlash(string given, string expected) => Assert.Equal(expected, RosNames.NormalizeNamespace(given));
}
