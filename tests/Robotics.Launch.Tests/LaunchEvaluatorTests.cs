using Robotics.Launch.Evaluation;
using Robotics.Launch.Plan;

namespace Robotics.Launch.Tests;

// Expected argument lists follow launch_ros actions/node.py (see the conventions dossier §1.5):
// [args…] [--ros-args ros_args…] --ros-args -r __node:=N -r __ns:=NS (-p global)… (--params-file F)… -r from:=to…
public sealed class LaunchEvaluatorTests : IDisposable
{
    private readonly LaunchTestFiles files = new();

    public void Dispose() => files.Dispose();

    private LaunchEvaluator Evaluator(Dictionary<string, string?>? env = null, Dictionary<string, string>? shares = null) =>
        new(new LaunchEvaluationOptions
        {
            GeneratedFilesDirectory = files.Generated,
            GetEnvironmentVariable = n => env is not null && env.TryGetValue(n, out string? v) ? v : null,
            Packages = new PackageLocator(shares ?? new Dictionary<string, string> { ["robotics"] = files.Root }, _ => null),
            AnonymousSuffix = "42",
        });

    [Fact]
    public void Node_FullSetup_ProducesRosLaunchArgumentOrder()
    {
        string paramsFile = files.Write("params/rig.yaml", "/**:\n  ros__parameters:\n    kp: 1.0\n");
        string launch = files.Write("a.launch.xml", """
            <launch>
              <arg name="rate" default="100"/>
              <group>
                <push-ros-namespace namespace="rig"/>
                <set_parameter name="use_sim_time" value="true"/>
                <set_remap from="/tf" to="tf"/>
                <node pkg="robotics" exec="sim_rig_node" name="msd" args="--verbose 'two words'" output="screen">
                  <param from="$(find-pkg-share robotics)/params/rig.yaml"/>
                  <param name="rate_hz" value="$(var rate)"/>
                  <param name="mode" value="sim"/>
                  <remap from="cmd" to="/rig/command"/>
                </node>
              </group>
            </launch>
            """);

        LaunchPlan plan = Evaluator().Evaluate(launch);

        PlannedNode node = Assert.Single(plan.Nodes);
        string generated = Path.Combine(files.Generated, "launch_params_1_msd.yaml");
        string[] expected =
        [
            "--verbose", "two words", "--ros-args", "-r", "__node:=msd", "-r", "__ns:=/rig", "-p", "use_sim_time:=true",
            "--params-file", paramsFile, "--params-file", generated, "-r", "/tf:=tf", "-r", "cmd:=/rig/command",
        ];
        Assert.Equal(expected, node.Arguments);
        Assert.Equal("/rig", node.Namespace);
        Assert.Equal("/rig/msd", node.DisplayName);
        Assert.Equal("screen", node.Output);
        GeneratedFile file = Assert.Single(node.GeneratedFiles);
        Assert.Equal(generated, file.Path);
        Assert.Equal("/rig/msd:\n  ros__parameters:\n    rate_hz: 100\n    mode: 'sim'\n", file.Contents);
    }

    [Fact]
    public void InlineParams_TypesListsAndNesting_WrittenAsRosYaml()
    {
        string launch = files.Write("p.launch.xml", """
            <launch>
              <node pkg="robotics" exec="n" name="x">
                <param name="i" value="3"/>
                <param name="f" value="3.0"/>
                <param name="b" value="True"/>
                <param name="s" value="'3'"/>
                <param name="t" value="7" type="str"/>
                <param name="q" value="it's"/>
                <param name="gains" value="1,2.5" value-sep=","/>
                <param name="pid">
                  <param name="kp" value="2"/>
                </param>
              </node>
            </launch>
            """);

        PlannedNode node = Assert.Single(Evaluator().Evaluate(launch).Nodes);

        // No namespace given: the node name is not fully specified, so the key is /** (launch_ros).
        Assert.Equal(
            "/**:\n  ros__parameters:\n    i: 3\n    f: 3.0\n    b: true\n    s: '3'\n    t: '7'\n    q: 'it''s'\n    gains: [1.0, 2.5]\n    pid:\n      kp: 2\n",
            Assert.Single(node.GeneratedFiles).Contents);
        Assert.Equal(["--ros-args", "-r", "__node:=x", "--params-file", node.GeneratedFiles[0].Path], node.Arguments);
    }

    [Fact]
    public void Node_WithoutNameOrNamespace_GetsBareRosArgsBlock()
    {
        string launch = files.Write("b.launch.xml", "<launch><node pkg=\"robotics\" exec=\"n\"/></launch>");

        PlannedNode node = Assert.Single(Evaluator().Evaluate(launch).Nodes);

        Assert.Equal(["--ros-args"], node.Arguments);
        Assert.Null(node.Namespace);
        Assert.Equal("log", node.Output);
    }

    [Fact]
    public void Namespaces_RelativeNestAbsoluteReplace_AndGroupRestores()
    {
        string launch = files.Write("ns.launch.xml", """
            <launch>
              <push-ros-namespace namespace="a"/>
              <group>
                <push-ros-namespace namespace="b"/>
                <node pkg="p" exec="e" name="n1"/>
                <node pkg="p" exec="e" name="n2" namespace="c"/>
                <node pkg="p" exec="e" name="n3" namespace="/abs"/>
              </group>
              <node pkg="p" exec="e" name="n4"/>
            </launch>
            """);

        var nodes = Evaluator().Evaluate(launch).Nodes;

        Assert.Equal(["/a/b", "/a/b/c", "/abs", "/a"], nodes.Select(n => n.Namespace));
    }

    [Fact]
    public void Group_ScopesLetAndSetParameter_IncludeDoesNot()
    {
        files.Write("inc.launch.xml", """
            <launch>
              <arg name="who" default="inner"/>
              <let name="leaked" value="$(var who)"/>
            </launch>
            """);
        string launch = files.Write("g.launch.xml", """
            <launch>
              <let name="x" value="outer"/>
              <group>
                <let name="x" value="inner"/>
                <set_parameter name="p" value="1"/>
              </group>
              <include file="$(dirname)/inc.launch.xml">
                <arg name="who" value="given"/>
              </include>
              <node pkg="p" exec="e" name="n" args="$(var x) $(var leaked)"/>
            </launch>
            """);

        LaunchPlan plan = Evaluator().Evaluate(launch);

        // The group's let and set_parameter are gone after </group>; the include's arg and let leak (ros2 launch semantics).
        Assert.Equal(["outer", "given", "--ros-args", "-r", "__node:=n"], Assert.Single(plan.Nodes).Arguments);
        Assert.Equal("given", plan.Configurations["who"]);
    }

    [Fact]
    public void Group_ForwardingFalse_SeesOnlyKept()
    {
        string launch = files.Write("f.launch.xml", """
            <launch>
              <let name="a" value="1"/>
              <let name="b" value="2"/>
              <group forwarding="false">
                <keep name="a"/>
                <node pkg="p" exec="e" args="$(var a) $(eval '$(var a) + 1')"/>
                <let name="c" value="$(var b)"/>
              </group>
            </launch>
            """);

        var e = Assert.Throws<LaunchException>(() => Evaluator().Evaluate(launch));

        Assert.Equal(7, e.Line);
        Assert.Equal("let", e.Tag);
        Assert.Contains("launch configuration 'b' is not set", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "", true)]
    [InlineData("false", "", false)]
    [InlineData("1", "", true)]
    [InlineData("", "TRUE", false)]
    [InlineData("$(eval '2 > 1')", "", true)]
    [InlineData("$(eval \"'$(var mode)' == 'sim'\")", "", true)]
    [InlineData("$(equals $(var mode) real)", "", false)]
    [InlineData("$(not $(var flag))", "", false)]
    public void Conditions_IfUnless(string ifValue, string unlessValue, bool started)
    {
        string ifAttr = ifValue.Length > 0 ? $" if=\"{System.Security.SecurityElement.Escape(ifValue)}\"" : string.Empty;
        string unlessAttr = unlessValue.Length > 0 ? $" unless=\"{unlessValue}\"" : string.Empty;
        string launch = files.Write("c.launch.xml", $"""
            <launch>
              <arg name="mode" default="sim"/>
              <arg name="flag" default="true"/>
              <node pkg="p" exec="e"{ifAttr}{unlessAttr}/>
            </launch>
            """);

        Assert.Equal(started ? 1 : 0, Evaluator().Evaluate(launch).Nodes.Count);
    }

    [Fact]
    public void Condition_NotBoolean_FailsWithLineAndFix()
    {
        string launch = files.Write("c2.launch.xml", "<launch>\n  <arg name=\"on\" default=\"yes\"/>\n  <node pkg=\"p\" exec=\"e\" if=\"$(var on)\"/>\n</launch>");

        var e = Assert.Throws<LaunchException>(() => Evaluator().Evaluate(launch));

        Assert.Equal(3, e.Line);
        Assert.Equal("node", e.Tag);
        Assert.Contains("evaluated to 'yes'", e.Message, StringComparison.Ordinal);
        Assert.StartsWith(launch + ":3:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_CommandLineOverridesDefault_ChoicesEnforced()
    {
        string launch = files.Write("arg.launch.xml", """
            <launch>
              <arg name="mode" default="sim" description="sim or real">
                <choice value="sim"/>
                <choice value="real"/>
              </arg>
              <node pkg="p" exec="e" args="$(var mode)"/>
            </launch>
            """);
        var evaluator = Evaluator();

        Assert.Equal("real", evaluator.Evaluate(launch, new Dictionary<string, string> { ["mode"] = "real" }).Nodes[0].Arguments[0]);
        var e = Assert.Throws<LaunchException>(() => evaluator.Evaluate(launch, new Dictionary<string, string> { ["mode"] = "fast" }));
        Assert.Equal(2, e.Line);
        Assert.Contains("not one of its choices: sim, real", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_RequiredMissing_FailsNamingHowToPass()
    {
        string launch = files.Write("req.launch.xml", "<launch>\n<arg name=\"params\"/>\n</launch>");

        var e = Assert.Throws<LaunchException>(() => Evaluator().Evaluate(launch));

        Assert.Equal(2, e.Line);
        Assert.Contains("'params:=value'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_UndeclaredOnCommandLine_Warns()
    {
        string launch = files.Write("w.launch.xml", "<launch><arg name=\"kp\" default=\"1\"/></launch>");

        LaunchPlan plan = Evaluator().Evaluate(launch, new Dictionary<string, string> { ["kpp"] = "2" });

        Assert.Contains(plan.Warnings, w => w.Contains("'kpp'", StringComparison.Ordinal) && w.Contains("kp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<foo/>", 2, "foo", "unsupported tag")]
    [InlineData("<node pkg=\"p\" exec=\"e\" colour=\"red\"/>", 2, "node", "unsupported attribute 'colour'")]
    [InlineData("<node pkg=\"p\" exec=\"e\"><bar/></node>", 2, "bar", "unsupported tag inside <node>")]
    [InlineData("<param name=\"a\" value=\"1\"/>", 2, "param", "belongs inside <node>")]
    [InlineData("<group if=\"false\"><lifecycle_node/></group>", 2, "lifecycle_node", "unsupported tag")]
    [InlineData("<node exec=\"e\"/>", 2, "node", "'pkg' attribute is required")]
    [InlineData("<node pkg=\"p\" exec=\"e\" name=\"9bad\"/>", 2, "node", "not a valid node name")]
    [InlineData("<node pkg=\"p\" exec=\"e\"><param name=\"a\" from=\"x.yaml\"/></node>", 2, "param", "mutually exclusive")]
    [InlineData("<node pkg=\"p\" exec=\"e\"><param from=\"missing.yaml\"/></node>", 2, "param", "does not exist")]
    [InlineData("<let name=\"a\" value=\"$(arg b)\"/>", 2, "let", "ROS 1 syntax")]
    [InlineData("<let name=\"a\" value=\"$(command ls)\"/>", 2, "let", "$(command) is not supported")]
    [InlineData("<let name=\"a\" value=\"$(var b\"/>", 2, "let", "not closed")]
    [InlineData("<let name=\"a\" value=\"$(env NOPE_NOT_SET)\"/>", 2, "let", "environment variable 'NOPE_NOT_SET' is not set")]
    [InlineData("<let name=\"a\" value=\"$(find-pkg-share nope)\"/>", 2, "let", "package 'nope' not found")]
    [InlineData("<include file=\"x.launch.py\"/>", 2, "include", "Python launch file")]
    [InlineData("<node pkg=\"p\" exec=\"e\" output=\"loud\"/>", 2, "node", "use screen, log or both")]
    [InlineData("<node pkg=\"p\" exec=\"e\"><remap from=\"a b\" to=\"c\"/></node>", 2, "remap", "not a valid name to remap")]
    public void InvalidFiles_FailWithFileLineAndTag(string body, int line, string tag, string fragment)
    {
        string launch = files.Write("bad.launch.xml", "<launch>\n" + body + "\n</launch>");

        var e = Assert.Throws<LaunchException>(() => Evaluator().Evaluate(launch));

        Assert.Equal(launch, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(tag, e.Tag);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotXml_FailsWithLine()
    {
        string launch = files.Write("x.launch.xml", "<launch>\n<node pkg=\"p\" exec=\"e\">\n</launch>");

        var e = Assert.Throws<LaunchException>(() => Evaluator().Evaluate(launch));

        Assert.Equal(3, e.Line);
        Assert.Contains("not well-formed XML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Cycle_IsReported()
    {
        files.Write("one.launch.xml", "<launch><include file=\"$(dirname)/two.launch.xml\"/></launch>");
        string two = files.Write("two.launch.xml", "<launch><include file=\"$(dirname)/one.launch.xml\"/></launch>");

        var e = Assert.Throws<LaunchException>(() => Evaluator().Evaluate(two));

        Assert.Contains("includes itself", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_SetEnvAppendEnvAndDefaults()
    {
        string launch = files.Write("env.launch.xml", """
            <launch>
              <set_env name="A" value="1"/>
              <append_env name="PATHLIKE" value="/new"/>
              <append_env name="PATHLIKE" value="/first" prepend="true"/>
              <group>
                <unset_env name="HOME_X"/>
                <executable cmd="prog $(env A) $(env HOME_X fallback) $(optenv NOT_SET) $(env PATHLIKE)" name="p1">
                  <env name="B" value="2"/>
                </executable>
              </group>
              <executable cmd="prog $(env HOME_X)" name="p2"/>
            </launch>
            """);

        LaunchPlan plan = Evaluator(new Dictionary<string, string?> { ["HOME_X"] = "/home/x" }).Evaluate(launch);

        PlannedProcess p1 = plan.Processes[0];
        Assert.Equal(["prog", "1", "fallback", "/first:/new"], p1.Command);
        Assert.Equal("1", p1.Environment["A"]);
        Assert.Equal("2", p1.Environment["B"]);
        Assert.Null(p1.Environment["HOME_X"]);
        Assert.Equal(["prog", "/home/x"], plan.Processes[1].Command);
    }

    [Fact]
    public void Executable_CommandSplitLikeShell()
    {
        string launch = files.Write("exe.launch.xml", """
            <launch>
              <executable cmd="dotnet 'my tool.dll' --seed 42 &quot;a b&quot;" cwd="/tmp" shell="false" output="screen" on_exit="shutdown"/>
            </launch>
            """);

        PlannedProcess p = Assert.Single(Evaluator().Evaluate(launch).Processes);

        Assert.Equal(["dotnet", "my tool.dll", "--seed", "42", "a b"], p.Command);
        Assert.Equal("/tmp", p.WorkingDirectory);
        Assert.True(p.ShutdownOnExit);
    }

    [Fact]
    public void Substitutions_AnonIsStableWithinRun_DirnameFilenameNested()
    {
        string launch = files.Write("s.launch.xml", """
            <launch>
              <let name="which" value="target"/>
              <let name="target" value="found"/>
              <node pkg="p" exec="e" name="$(anon talker)" args="$(anon talker) $(var $(var which)) $(dirname) $(if $(equals 2 2.0) yes no)"/>
            </launch>
            """);

        PlannedNode node = Assert.Single(Evaluator().Evaluate(launch).Nodes);

        Assert.Equal("talker_42", node.Name);
        Assert.Equal(["talker_42", "found", files.Root, "yes"], node.Arguments.Take(4));
    }

    [Fact]
    public void ParamsFile_AllowSubsts_IsRewritten()
    {
        files.Write("params/s.yaml", "/**:\n  ros__parameters:\n    rate_hz: $(var rate)\n");
        string launch = files.Write("as.launch.xml", """
            <launch>
              <arg name="rate" default="250"/>
              <node pkg="p" exec="e">
                <param from="$(dirname)/params/s.yaml" allow_substs="true"/>
              </node>
            </launch>
            """);

        PlannedNode node = Assert.Single(Evaluator().Evaluate(launch).Nodes);

        GeneratedFile g = Assert.Single(node.GeneratedFiles);
        Assert.Equal("/**:\n  ros__parameters:\n    rate_hz: 250\n", g.Contents);
        Assert.Equal(["--ros-args", "--params-file", g.Path], node.Arguments);
    }

    [Fact]
    public void ReadDeclaredArguments_ListsArgsOutsideIncludes()
    {
        string launch = files.Write("show.launch.xml", """
            <launch>
              <arg name="a" default="1" description="first"/>
              <group><arg name="b" description="second"><choice value="x"/><choice value="y"/></arg></group>
              <include file="other.launch.xml"><arg name="c" value="3"/></include>
            </launch>
            """);

        var args = LaunchEvaluator.ReadDeclaredArguments(launch);

        Assert.Equal(["a", "b"], args.Select(a => a.Name));
        Assert.Equal("1", args[0].DefaultValue);
        Assert.Null(args[1].DefaultValue);
        Assert.Equal(["x", "y"], args[1].Choices);
    }

    [Fact]
    public void PackageLocator_FindsAmentIndexMarker()
    {
        string prefix = Path.Combine(files.Root, "install");
        files.Write("install/share/ament_index/resource_index/packages/robotics", string.Empty);
        var locator = new PackageLocator(null, n => n == "AMENT_PREFIX_PATH" ? "/nonexistent:" + prefix : null);

        Assert.Equal(Path.Combine(prefix, "share", "robotics"), locator.FindShare("robotics"));
        Assert.Equal(prefix, locator.FindPrefix("robotics"));
        Assert.Throws<DirectoryNotFoundException>(() => locator.FindShare("other"));
    }
}
