using Robotics.Core.Time;
using Robotics.Drivers.Hardware;

namespace Robotics.Drivers.Tests;

public sealed class HardwareComponentTests
{
    private sealed class RecordingHardware() : HardwareComponent("recorder",
        new HardwareInterfaceInfo(["position"], ["effort"], [0.25]))
    {
        public int Writes;
        public double LastCommand = double.NaN;
        public int Deactivations;

        protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
        {
            state[0] = now.Seconds;
            return HardwareResult.Ok;
        }

        protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command)
        {
            Writes++;
            LastCommand = command[0];
            return HardwareResult.Ok;
        }

        protected override HardwareResult OnDeactivate()
        {
            Deactivations++;
            return HardwareResult.Ok;
        }
    }

    private static readonly SimTime Period = SimTime.FromMilliseconds(1);

    [Fact]
    public void Write_IsRefusedUnlessActive()
    {
        var hw = new RecordingHardware();
        Assert.Equal(HardwareResult.NotActive, hw.Write(SimTime.Zero, Period, [1.0]));
        Assert.Equal(HardwareResult.Ok, hw.Configure());
        Assert.Equal(HardwareLifecycleState.Inactive, hw.LifecycleState);
        Assert.Equal(HardwareResult.NotActive, hw.Write(SimTime.Zero, Period, [1.0]));
        Assert.Equal(HardwareResult.Ok, hw.Activate());
        Assert.Equal(HardwareResult.Ok, hw.Write(SimTime.Zero, Period, [1.0]));
        Assert.Equal(HardwareResult.Ok, hw.Deactivate());
        Assert.Equal(HardwareResult.NotActive, hw.Write(SimTime.Zero, Period, [2.0]));
        Assert.Equal(1, hw.Writes);
        Assert.Equal(1.0, hw.LastCommand);
    }

    [Fact]
    public void Read_WorksWhenInactive_NotWhenUnconfigured()
    {
        var hw = new RecordingHardware();
        var state = new double[1];
        Assert.Equal(HardwareResult.NotActive, hw.Read(SimTime.Zero, Period, state));
        hw.Configure();
        Assert.Equal(HardwareResult.Ok, hw.Read(SimTime.FromMilliseconds(1500), Period, state));
        Assert.Equal(1.5, state[0]);
    }

    [Fact]
    public void WrongSpanLengths_AreErrors_NotExceptions()
    {
        var hw = new RecordingHardware();
        hw.Configure();
        hw.Activate();
        Assert.Equal(HardwareResult.Error, hw.Read(SimTime.Zero, Period, new double[2]));
        Assert.Equal(HardwareResult.Error, hw.Write(SimTime.Zero, Period, new double[3]));
    }

    [Fact]
    public void Transitions_OutOfOrder_AreRefused()
    {
        var hw = new RecordingHardware();
        Assert.Equal(HardwareResult.NotActive, hw.Activate());
        Assert.Equal(HardwareResult.NotActive, hw.Deactivate());
        hw.Configure();
        Assert.Equal(HardwareResult.NotActive, hw.Configure());
        hw.Activate();
        Assert.Equal(HardwareResult.Ok, hw.Shutdown());
        Assert.Equal(1, hw.Deactivations); // shutting down an active component deactivates it first
        Assert.Equal(HardwareLifecycleState.Finalized, hw.LifecycleState);
        Assert.Equal(HardwareResult.NotActive, hw.Read(SimTime.Zero, Period, new double[1]));
    }

    [Fact]
    public void SafeCommand_DefaultsToZeros_AndMustMatchCommandCount()
    {
        Assert.Equal([0.0, 0.0], new HardwareInterfaceInfo(["a"], ["u", "v"]).SafeCommand);
        Assert.Throws<ArgumentException>(() => new HardwareInterfaceInfo(["a"], ["u"], [1.0, 2.0]));
    }
}
