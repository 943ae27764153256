using Robotics.Launch.Evaluation;
using Robotics.Launch.Plan;
using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;

namespace Robotics.Launch.Tests;

public sealed class ShippedLaunchFilesTests
{
    private static LaunchEvaluator Evaluator() => new(new LaunchEvaluationOptions
    {
        Packages = new PackageLocator(new Dictionary<string, string> { ["robotics"] = RepoLaunchFiles.LaunchDir }, _ => null),
        GetEnvironmentVariable = _ => null,
        GeneratedFilesDirectory = Path.Combine(Path.GetTempPath(), "robotics-launch-shipped"),
    });

    public static TheoryData<string> LaunchFiles()
    {
        var data = new TheoryData<string>();
        foreach (string f in Directory.GetFiles(RepoLaunchFiles.LaunchDir, "*.launch.xml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(LaunchFiles))]
    public void ShippedFile_EvaluatesWithDefaults_AndStartsOnlyRoboticsNodes(string name)
    {
        var args = new Dictionary<string, string>();
        if (name == "sim_rig.launch.xml") args["params"] = Path.Combine(RepoLaunchFiles.LaunchDir, "params", "msd_pid.yaml");

        LaunchPlan plan = Evaluator().Evaluate(Path.Combine(RepoLaunchFiles.LaunchDir, name), args);

        Assert.NotEmpty(plan.Nodes);
        Assert.All(plan.Nodes, n => Assert.Equal("robotics", n.Package));
        Assert.All(plan.Nodes, n => Assert.All(n.Arguments.Where((a, i) => i > 0 && n.Arguments[i - 1] == "--params-file"), f => Assert.True(
            File.Exists(f) || n.GeneratedFiles.Any(g => g.Path == f), $"{name}: params file {f} is missing")));
        Assert.Empty(plan.Warnings);
        // Every node is one this build can start in-process (throws naming the node otherwise).
        Assert.Equal(plan.Nodes.Count, new InProcessLauncher(NodeExecutableCatalog.Default).Resolve(plan).Count);
    }

    [Fact]
    public void Demo_StartsEveryRigInItsNamespace_AndArgumentsSwitchThemOff()
    {
        string demo = Path.Combine(RepoLaunchFiles.LaunchDir, "demo.launch.xml");

        LaunchPlan all = Evaluator().Evaluate(demo);
        LaunchPlan some = Evaluator().Evaluate(demo, new Dictionary<string, string> { ["with_cartpole"] = "false", ["with_bicycle"] = "false" });

        Assert.Equal(["/msd/rig", "/msd_lqr/rig", "/cartpole/rig", "/bicycle/rig"], all.Nodes.Select(n => n.DisplayName));
        Assert.Equal(["/msd/rig", "/msd_lqr/rig"], some.Nodes.Select(n => n.DisplayName));
    }

    [Fact]
    public void MsdPid_KpArgument_OverridesTheParamsFileOnTheCommandLine()
    {
        LaunchPlan plan = Evaluator().Evaluate(Path.Combine(RepoLaunchFiles.LaunchDir, "msd_pid.launch.xml"), new Dictionary<string, string> { ["kp"] = "250.0" });

        PlannedNode node = Assert.Single(plan.Nodes);
        string file = Path.Combine(RepoLaunchFiles.LaunchDir, "params", "msd_pid.yaml");
        GeneratedFile inline = Assert.Single(node.GeneratedFiles);
        // The inline file comes after the params file, so rcl applies its values last (they win).
        Assert.Equal(["--ros-args", "-r", "__node:=rig", "-r", "__ns:=/msd", "--params-file", file, "--params-file", inline.Path], node.Arguments);
        Assert.Equal("/msd/rig:\n  ros__parameters:\n    rate_hz: 1000\n    autostart: true\n    controller:\n      kp: 250.0\n", inline.Contents);
    }
}
