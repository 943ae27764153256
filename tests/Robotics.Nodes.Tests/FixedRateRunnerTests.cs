using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;

namespace Robotics.Nodes.Tests;

public sealed class FixedRateRunnerTests
{
    private sealed class TimestampRecorder() : HardwareComponent("recorder", new HardwareInterfaceInfo(["x"], ["u"]))
    {
        public readonly List<SimTime> Reads = new(1000);

        protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
        {
            Reads.Add(now);
            return HardwareResult.Ok;
        }

        protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command) => HardwareResult.Ok;
    }

    private sealed class Zero : IController, IReferenceSource
    {
        public string Name => "zero";
        public int StateSize => 1;
        public int ReferenceSize => 1;
        public int CommandSize => 1;
        public int Size => 1;
        public void Reset() { }
        public void Evaluate(SimTime time, Span<double> reference) => reference[0] = 0;

        public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
        {
            command[0] = 0;
            return ControllerStatus.Ok;
        }
    }

    [Fact]
    public async Task RealTimeTicks_NeverStartBeforeTheirAbsoluteDeadline()
    {
        var hw = new TimestampRecorder();
        hw.Configure();
        hw.Activate();
        var period = SimTime.FromMilliseconds(5);
        var zero = new Zero();
        var loop = new ControlLoop(hw, zero, zero, TimeProvider.System, new ControlLoopOptions { Period = period });

        long ran = await new FixedRateRunner(loop, TimeProvider.System).RunAsync(40);

        Assert.Equal(40, ran);
        Assert.Equal(40, hw.Reads.Count);
        // Tick k may be late (the OS decides), never early; deadlines stay on the k * period grid.
        long slot = 0;
        foreach (var now in hw.Reads)
        {
            Assert.True(now >= period * slot, $"tick for slot {slot} started at {now}, before its deadline {period * slot}");
            slot = now.Nanoseconds / period.Nanoseconds + 1;
        }
    }

    [Fact]
    public async Task Cancellation_StopsTheLoop()
    {
        var hw = new TimestampRecorder();
        hw.Configure();
        hw.Activate();
        var zero = new Zero();
        var loop = new ControlLoop(hw, zero, zero, TimeProvider.System, new ControlLoopOptions { Period = SimTime.FromMilliseconds(1) });
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Equal(0, await new FixedRateRunner(loop, TimeProvider.System).RunAsync(1000, cts.Token));
    }
}
