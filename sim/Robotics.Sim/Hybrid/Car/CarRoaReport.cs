using Robotics.Control.Hybrid;
using Robotics.Core.Randomness;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>Checks every car mode's RoA estimate against a dense, independently seeded sample set.</summary>
public static class CarRoaReport
{
    /// <summary>Validates each (mode, sampled speed) on samples with V uniform in [0, 2 c] (ellipsoid sampling, half inside the estimate) of <paramref name="library"/> with <paramref name="denseSamples"/> samples.</summary>
    public static IReadOnlyList<CarRoaRow> Run(CarModeLibrary library, int denseSamples, ulong seed, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        var rng = new Rng(seed);
        var rows = new List<CarRoaRow>();
        var o = library.Options;
        for (int i = 0; i < o.SampledSpeeds.Length; i++)
        {
            foreach (bool icy in new[] { false, true })
            {
                double v = o.SampledSpeeds[i];
                var box = icy ? o.IcyRoaBox : o.RoaBox;
                var estimate = (icy ? library.IcyEstimates : library.DryEstimates)[i];
                double maxLevel = 2.0 * (estimate.Level > 0 ? estimate.Level : Math.Min(estimate.SmallestDivergingLevel, 1.0));
                var dense = new RoaEstimatorOptions { SampleCount = denseSamples, EllipsoidMaxLevel = maxLevel, SampleLower = box.Select(b => -b).ToArray(), SampleUpper = (double[])box.Clone() };
                var check = RoaEstimator.Validate(library.Lqr(icy, v), icy ? library.IcyRollout : library.DryRollout, estimate.Level, dense, rng.Fork($"{(icy ? "icy" : "dry")}/{v}"));
                rows.Add(new CarRoaRow(icy ? "icy" : "dry", estimate, check));
                progress?.Invoke($"  roa check {(icy ? "icy" : "dry")} v={v}: level {estimate.Level:G4}, dense level {check.DenseLevel:G4}, inside {check.Inside}, diverging inside {check.InsideDiverging}");
            }
        }

        return rows;
    }
}
