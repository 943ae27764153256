using Robotics.Sim.Hybrid;

namespace Robotics.Sim.Tests.Hybrid;

public class HybridSimulatorTests
{
    [Fact]
    public void BouncingBall_ImpactTimes_MatchClosedForm()
    {
        // Dropped from rest at h0: first impact at t1 = sqrt(2 h0 / g); after each bounce the speed is multiplied by
        // e, and the flight between bounces k and k+1 lasts 2 v_k / g with v_0 = g t1, so t_{k+1} = t_k + 2 e^k v_0 / g.
        const double g = 9.81, e = 0.8, h0 = 1.3;
        var sim = new HybridSimulator(new BouncingBall(g, e), 1e-3);
        sim.Initialize(0.0, 0, [h0, 0.0]);
        var times = new List<double>();
        while (times.Count < 6 && sim.Time < 10.0)
        {
            var r = sim.Step(ReadOnlySpan<double>.Empty);
            for (int i = 0; i < r.EventCount; i++)
            {
                times.Add(sim.GetStepEvent(i).Time);
            }
        }

        double v0 = Math.Sqrt(2.0 * g * h0);
        double expected = v0 / g;
        for (int k = 0; k < times.Count; k++)
        {
            Assert.True(Math.Abs(times[k] - expected) < 1e-9, $"impact {k}: {times[k]:R} vs {expected:R}");
            expected += 2.0 * Math.Pow(e, k + 1) * v0 / g;
        }

        Assert.Equal(6, times.Count);
    }

    [Fact]
    public void Step_EventInsideStep_StateAtStepEndIsTheReflectedParabola()
    {
        // After the bounce at t1 the ball rises with e v0: y(t) = e v0 (t - t1) - g (t - t1)^2 / 2 (RK4 is exact on it).
        const double g = 10.0, e = 0.5, h0 = 0.2;
        var sim = new HybridSimulator(new BouncingBall(g, e), 0.01);
        sim.Initialize(0.0, 0, [h0, 0.0]);
        double t1 = Math.Sqrt(2.0 * h0 / g);
        while (sim.Time < t1 + 0.05)
        {
            sim.Step(ReadOnlySpan<double>.Empty);
        }

        double dt = sim.Time - t1, v = e * g * t1;
        Assert.Equal(v * dt - 0.5 * g * dt * dt, sim.State[0], 1e-10);
        Assert.Equal(v - g * dt, sim.State[1], 1e-10);
    }

    [Fact]
    public void Step_AfterConstruction_DoesNotAllocate()
    {
        var sim = new HybridSimulator(new BouncingBall(9.81, 0.9), 1e-3);
        sim.Initialize(0.0, 0, [1.0, 0.0]);
        sim.Step(ReadOnlySpan<double>.Empty);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3000; i++)
        {
            sim.Step(ReadOnlySpan<double>.Empty);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.True(sim.TotalLocateIterations > 0);
    }

    [Fact]
    public void Constructor_BadStep_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new HybridSimulator(new BouncingBall(9.81, 0.9), 0.0));
        Assert.Equal("step", ex.ParamName);
    }
}
