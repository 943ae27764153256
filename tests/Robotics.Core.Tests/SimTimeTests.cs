using Robotics.Core.Time;

namespace Robotics.Core.Tests;

public sealed class SimTimeTests
{
    [Fact]
    public void ThousandMillisecondTicks_AddUpToExactlyOneSecond()
    {
        var t = SimTime.Zero;
        var period = SimTime.FromRate(1000);
        for (int i = 0; i < 1000; i++) t += period;
        Assert.Equal(1_000_000_000L, t.Nanoseconds);
        Assert.Equal(period * 1000, t);
    }

    [Theory]
    [InlineData(1.5, 1_500_000_000L)]
    [InlineData(1e-9, 1L)]
    [InlineData(-0.25, -250_000_000L)]
    [InlineData(0.0000000004, 0L)]
    [InlineData(0.0000000005, 1L)] // rounds half away from zero
    public void FromSeconds_RoundsToNearestNanosecond(double seconds, long expected) =>
        Assert.Equal(expected, SimTime.FromSeconds(seconds).Nanoseconds);

    [Fact]
    public void FromRate_300Hz_RoundsPeriod() => Assert.Equal(3_333_333L, SimTime.FromRate(300).Nanoseconds);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e10)]
    public void FromSeconds_OutOfRange_Throws(double seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SimTime.FromSeconds(seconds));

    [Fact]
    public void FromRate_NonPositive_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => SimTime.FromRate(0));

    [Fact]
    public void ToString_ShowsNanosecondPrecision() => Assert.Equal("1.000000001 s", new SimTime(1_000_000_001).ToString());

    [Fact]
    public void Overflow_IsDetected() => Assert.Throws<OverflowException>(() => SimTime.MaxValue + new SimTime(1));

    [Fact]
    public void TimestampConversion_NonGigahertzFrequency_IsExact()
    {
        // 10 MHz timestamps (100 ns ticks): 12,345,678 ticks = 1.2345678 s.
        Assert.Equal(1_234_567_800L, TimeProviderExtensions.TimestampToSimTime(12_345_678, 10_000_000).Nanoseconds);
    }

    [Fact]
    public void ManualClock_AdvancesOnlyWhenTold_AndNeverBackwards()
    {
        var clock = new ManualClock();
        Assert.Equal(0, clock.GetTimestamp());
        clock.Advance(SimTime.FromMilliseconds(5));
        Assert.Equal(5_000_000, clock.GetTimestamp());
        Assert.Equal(SimTime.FromMilliseconds(5), clock.GetSimTime());
        clock.AdvanceTo(SimTime.FromSeconds(1));
        Assert.Equal(1.0, clock.Now.Seconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(SimTime.FromMilliseconds(1)));
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
    }
}
