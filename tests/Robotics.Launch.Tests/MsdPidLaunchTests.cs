using Robotics.Launch.Evaluation;
using Robotics.Launch.Plan;
using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Launch.Tests;

// The launch-file version of the node host's acceptance test: launch/msd_pid.launch.xml started in-process with the
// shipped sim_rig_node tracks its step reference. Runs in real time (the node host paces by the wall clock), so it
// takes a few seconds; it waits for the position to converge, it does not assert on timing.
[Trait("Category", "Slow")]
public sealed class MsdPidLaunchTests
{
    [Fact]
    public async Task MsdPidLaunch_InProcess_TracksTheStepReference()
    {
        LaunchPlan plan = new LaunchEvaluator(new LaunchEvaluationOptions
        {
            Packages = new PackageLocator(new Dictionary<string, string> { ["robotics"] = RepoLaunchFiles.LaunchDir }, _ => null),
            GetEnvironmentVariable = _ => null,
        }).Evaluate(Path.Combine(RepoLaunchFiles.LaunchDir, "msd_pid.launch.xml"));
        using RosContext context = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        using var probe = new Node(context, "probe");
        LatestValueSubscription<JointState> state = probe.CreateLatestValueSubscription<JointState>("/msd/rig/state", QosProfile.KeepLast(1));
        LatestValueSubscription<Float64MultiArray> reference = probe.CreateLatestValueSubscription<Float64MultiArray>("/msd/rig/reference", QosProfile.KeepLast(1));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // guard only; normally stopped below
        double position = double.NaN, target = double.NaN;
        Task? watcher = null;
        var launcher = new InProcessLauncher(NodeExecutableCatalog.Default, new LaunchRunOptions
        {
            Context = context,
            Logger = new LoggerConfiguration().CreateLogger(),
            Started = _ => watcher = Task.Run(async () =>
            {
                var js = new JointState();
                var r = new Float64MultiArray();
                double? inBandSince = null;
                while (!stop.IsCancellationRequested)
                {
                    // Settled = the step has been taken and the position has stayed within 2 mm of it for 0.5 s of
                    // message stamps (not just crossing it while overshooting). The loop may run slower than real time on
                    // a loaded machine, so this waits for the condition rather than for a wall-clock time.
                    if (state.TryGetLatest(js) && reference.TryGetLatest(r) && r.Data.Length > 0 && js.Position.Length > 0 && r.Data[0] > 0.25)
                    {
                        double t = js.Header.Stamp.Sec + (js.Header.Stamp.Nanosec * 1e-9);
                        bool inBand = Math.Abs(js.Position[0] - r.Data[0]) < 0.002;
                        inBandSince = inBand ? inBandSince ?? t : null;
                        if (inBandSince is { } since && t - since > 0.5)
                        {
                            position = js.Position[0];
                            target = r.Data[0];
                            await stop.CancelAsync();
                            return;
                        }
                    }

                    await Task.Delay(50);
                }
            }),
        });

        LaunchRunResult result = await launcher.RunAsync(plan, stop.Token);
        if (watcher is not null) await watcher;

        Assert.Equal(0, result.ExitCode);
        // msd_pid.yaml: step from 0 to final_value 0.5 m. A PID has integral action, so the steady-state error of the
        // mass-spring-damper (k = 20 N/m) to a step is zero and the loop converges: closed-loop characteristic polynomial
        // m s^3 + (c + kd) s^2 + (k + kp) s + ki = s^3 + 30.5 s^2 + 220 s + 400 has roots -20.9, -6.8, -2.8 1/s
        // (numpy.roots), all stable. Without convergence the 60 s guard stops the run and position stays NaN.
        Assert.InRange(position, 0.498, 0.502);
    }

    [Fact]
    public async Task DemoLaunch_InProcess_EveryRigConfiguresActivatesAndStopsCleanly()
    {
        LaunchPlan plan = new LaunchEvaluator(new LaunchEvaluationOptions
        {
            Packages = new PackageLocator(new Dictionary<string, string> { ["robotics"] = RepoLaunchFiles.LaunchDir }, _ => null),
            GetEnvironmentVariable = _ => null,
        }).Evaluate(Path.Combine(RepoLaunchFiles.LaunchDir, "demo.launch.xml"));
        string[] rigs = ["/msd/rig", "/msd_lqr/rig", "/cartpole/rig", "/bicycle/rig"];
        using RosContext context = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        using var probe = new Node(context, "probe");
        LatestValueSubscription<JointState>[] states = rigs.Select(r => probe.CreateLatestValueSubscription<JointState>(r + "/state", QosProfile.KeepLast(1))).ToArray();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // guard only
        bool allPublished = false;
        Task? watcher = null;
        var launcher = new InProcessLauncher(NodeExecutableCatalog.Default, new LaunchRunOptions
        {
            Context = context,
            Logger = new LoggerConfiguration().CreateLogger(),
            Started = _ => watcher = Task.Run(async () =>
            {
                var js = new JointState();
                while (!stop.IsCancellationRequested)
                {
                    // Each rig publishes ~/state only while its control loop runs, i.e. after its parameters were
                    // accepted and autostart configured and activated it.
                    if (states.All(s => s.TryGetLatest(js)))
                    {
                        allPublished = true;
                        await stop.CancelAsync();
                        return;
                    }

                    await Task.Delay(50);
                }
            }),
        });

        LaunchRunResult result = await launcher.RunAsync(plan, stop.Token);
        if (watcher is not null) await watcher;

        Assert.True(allPublished, string.Join("; ", result.Exits.Select(e => $"{e.Name}: {e.ExitCode} {e.Error}")));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(rigs, result.Exits.Select(e => e.Name));
    }
}
