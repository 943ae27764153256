using Robotics.Control.Hybrid;
using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid.Car;
using Xunit;
using Xunit.Abstractions;

namespace Robotics.Hybrid.Tests.Car;

public sealed class CarRoaAcceptanceTests(CarLibraryFixture fixture, ITestOutputHelper output) : IClassFixture<CarLibraryFixture>
{
    private IEnumerable<(bool Icy, double Speed, RoaEstimate Estimate)> Modes()
    {
        var lib = fixture.Library;
        for (int i = 0; i < lib.Options.SampledSpeeds.Length; i++)
        {
            yield return (false, lib.Options.SampledSpeeds[i], lib.DryEstimates[i]);
            yield return (true, lib.Options.SampledSpeeds[i], lib.IcyEstimates[i]);
        }
    }

    [Fact]
    public void EveryMode_HasNonEmptyRoaEstimate()
    {
        foreach (var (icy, v, e) in Modes())
        {
            output.WriteLine($"{(icy ? "icy" : "dry")} v={v}: c={e.Level:G4}, converged {e.ConvergedCount}/{e.SampleCount}, smallest diverging V {e.SmallestDivergingLevel:G4}");
            Assert.True(e.Level > 0, $"{(icy ? "icy" : "dry")} v={v}: empty RoA estimate");
            Assert.True(e.Level < e.SmallestDivergingLevel);
        }
    }

    [Fact]
    public void Lyapunov_DecreasesAlongClosedLoopRollouts_InsideEstimatedRoa_EveryMode()
    {
        var lib = fixture.Library;
        var rng = new Rng(424242);
        var x = new double[5];
        foreach (var (icy, v, e) in Modes())
        {
            var lqr = lib.Lqr(icy, v);
            var box = icy ? lib.Options.IcyRoaBox : lib.Options.RoaBox;
            var sampling = new RoaEstimatorOptions { SampleLower = box.Select(b => -b).ToArray(), SampleUpper = box };
            var rollout = icy ? lib.IcyRollout : lib.DryRollout;
            int tested = 0;
            for (int draw = 0; draw < 25; draw++)
            {
                // V(x) uniform in [0, c]: inside the estimated RoA by construction, independent seed.
                RoaEstimator.Draw(lqr, sampling, e.Level, rng, x);
                Assert.True(lqr.Lyapunov(x) <= e.Level * (1 + 1e-12));
                tested++;
                var trace = rollout.LyapunovTrace(v, x, 300);
                for (int k = 0; k + 1 < trace.Length && trace[k] > 1e-9; k++)
                    Assert.True(trace[k + 1] < trace[k], $"{(icy ? "icy" : "dry")} v={v}: V rose from {trace[k]} to {trace[k + 1]} at step {k}");
                Assert.True(trace[^1] < 0.1 * trace[0] || trace[^1] < 1e-9, $"{(icy ? "icy" : "dry")} v={v}: V only fell from {trace[0]} to {trace[^1]} in 6 s");
            }

            Assert.Equal(25, tested);
        }
    }

    [Fact]
    public void RoaEstimate_ContainsNoDivergingSample_FromDenseSet()
    {
        var rows = CarRoaReport.Run(fixture.Library, 600, 99);
        foreach (var row in rows)
        {
            output.WriteLine($"{row.Mode} v={row.Estimate.Parameter}: c={row.Estimate.Level:G4} dense c={row.Check.DenseLevel:G4} inside {row.Check.Inside} diverging inside {row.Check.InsideDiverging} level ratio {row.Check.LevelRatio:F2}");
            Assert.Equal(0, row.Check.InsideDiverging);
        }
    }

    [Fact]
    public void Trial_SameSeed_IsBitIdentical()
    {
        var a = new CarBenchmarkSystem(fixture.Library).RunTrial(HybridMethods.RoaPlanner, 3, 7, NullControlStepMeter.Instance);
        var b = new CarBenchmarkSystem(fixture.Library).RunTrial(HybridMethods.RoaPlanner, 3, 7, NullControlStepMeter.Instance);
        Assert.Equal(a, b);
        Assert.Equal(1, a.ModeSwitches);
    }

    [Fact]
    public void CarErrorModel_StraightDrivingAtReferenceSpeed_IsEquilibrium()
    {
        var model = new CarErrorModel(fixture.Library.IcyCar);
        var d = new double[5];
        model.Derivatives(0, [0, 0, 4.0, 0, 0], [0, 0], d);
        Assert.All(d, value => Assert.Equal(0.0, value, 12));
    }
}
