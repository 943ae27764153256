using Robotics.Core.Time;
using Robotics.Sim.Faults;

namespace Robotics.Sim.Tests.Hardware;

public class FaultScheduleTests
{
    private static SimTime Ms(long ms) => SimTime.FromMilliseconds(ms);

    [Fact]
    public void IsActive_HalfOpenWindowAndChannelMatching()
    {
        var schedule = new FaultSchedule([new ScheduledFault(FaultKind.SensorDropout, Ms(10), Ms(5), channel: 2)]);
        Assert.False(schedule.IsActive(FaultKind.SensorDropout, 2, Ms(9)));
        Assert.True(schedule.IsActive(FaultKind.SensorDropout, 2, Ms(10)));
        Assert.True(schedule.IsActive(FaultKind.SensorDropout, 2, Ms(14)));
        Assert.False(schedule.IsActive(FaultKind.SensorDropout, 2, Ms(15)));
        Assert.False(schedule.IsActive(FaultKind.SensorDropout, 1, Ms(12)));
        Assert.False(schedule.IsActive(FaultKind.NoiseBurst, 2, Ms(12)));
    }

    [Fact]
    public void Faults_AreOrderedByStart_EqualStartsKeepTheirOrder()
    {
        var late = new ScheduledFault(FaultKind.NoiseBurst, Ms(30), Ms(10), magnitude: 2);
        var early = new ScheduledFault(FaultKind.StuckActuator, Ms(0), Ms(100), channel: 0);
        var middle = new ScheduledFault(FaultKind.SensorDropout, Ms(20), Ms(5));
        var alsoMiddle = new ScheduledFault(FaultKind.NoiseBurst, Ms(20), Ms(1), magnitude: 3);
        var schedule = new FaultSchedule([late, early, middle, alsoMiddle]);
        Assert.Equal([early, middle, alsoMiddle, late], schedule.Faults);
    }

    [Fact]
    public void NoiseMultiplier_IsProductOfActiveBurstsOnChannel()
    {
        var schedule = new FaultSchedule(
        [
            new ScheduledFault(FaultKind.NoiseBurst, Ms(0), Ms(10), channel: -1, magnitude: 3),
            new ScheduledFault(FaultKind.NoiseBurst, Ms(5), Ms(10), channel: 1, magnitude: 2),
        ]);
        Assert.Equal(3.0, schedule.NoiseMultiplier(0, Ms(7)));
        Assert.Equal(6.0, schedule.NoiseMultiplier(1, Ms(7)));
        Assert.Equal(2.0, schedule.NoiseMultiplier(1, Ms(12)));
        Assert.Equal(1.0, schedule.NoiseMultiplier(0, Ms(20)));
    }

    [Fact]
    public void Queries_AllocateNothing()
    {
        var schedule = new FaultSchedule([new ScheduledFault(FaultKind.NoiseBurst, Ms(0), Ms(10), magnitude: 3)]);
        int count = schedule.IsActive(FaultKind.SensorDropout, 0, Ms(1)) ? 1 : 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            count += schedule.IsActive(FaultKind.SensorDropout, 0, Ms(i)) ? 1 : 0;
            count += (int)schedule.NoiseMultiplier(0, Ms(i));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(count > 0);
    }

    [Fact]
    public void ScheduledFault_InvalidValues_Throw()
    {
        Assert.Contains("duration", Assert.Throws<ArgumentException>(() => new ScheduledFault(FaultKind.SensorDropout, Ms(0), SimTime.Zero)).Message);
        Assert.Contains("channel", Assert.Throws<ArgumentException>(() => new ScheduledFault(FaultKind.SensorDropout, Ms(0), Ms(1), channel: -2)).Message);
        Assert.Contains("magnitude", Assert.Throws<ArgumentException>(() => new ScheduledFault(FaultKind.NoiseBurst, Ms(0), Ms(1), magnitude: -1)).Message);
        Assert.Contains("start", Assert.Throws<ArgumentException>(() => new ScheduledFault(FaultKind.NoiseBurst, Ms(-1), Ms(1))).Message);
    }
}
