using Robotics.Launch.Evaluation;
using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Dds.Native;
using Robotics.Ros.Interfaces.LifecycleMsgs;
using Robotics.Ros.Interfaces.RclInterfaces;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Nodes.Tests.Hosting;

/// <summary>Skips a test when Cyclone DDS (libddsc) cannot be loaded.</summary>
public sealed class CycloneFactAttribute : FactAttribute
{
    /// <summary>Sets Skip when libddsc is missing.</summary>
    public CycloneFactAttribute()
    {
        if (!CycloneLibrary.TryLoad(out string? error)) Skip = error;
    }
}

/// <summary>
/// Acceptance (issue 5, bullet 1) with the node started through <see cref="INodeExecutable"/> from the catalog and run in
/// real time: the simulated mass-spring-damper rig with its PD controller tracks its reference, a parameter set over the
/// service changes the rest point, deactivate over the lifecycle service leaves the rig on its safe command. The same
/// scenario runs on the in-process transport and over Cyclone DDS (loopback only, its own domain).
/// </summary>
public sealed class SimRigExecutableTests
{
    // Cyclone configuration: only lo, no multicast, unicast discovery of 127.0.0.1 (as tests/Robotics.Ros.Tests).
    private const string LoopbackConfig =
        "<CycloneDDS><Domain Id=\"any\"><General><Interfaces><NetworkInterface name=\"lo\"/></Interfaces>" +
        "<AllowMulticast>false</AllowMulticast></General><Discovery><Peers><Peer address=\"127.0.0.1\"/></Peers>" +
        "<ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>120</MaxAutoParticipantIndex></Discovery></Domain></CycloneDDS>";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task InProcess_RigTracks_SetTakesEffect_DeactivateHoldsSafeCommand()
    {
        using var ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        await RunScenario(ros, ros, StartExecutable);
    }

    [Fact]
    public async Task FromLaunchFile_InProcess_RigTracks_SetTakesEffect_DeactivateHoldsSafeCommand()
    {
        using var ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        await RunScenario(ros, ros, StartFromLaunchFile);
    }

    [CycloneFact]
    public async Task FromLaunchFile_CycloneDds_RigTracks_SetTakesEffect_DeactivateHoldsSafeCommand()
    {
        using var nodeSide = RosContext.Init([], new RosContextOptions { TransportName = "cyclonedds", GetEnvironmentVariable = Env222 });
        using var testerSide = RosContext.Init([], new RosContextOptions { TransportName = "cyclonedds", GetEnvironmentVariable = Env222 });
        await RunScenario(nodeSide, testerSide, StartFromLaunchFile);

        static string? Env222(string name) => name switch
        {
            "ROS_DOMAIN_ID" => "222",
            "ROS_AUTOMATIC_DISCOVERY_RANGE" => "LOCALHOST",
            "CYCLONEDDS_URI" => LoopbackConfig,
            _ => null,
        };
    }

    // The node as a program: the arguments ros2 launch would pass for the launch file below.
    private static Task<int> StartExecutable(RosContext nodeSide, string paramsFile, CancellationToken ct)
    {
        var exe = NodeExecutableCatalog.Default.Find("robotics", "sim_rig_node");
        Assert.NotNull(exe);
        var context = new NodeRunContext(nodeSide, TimeProvider.System, new LoggerConfiguration().CreateLogger());
        return Task.Run(() => exe.RunAsync(
            ["--ros-args", "-r", "__node:=msd", "-r", "__ns:=/rig", "--params-file", paramsFile, "-p", "autostart:=false"], context, ct));
    }

    // The same node started from a ROS 2 XML launch file by the in-process launcher.
    private static async Task<int> StartFromLaunchFile(RosContext nodeSide, string paramsFile, CancellationToken ct)
    {
        string launchFile = Path.ChangeExtension(paramsFile, ".launch.xml");
        File.WriteAllText(launchFile, $"""
            <launch>
              <arg name="autostart" default="false"/>
              <node pkg="robotics" exec="sim_rig_node" name="msd" namespace="/rig">
                <param from="{paramsFile}"/>
                <param name="autostart" value="$(var autostart)"/>
              </node>
            </launch>
            """);
        var plan = new LaunchEvaluator(new LaunchEvaluationOptions
        {
            Packages = new PackageLocator(new Dictionary<string, string>(), _ => null),
            GetEnvironmentVariable = _ => null,
        }).Evaluate(launchFile);
        var launcher = new InProcessLauncher(NodeExecutableCatalog.Default, new LaunchRunOptions
        {
            Context = nodeSide,
            Logger = new LoggerConfiguration().CreateLogger(),
        });
        try
        {
            return (await Task.Run(() => launcher.RunAsync(plan, ct))).ExitCode;
        }
        finally
        {
            File.Delete(launchFile);
        }
    }

    [CycloneFact]
    public async Task CycloneDds_RigTracks_SetTakesEffect_DeactivateHoldsSafeCommand()
    {
        string? Env(string name) => name switch
        {
            "ROS_DOMAIN_ID" => "221",
            "ROS_AUTOMATIC_DISCOVERY_RANGE" => "LOCALHOST",
            "CYCLONEDDS_URI" => LoopbackConfig,
            _ => null,
        };
        using var nodeSide = RosContext.Init([], new RosContextOptions { TransportName = "cyclonedds", GetEnvironmentVariable = Env });
        using var testerSide = RosContext.Init([], new RosContextOptions { TransportName = "cyclonedds", GetEnvironmentVariable = Env });
        await RunScenario(nodeSide, testerSide, StartExecutable);
    }

    private static async Task RunScenario(RosContext nodeSide, RosContext testerSide, Func<RosContext, string, CancellationToken, Task<int>> start)
    {
        string file = Path.Combine(Path.GetTempPath(), $"hnodes-rig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, """
            /rig/msd:
              ros__parameters:
                rate_hz: 200.0
                plant: {stiffness_n_m: 20.0, damping_n_s_m: 0.4, mass_kg: 1.0}
                sim: {safe_command: [-0.25]}
                controller: {kp: 50.0, kd: 10.0}
                reference: {values: [0.1]}
            """);
        using var cts = new CancellationTokenSource();
        Task<int> run = start(nodeSide, file, cts.Token);
        try
        {
            using var tester = new Node(testerSide, "acceptance_tester");
            var state = tester.CreateLatestValueSubscription<JointState>("/rig/msd/state", QosProfile.KeepLast(1));
            var commands = new List<double>();
            using var commandSub = tester.CreateSubscription<Float64MultiArray>("/rig/msd/command", m =>
            {
                lock (commands) commands.Add(m.Data[0]);
            }, QosProfile.KeepLast(100));
            using var exec = new Executor();
            exec.Add(tester);
            using var spin = new CancellationTokenSource();
            var spinner = Task.Run(() => exec.Spin(spin.Token));
            var change = tester.CreateClient<ChangeStateRequest, ChangeStateResponse>("/rig/msd/change_state");
            var set = tester.CreateClient<SetParametersRequest, SetParametersResponse>("/rig/msd/set_parameters");
            Assert.True(change.WaitForService(Timeout), "change_state service not found");
            Assert.True(set.WaitForService(Timeout), "set_parameters service not found");

            Assert.True((await change.CallAsync(new ChangeStateRequest { Transition = new Transition { Label = "configure" } }, Timeout)).Success);
            Assert.True((await change.CallAsync(new ChangeStateRequest { Transition = new Transition { Id = Transition.TRANSITION_ACTIVATE } }, Timeout)).Success);

            // PD rest point x = kp r / (k + kp) = 50 * 0.1 / 70.
            WaitForPosition(state, 50 * 0.1 / 70);

            var reply = await set.CallAsync(new SetParametersRequest
            {
                Parameters = [new Parameter { Name = "controller.kp", Value = new ParameterValue { Type = 3, DoubleValue = 150 } }],
            }, Timeout);
            Assert.True(reply.Results[0].Successful, reply.Results[0].Reason);
            WaitForPosition(state, 150 * 0.1 / 170);

            Assert.True((await change.CallAsync(new ChangeStateRequest { Transition = new Transition { Label = "deactivate" } }, Timeout)).Success);
            int mark;
            lock (commands) mark = commands.Count;
            WaitUntil(() =>
            {
                lock (commands) return commands.Skip(mark).Count(c => c == -0.25) >= 20;
            }, "20 safe commands after deactivate");
            lock (commands)
            {
                var after = commands.Skip(mark).SkipWhile(c => c != -0.25).ToList();
                Assert.All(after, c => Assert.Equal(-0.25, c));
            }

            spin.Cancel();
            await spinner;
        }
        finally
        {
            cts.Cancel();
            File.Delete(file);
        }

        Assert.Equal(0, await run);
    }

    private static void WaitForPosition(LatestValueSubscription<JointState> state, double expected)
    {
        var m = new JointState();
        WaitUntil(() => state.TryGetLatest(m) && Math.Abs(m.Position[0] - expected) < 1e-4, $"position to settle at {expected}");
    }

    private static void WaitUntil(Func<bool> condition, string what)
    {
        var end = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < end, $"timed out waiting for {what}");
            Thread.Sleep(10);
        }
    }
}
