using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Robotics.Control.Loop;
using Robotics.Control.Pid;
using Robotics.Control.References;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Nodes;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;
using Serilog;

namespace Robotics.Benchmarks.Nodes;

/// <summary>
/// What the managed node host adds to a 1 kHz tick (issue 5: no allocation per tick, under 20 us of overhead on the
/// in-process transport). Baseline: <see cref="ControlLoop.Tick"/> of mass-spring-damper + PID on SimHardware. Host: the
/// same parts ticked through <see cref="ManagedControlNode.TickOnce"/> (tick-boundary lock, pending-parameter check,
/// gated hardware/controller, fault check). HostWithTopics: <c>sim_rig_node</c> as shipped, also publishing
/// <c>~/state</c>, <c>~/reference</c>, <c>~/command</c> each tick on the in-process transport.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Models.InProcessTorchConfig))] // in process, one core, short job (the out-of-process rebuild exceeds BenchmarkDotNet's timeout here)
public class NodeHostBenchmarks
{
    private static readonly SimTime Period = SimTime.FromMilliseconds(1);
    private ManualClock _clock = null!;
    private ControlLoop _loop = null!;
    private RosContext _ros = null!;
    private ManagedControlNode _host = null!;
    private ManagedControlNode _rig = null!;

    /// <summary>Builds the three loops and warms them up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _clock = new ManualClock();
        var hw = NewHardware();
        hw.Configure();
        hw.Activate();
        _loop = new ControlLoop(hw, NewPid(), new ConstantReference([0.1]), _clock, new ControlLoopOptions { Period = Period });
        _loop.Start();

        _ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess", Clock = _clock });
        var context = new NodeRunContext(_ros, _clock, new LoggerConfiguration().CreateLogger());
        var bare = new ControlNodeDefinition
        {
            DefaultName = "bare",
            DefaultRateHz = 1000,
            Configure = _ => new ControlNodeParts(NewHardware(), NewPid(), new ConstantReference([0.1])),
        };
        _host = new ManagedControlNode(context, [], bare);
        _host.Start();
        _rig = new ManagedControlNode(context, ["--ros-args", "-p", "rate_hz:=1000.0", "-p", "controller.kp:=50.0", "-p", "reference.values:=[0.1]"],
            SimRigNodeExecutable.Definition);
        _rig.Start();
        for (int i = 0; i < 2000; i++)
        {
            LoopTick();
            HostTick();
            HostWithTopicsTick();
        }
    }

    /// <summary>Disposes the nodes.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _host.Dispose();
        _rig.Dispose();
        _ros.Dispose();
    }

    /// <summary>The bare loop tick.</summary>
    [Benchmark(Baseline = true)]
    public TickStatus LoopTick()
    {
        _clock.Advance(Period);
        return _loop.Tick();
    }

    /// <summary>The same tick through the managed node host.</summary>
    [Benchmark]
    public TickStatus HostTick()
    {
        _clock.Advance(Period);
        return _host.TickOnce();
    }

    /// <summary>sim_rig_node's tick including its three per-tick publications.</summary>
    [Benchmark]
    public TickStatus HostWithTopicsTick()
    {
        _clock.Advance(Period);
        return _rig.TickOnce();
    }

    private static SimHardware NewHardware() =>
        new(new MassSpringDamper(new MassSpringDamperParameters()), [0.0, 0.0], new SimHardwareOptions(), new Rng(1));

    private static PidController NewPid() => new(new PidParameters { Kp = 50, Kd = 5 }, stateSize: 2, referenceSize: 1);
}
