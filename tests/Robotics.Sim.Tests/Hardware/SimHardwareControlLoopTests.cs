using Robotics.Control.Loop;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Hardware;

public class SimHardwareControlLoopTests
{
    private sealed class PdController(double kp, double kd) : IController
    {
        public string Name => "pd";
        public int StateSize => 2;
        public int ReferenceSize => 1;
        public int CommandSize => 1;
        public void Reset() { }

        public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
        {
            command[0] = kp * (reference[0] - state[0]) - kd * state[1];
            return ControllerStatus.Ok;
        }
    }

    private sealed class ConstantReference(double value) : IReferenceSource
    {
        public int Size => 1;
        public void Evaluate(SimTime time, Span<double> reference) => reference[0] = value;
    }

    [Fact]
    public void ControlLoop_PdOnMassSpringDamper_SettlesAtStaticBalance()
    {
        // Closed loop: m x'' + (c + Kd) x' + (k + Kp) x = Kp r, so x settles at Kp r / (k + Kp) = 16 / 20 = 0.8
        // (zeta = 4.4 / (2 sqrt(20)) = 0.49, transients ~ exp(-2.2 t), gone after 10 s). The sampled zero-order-hold
        // loop has the same static balance.
        var hardware = new SimHardware(new MassSpringDamper(), [0.0, 0.0], new SimHardwareOptions(), new Rng(3));
        hardware.Configure();
        hardware.Activate();
        var clock = new ManualClock();
        var loop = new ControlLoop(hardware, new PdController(16, 4), new ConstantReference(1.0), clock, new ControlLoopOptions());
        loop.Start();
        for (int k = 0; k < 10_000; k++)
        {
            Assert.Equal(TickStatus.Ok, loop.Tick());
            clock.Advance(loop.Period);
        }

        Assert.Equal(0.8, hardware.TrueState[0], 1e-6);
        Assert.Equal(SimTime.FromMilliseconds(9_999), hardware.Time);
    }
}
