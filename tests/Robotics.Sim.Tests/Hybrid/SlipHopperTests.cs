using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid;
using Robotics.Sim.Hybrid.Hopper;

namespace Robotics.Sim.Tests.Hybrid;

public class SlipHopperTests
{
    // Paper parameters: M = 80 kg, k = 32 000 N/m, l0 = 1 m, g = 10 m/s^2, so omega = sqrt(k / M) = 20 rad/s.
    private const double M = 80.0, K = 32000.0, L0 = 1.0, G = 10.0;

    [Theory]
    [InlineData(1.2, 0.0)]
    [InlineData(1.5, 0.0)]
    [InlineData(1.2, -2000.0)] // negative thrust in compression injects energy
    [InlineData(1.3, 1500.0)]  // positive thrust removes energy
    public void VerticalHop_EventTimes_MatchClosedForm(double apexHeight, double thrust)
    {
        // Vertical hop (theta = 0, vx = 0): flight y = y0 - g t^2 / 2 reaches l0 at t_td = sqrt(2 (y0 - l0) / g) with
        // v0 = -g t_td. Compression: y'' = w^2 (l0 - y) - g + P / M, equilibrium ye_c = l0 + (P / M - g) / w^2;
        // y - ye_c = A cos(w s) + B sin(w s), A = l0 - ye_c, B = v0 / w, so r' = 0 at w s_b = pi + atan2(B, A), with
        // y_b = ye_c - sqrt(A^2 + B^2). Decompression (no thrust): equilibrium ye = l0 - g / w^2, y - ye = (y_b - ye) cos(w s'),
        // lift-off at y = l0: w s' = acos((l0 - ye) / (y_b - ye)), speed v_lo = -(y_b - ye) w sin(w s'). Next apex
        // after v_lo / g at height l0 + v_lo^2 / (2 g).
        double w = Math.Sqrt(K / M);
        double tTd = Math.Sqrt(2.0 * (apexHeight - L0) / G);
        double v0 = -G * tTd;
        double yeC = L0 + (thrust / M - G) / (w * w);
        double a = L0 - yeC, b = v0 / w;
        double sB = (Math.PI + Math.Atan2(b, a)) / w;
        double yB = yeC - Math.Sqrt(a * a + b * b);
        double ye = L0 - G / (w * w);
        double sLo = Math.Acos((L0 - ye) / (yB - ye)) / w;
        double vLo = -(yB - ye) * w * Math.Sin(w * sLo);
        double tBottom = tTd + sB, tLiftOff = tBottom + sLo, tApex = tLiftOff + vLo / G;
        double nextApex = L0 + vLo * vLo / (2.0 * G);

        var map = new HopperApexMap(new SlipHopper(), 1e-3);
        Assert.True(map.TryStep(new ApexState(apexHeight, 0.0), 0.0, thrust, out var next));
        Assert.True(Math.Abs(map.LastTouchdownTime - tTd) < 1e-9, $"touchdown {map.LastTouchdownTime:R} vs {tTd:R}");
        Assert.True(Math.Abs(map.LastBottomTime - tBottom) < 1e-8, $"bottom {map.LastBottomTime:R} vs {tBottom:R}");
        Assert.True(Math.Abs(map.LastLiftOffTime - tLiftOff) < 1e-8, $"lift-off {map.LastLiftOffTime:R} vs {tLiftOff:R}");
        Assert.True(Math.Abs(map.LastApexTime - tApex) < 1e-8, $"apex {map.LastApexTime:R} vs {tApex:R}");
        Assert.Equal(nextApex, next.HeightM, 1e-8);
        Assert.Equal(0.0, next.SpeedMS, 12);
    }

    [Theory]
    [InlineData(1.2, 1.0, 0.12)]
    [InlineData(1.1, 3.0, 0.3)]
    [InlineData(1.3, 2.0, 0.05)]
    public void PlanarHop_NoThrust_ConservesEnergyAcrossTheHop(double height, double speed, double angle)
    {
        // With P = 0 the system is conservative: apex energy M vx^2 / 2 + M g y is the same at both apexes, and the
        // mode-wise energy (with the spring term in stance) is constant at every step.
        var hopper = new SlipHopper();
        var sim = new HybridSimulator(hopper, 1e-3);
        sim.Initialize(0.0, (int)HopperMode.FlightDescending, [0.0, height, speed, 0.0, 0.0]);
        double e0 = hopper.Energy(sim.Mode, sim.State);
        double[] input = [angle, 0.0];
        double maxDrift = 0.0;
        int apexes = 0;
        while (sim.Time < 3.0 && !sim.IsTerminal)
        {
            var r = sim.Step(input);
            maxDrift = Math.Max(maxDrift, Math.Abs(hopper.Energy(sim.Mode, sim.State) - e0));
            for (int i = 0; i < r.EventCount; i++)
            {
                if (sim.GetStepEvent(i).FromMode == (int)HopperMode.FlightAscending)
                {
                    apexes++;
                }
            }
        }

        Assert.True(apexes >= 1, "no apex reached");
        Assert.True(maxDrift / e0 < 1e-9, $"relative energy drift {maxDrift / e0:E3}");
    }

    [Fact]
    public void FlightTouchdown_AngledLeg_MatchesBallisticClosedForm()
    {
        // Touchdown when y0 - g t^2 / 2 = l0 cos(theta): t = sqrt(2 (y0 - l0 cos theta) / g); foot at x = vx t + l0 sin theta.
        const double y0 = 1.05, vx = 2.5, theta = 0.35;
        var map = new HopperApexMap(new SlipHopper(), 1e-3);
        map.TryStep(new ApexState(y0, vx), theta, 0.0, out _);
        double t = Math.Sqrt(2.0 * (y0 - L0 * Math.Cos(theta)) / G);
        Assert.True(Math.Abs(map.LastTouchdownTime - t) < 1e-9, $"{map.LastTouchdownTime:R} vs {t:R}");
    }

    [Fact]
    public void FixedPointAngle_MakesApexMapReturnToItself()
    {
        var map = new HopperApexMap(new SlipHopper(), 1e-3);
        var apex = new ApexState(1.1, 2.0);
        double angle = map.FindFixedPointAngle(apex);
        Assert.False(double.IsNaN(angle));
        Assert.True(angle > 0.0 && angle < 0.8);
        Assert.True(map.TryStep(apex, angle, 0.0, out var next));
        Assert.Equal(apex.SpeedMS, next.SpeedMS, 8);
        // Energy conservation then fixes the height: M g y + M vx^2 / 2 unchanged with vx unchanged.
        Assert.Equal(apex.HeightM, next.HeightM, 8);
    }

    [Fact]
    public void SteepLeg_SlowHopper_FallsBack()
    {
        // A large touchdown angle at low speed vaults the body backwards over the foot into the ground: absorbing fallen mode.
        var map = new HopperApexMap(new SlipHopper(), 1e-3);
        Assert.False(map.TryStep(new ApexState(1.05, 0.2), 0.8, 0.0, out _));
    }

    [Fact]
    public void Replay_SameSeed_IsBitIdentical()
    {
        string first = RunHashed(42), second = RunHashed(42), other = RunHashed(43);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    private static string RunHashed(ulong seed)
    {
        var rng = new Rng(seed);
        var hopper = new SlipHopper();
        var sim = new HybridSimulator(hopper, 1e-3);
        sim.Initialize(0.0, (int)HopperMode.FlightDescending, [0.0, 1.1, 1.5, 0.0, 0.0]);
        var hash = new TrajectoryHash();
        double[] input = [0.15, 0.0];
        int events = 0;
        while (sim.Time < 4.0 && !sim.IsTerminal)
        {
            var r = sim.Step(input);
            events += r.EventCount;
            for (int i = 0; i < r.EventCount; i++)
            {
                if (sim.GetStepEvent(i).FromMode == (int)HopperMode.FlightAscending)
                {
                    input[0] = 0.12 + 0.06 * rng.NextDouble();
                    input[1] = -300.0 * rng.NextDouble();
                }
            }

            hash.Add(sim);
        }

        Assert.True(events > 8, $"only {events} events");
        return hash.Finish();
    }

    [Fact]
    public void Stepping_DoesNotAllocate()
    {
        var hopper = new SlipHopper();
        var sim = new HybridSimulator(hopper, 1e-3);
        sim.Initialize(0.0, (int)HopperMode.FlightDescending, [0.0, 1.1, 1.0, 0.0, 0.0]);
        double[] input = [0.1, 0.0];
        sim.Step(input);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            sim.Step(input);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
