using Robotics.Control.Loop;
using Robotics.Control.Pid;
using Robotics.Control.References;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;

namespace Robotics.Benchmarks;

/// <summary>
/// The closed loop measured by the benchmarks: a mass-spring-damper behind SimHardware (with sensor noise,
/// so the noise generator is on the path) under PID at 1 kHz, ticked against a manual clock exactly as the
/// scenario runner does.
/// </summary>
public sealed class MsdPidLoop
{
    /// <summary>Loop period: 1 kHz.</summary>
    public static readonly SimTime Period = SimTime.FromRate(1000);

    private readonly ManualClock _clock = new();

    /// <summary>Builds, configures and starts the loop.</summary>
    public MsdPidLoop()
    {
        Plant = new MassSpringDamper(new MassSpringDamperParameters { MassKg = 1.0, StiffnessNPerM = 20.0, DampingNSPerM = 0.5 });
        Hardware = new SimHardware(Plant, [0.0, 0.0], new SimHardwareOptions { SensorNoiseStd = [1e-4, 1e-3] }, new Rng(1));
        Hardware.Configure();
        Hardware.Activate();
        var pid = new PidController(new PidParameters { Kp = 200, Ki = 400, Kd = 20, DerivativeFilterTimeS = 0.005, OutputMin = -100, OutputMax = 100 }, stateSize: 2);
        Loop = new ControlLoop(Hardware, pid, new StepReference(0.0, 0.1, 0.5), _clock, new ControlLoopOptions { Period = Period });
        Loop.Start();
    }

    /// <summary>The plant.</summary>
    public MassSpringDamper Plant { get; }

    /// <summary>The simulated hardware.</summary>
    public SimHardware Hardware { get; }

    /// <summary>The shared control loop.</summary>
    public ControlLoop Loop { get; }

    /// <summary>One tick: advance simulated time by one period, then read -> PID -> write.</summary>
    public TickStatus Step()
    {
        _clock.Advance(Period);
        return Loop.Tick();
    }
}
