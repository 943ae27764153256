using Robotics.Core.Parameters;
using Robotics.Nodes.Parameters;

namespace Robotics.Nodes.Tests.Hosting;

public sealed class ParamsFileTests
{
    private const string File1 = """
        /**:
          ros__parameters:
            use_sim_time: false
        /rig:
          controller:
            ros__parameters:
              rate_hz: 200.0
              pid: {kp: 2, kd: 0.5}
              gains: [1, 2.5]
              label: "42"
        other_node:
          ros__parameters:
            x: 1
        """;

    [Fact]
    public void Parse_FlattensNestedMaps_AndKeepsLines()
    {
        var f = ParamsFile.Parse(File1, "p.yaml");
        Assert.Equal(["/**", "/rig/controller", "/other_node"], f.Blocks.Select(b => b.NodePattern));
        var c = f.Blocks[1];
        Assert.Equal(5, c.Line);
        Assert.Equal(["rate_hz", "pid.kp", "pid.kd", "gains", "label"], c.Entries.Select(e => e.Name));
        Assert.Equal("p.yaml:7", c.Entries[0].Source);
        Assert.Equal(ParameterValue.FromDouble(200.0), c.Entries[0].Value);
        Assert.Equal(ParameterValue.FromInteger(2), c.Entries[1].Value);
        Assert.Equal(ParameterValue.FromDoubleArray([1.0, 2.5]), c.Entries[3].Value);
        Assert.Equal(ParameterValue.FromString("42"), c.Entries[4].Value);
        Assert.True(f.Blocks[0].Entries[0].FromWildcard);
    }

    [Theory]
    [InlineData("/**", "/a/b/c", true)]
    [InlineData("/**", "/n", true)]
    [InlineData("/rig/*", "/rig/controller", true)]
    [InlineData("/rig/*", "/rig/x/controller", false)]
    [InlineData("/**/controller", "/a/b/controller", true)]
    [InlineData("/rig/controller", "/controller", false)]
    public void Matches_FollowsRclWildcards(string pattern, string node, bool expected) =>
        Assert.Equal(expected, ParamsFile.Matches(pattern, node));

    [Fact]
    public void ValueAtNodeLevel_IsReportedWithLine()
    {
        var ex = Assert.Throws<ArgumentException>(() => ParamsFile.Parse("/node:\n  rate_hz: 3\n", "bad.yaml"));
        Assert.StartsWith("bad.yaml:2:", ex.Message);
        Assert.Contains("ros__parameters", ex.Message);
    }

    [Fact]
    public void Format_ThenParse_GivesTheSameValues()
    {
        var values = new Dictionary<string, ParameterValue>
        {
            ["a.kp"] = ParameterValue.FromDouble(2.0),
            ["n"] = ParameterValue.FromInteger(3),
            ["s"] = ParameterValue.FromString("true"),
            ["v"] = ParameterValue.FromDoubleArray([0.5, -1.0]),
            ["b"] = ParameterValue.FromBool(true),
            ["lo"] = ParameterValue.FromDouble(double.NegativeInfinity),
        };
        string text = ParamsFile.Format("/rig/c", values);
        var back = ParamsFile.Parse(text, "dump.yaml").Blocks.Single();
        Assert.Equal("/rig/c", back.NodePattern);
        foreach (var e in back.Entries) Assert.Equal(values[e.Name], e.Value);
        Assert.Equal(values.Count, back.Entries.Count);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-2", -2.0)]
    [InlineData("1e3", 1000.0)]
    public void DashP_Numbers(string text, double expected) => Assert.Equal(expected, ParameterText.Parse(text).AsDouble());

    [Fact]
    public void DashP_TypesFollowYaml()
    {
        Assert.Equal(ParameterType.Integer, ParameterText.Parse("7").Type);
        Assert.Equal(ParameterType.Bool, ParameterText.Parse("true").Type);
        Assert.Equal(ParameterType.String, ParameterText.Parse("'7'").Type);
        Assert.Equal(ParameterType.String, ParameterText.Parse("hello").Type);
        Assert.Equal(ParameterValue.FromDoubleArray([1, 2]), ParameterText.Parse("[1, 2]"));
    }

    [Fact]
    public void NodeParameters_RefusedSets_SayWhy_AndAcceptedOnesWaitForTheBoundary()
    {
        var p = new NodeParameters("/n");
        p.Declare(
        [
            ParameterDescriptor.Double("kp", 1.0, "", "gain", 0.0, 10.0),
            ParameterDescriptor.Double("rate_hz", 100, "Hz", "rate", readOnly: true),
        ]);
        Assert.Contains("outside the allowed range [0, 10]", p.Propose("kp", ParameterValue.FromDouble(11)).Message);
        Assert.Contains("read-only", p.Propose("rate_hz", ParameterValue.FromDouble(50)).Message);
        Assert.Contains("must be of type double", p.Propose("kp", ParameterValue.FromString("x")).Message);
        Assert.Contains("not declared", p.Propose("kq", ParameterValue.FromDouble(1)).Message);
        Assert.False(p.HasPending);

        Assert.True(p.Propose("kp", ParameterValue.FromDouble(3)).IsValid);
        Assert.Equal(1.0, p.GetDouble("kp"));
        Assert.Single(p.ApplyPending());
        Assert.Equal(3.0, p.GetDouble("kp"));
    }

    [Fact]
    public void Atomic_AllOrNothing()
    {
        var p = new NodeParameters("/n");
        p.Declare([ParameterDescriptor.Double("a", 1, "", "a", 0, 5), ParameterDescriptor.Double("b", 1, "", "b", 0, 5)]);
        var r = p.ProposeAll([new("a", ParameterValue.FromDouble(2)), new("b", ParameterValue.FromDouble(9))], atomically: true);
        Assert.True(r[0].IsValid);
        Assert.False(r[1].IsValid);
        Assert.False(p.HasPending);
    }
}
