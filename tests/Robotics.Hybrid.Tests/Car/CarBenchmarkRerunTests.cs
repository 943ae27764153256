using Robotics.Control.Hybrid;
using Robotics.Sim.Hybrid.Car;
using Xunit;
using Xunit.Abstractions;

namespace Robotics.Hybrid.Tests.Car;

/// <summary>
/// Re-runs the car rows of <c>./robotics hybrid bench --system car --seed 1 --methods roa_planner,lqr</c> in-process
/// (the same <see cref="CarBenchmarkSystem.RunTrial"/> calls, without the per-step timer) so that the success counts after
/// an RoA estimator change can be measured when the CLI cannot be built. MPC does not use the RoA levels, so it is not re-run.
/// </summary>
public sealed class CarBenchmarkRerunTests(CarLibraryFixture fixture, ITestOutputHelper output) : IClassFixture<CarLibraryFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public void CarBenchmark_RoaPlannerAndLqr_25Trials_Seed1()
    {
        var sys = new CarBenchmarkSystem(fixture.Library);
        foreach (string method in new[] { HybridMethods.RoaPlanner, HybridMethods.Lqr })
        {
            int ok = 0, trials = 0;
            for (int t = 0; t < 25; t++)
            {
                var r = sys.RunTrial(method, t, 1, NullControlStepMeter.Instance);
                trials++;
                if (r.Success) ok++;
                else output.WriteLine($"- car / {method} / trial {t}: {r.Detail}");
            }

            output.WriteLine($"| car | {method} | {trials} | {ok} |");
            Assert.Equal(25, trials);
        }
    }
}
