using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;

namespace Robotics.Control.Tests.Loop;

public sealed class ControlLoopTests
{
    /// <summary>A single integrator x' = u, integrated exactly (x += u * dt) up to each read time.</summary>
    private sealed class IntegratorHardware() : HardwareComponent("integrator",
        new HardwareInterfaceInfo(["x"], ["u"], [-7.0]))
    {
        public double X;
        public double U;
        public SimTime Time;
        public Func<SimTime, bool> ReadFails = _ => false;
        public readonly List<(SimTime Now, double U)> Writes = [];

        protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
        {
            X += U * (now - Time).Seconds;
            Time = now;
            state[0] = X;
            return ReadFails(now) ? HardwareResult.Error : HardwareResult.Ok;
        }

        protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command)
        {
            U = command[0];
            Writes.Add((now, U));
            return HardwareResult.Ok;
        }
    }

    /// <summary>u = k (r - x); fails on demand.</summary>
    private sealed class Proportional(double k) : IController
    {
        public bool Fail;
        public int Resets;
        public string Name => "p";
        public int StateSize => 1;
        public int ReferenceSize => 1;
        public int CommandSize => 1;
        public void Reset() => Resets++;

        public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
        {
            command[0] = k * (reference[0] - state[0]);
            return Fail ? ControllerStatus.Failed : ControllerStatus.Ok;
        }
    }

    private sealed class Constant(double value) : IReferenceSource
    {
        public int Size => 1;
        public void Evaluate(SimTime time, Span<double> reference) => reference[0] = value;
    }

    private static readonly SimTime Period = SimTime.FromMilliseconds(10);

    private static (ControlLoop Loop, IntegratorHardware Hw, ManualClock Clock, Proportional Ctrl) Build(int tolerance = 5)
    {
        var hw = new IntegratorHardware();
        hw.Configure();
        hw.Activate();
        var clock = new ManualClock(SimTime.FromSeconds(100)); // loop time is relative to Start()
        var ctrl = new Proportional(5.0);
        var loop = new ControlLoop(hw, ctrl, new Constant(1.0), clock,
            new ControlLoopOptions { Period = Period, ReadFaultToleranceTicks = tolerance });
        loop.Start();
        return (loop, hw, clock, ctrl);
    }

    [Fact]
    public void ClosedLoop_MatchesTheDiscreteSolution()
    {
        // x_{k+1} = x_k + dt * k (1 - x_k) => 1 - x_n = (1 - k dt)^n with k dt = 0.05.
        var (loop, hw, clock, _) = Build();
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(TickStatus.Ok, loop.Tick());
            clock.Advance(Period);
        }

        var state = new double[1];
        hw.Read(loop.NextDeadline, Period, state);
        Assert.Equal(1 - Math.Pow(0.95, 40), state[0], 12);
        Assert.Equal(40, loop.TickCount);
        Assert.Equal(SimTime.FromMilliseconds(390), hw.Writes[^1].Now); // loop time starts at 0, not at the clock's 100 s
    }

    [Fact]
    public void Timing_RecordsPeriodAndJitterAgainstAbsoluteDeadlines()
    {
        var (loop, _, clock, _) = Build();
        loop.Tick();                                     // t = 0, on time
        clock.Advance(SimTime.FromMilliseconds(15));
        loop.Tick();                                     // t = 15 ms, deadline 10 ms: 5 ms late, period 15 ms
        clock.Advance(SimTime.FromMilliseconds(5));
        loop.Tick();                                     // t = 20 ms, on its deadline again: period 5 ms
        Assert.Equal(3, loop.Timing.Ticks);
        Assert.Equal(0.010, loop.Timing.MeanPeriodSeconds, 12);
        Assert.Equal(0.005, loop.Timing.MinPeriodSeconds, 12);
        Assert.Equal(0.015, loop.Timing.MaxPeriodSeconds, 12);
        Assert.Equal(0.005, loop.Timing.MaxAbsJitterSeconds, 12);
        Assert.Equal(Math.Sqrt(0.005 * 0.005 / 3), loop.Timing.RmsJitterSeconds, 12);
        Assert.Equal(0.0, loop.Timing.MaxComputeSeconds); // the manual clock does not move during a tick
    }

    [Fact]
    public void LateTick_SkipsMissedDeadlines_InsteadOfBursting()
    {
        var (loop, _, clock, _) = Build();
        loop.Tick();                                      // t = 0
        clock.Advance(SimTime.FromMilliseconds(35));
        loop.Tick();                                      // t = 35 ms: deadline was 10 ms, 2.5 periods late
        Assert.Equal(1, loop.Overruns);
        Assert.Equal(SimTime.FromMilliseconds(40), loop.NextDeadline); // next boundary, not 20 ms
        clock.Advance(SimTime.FromMilliseconds(5));
        loop.Tick();                                      // t = 40 ms: on time again
        Assert.Equal(1, loop.Overruns);
        Assert.Equal(0.025, loop.Timing.MaxAbsJitterSeconds, 12);
        Assert.Equal(SimTime.FromMilliseconds(40), loop.LoopTime);
    }

    [Fact]
    public void ManualClockPacer_JumpsToEachDeadline_AndNeverBackwards()
    {
        var hw = new IntegratorHardware();
        hw.Configure();
        hw.Activate();
        var clock = new ManualClock();
        var pacer = new ManualClockPacer(clock);
        var loop = new ControlLoop(hw, new Proportional(1), new Constant(1), pacer.Clock, new ControlLoopOptions { Period = Period });
        loop.Start();
        for (int i = 0; i < 3; i++)
        {
            pacer.WaitForNextDeadline(loop);
            loop.Tick();
        }

        Assert.Equal(SimTime.FromMilliseconds(20), clock.Now);      // ticks at 0, 10, 20 ms
        clock.Advance(SimTime.FromMilliseconds(15));               // 35 ms: already past the 30 ms deadline
        pacer.WaitForNextDeadline(loop);
        Assert.Equal(SimTime.FromMilliseconds(35), clock.Now);      // a late loop is not moved back
        Assert.Equal(0.0, loop.Timing.MaxAbsJitterSeconds);
    }

    [Fact]
    public void ReadFaults_RideThroughOnLastGoodState_ThenWriteSafeCommand()
    {
        var (loop, hw, clock, _) = Build(tolerance: 2);
        hw.ReadFails = now => now >= SimTime.FromMilliseconds(30) && now < SimTime.FromMilliseconds(80);
        var statuses = new List<TickStatus>();
        for (int i = 0; i < 10; i++)
        {
            statuses.Add(loop.Tick());
            clock.Advance(Period);
        }

        // Ticks at 30, 40 ms use the last good state; 50, 60, 70 ms write the safe command; 80 ms recovers.
        Assert.Equal(
            [TickStatus.Ok, TickStatus.Ok, TickStatus.Ok, TickStatus.StaleState, TickStatus.StaleState,
             TickStatus.SafeCommand, TickStatus.SafeCommand, TickStatus.SafeCommand, TickStatus.Ok, TickStatus.Ok],
            statuses);
        Assert.Equal(-7.0, hw.Writes[5].U);
        Assert.Equal(2, loop.StatusCount(TickStatus.StaleState));
        Assert.Equal(3, loop.StatusCount(TickStatus.SafeCommand));
    }

    [Fact]
    public void ReadFault_BeforeAnyGoodState_WritesSafeCommand()
    {
        var (loop, hw, _, _) = Build();
        hw.ReadFails = _ => true;
        Assert.Equal(TickStatus.SafeCommand, loop.Tick());
        Assert.Equal(-7.0, hw.U);
    }

    [Fact]
    public void FailedController_WritesSafeCommand()
    {
        var (loop, hw, _, ctrl) = Build();
        ctrl.Fail = true;
        Assert.Equal(TickStatus.SafeCommand, loop.Tick());
        Assert.Equal(-7.0, hw.U);
    }

    [Fact]
    public void InactiveHardware_IsReportedAsWriteFault()
    {
        var (loop, hw, _, _) = Build();
        hw.Deactivate();
        Assert.Equal(TickStatus.WriteFault, loop.Tick());
    }

    [Fact]
    public void Start_ResetsControllerAndCounters()
    {
        var (loop, _, _, ctrl) = Build();
        loop.Tick();
        loop.Start();
        Assert.Equal(2, ctrl.Resets);
        Assert.Equal(0, loop.TickCount);
        Assert.Throws<InvalidOperationException>(() => new ControlLoop(new IntegratorHardware(), ctrl, new Constant(0), new ManualClock(), new ControlLoopOptions()).Tick());
    }

    [Fact]
    public void MismatchedSizes_AreRejectedWithNames()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ControlLoop(new IntegratorHardware(), new Proportional(1),
            new TwoValues(), new ManualClock(), new ControlLoopOptions()));
        Assert.Contains("reference of 1 values but the reference provides 2", ex.Message);
        Assert.Throws<ArgumentException>(() => new ControlLoopOptions { Period = SimTime.Zero }.Validate());
    }

    [Fact]
    public void SteadyStateTick_AllocatesNothing()
    {
        var hw = new IntegratorHardware();
        hw.Configure();
        hw.Activate();
        hw.Writes.Capacity = 10_000;
        var clock = new ManualClock();
        var loop = new ControlLoop(hw, new Proportional(1), new Constant(1), clock, new ControlLoopOptions { Period = Period });
        loop.Start();
        loop.Tick();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            clock.Advance(Period);
            loop.Tick();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class TwoValues : IReferenceSource
    {
        public int Size => 2;
        public void Evaluate(SimTime time, Span<double> reference) => reference.Clear();
    }
}
