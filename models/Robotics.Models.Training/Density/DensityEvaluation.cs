using Robotics.Control.Risk;
using Robotics.Core.Randomness;

namespace Robotics.Models.Training.Density;

/// <summary>
/// Accuracy of a trained <see cref="LearnedDensityNetwork"/> against the analytic Liouville propagation
/// (<see cref="LiouvilleDensityPropagator"/>: RK4 on [x, log ρ] with the analytic divergence, at a fine step) from
/// held-out initial states uniform over the problem's box, at every plan step.
/// </summary>
public static class DensityEvaluation
{
    /// <summary>Errors of the network over held-out initial states and all steps 1..K.</summary>
    /// <param name="LogDensityRms">RMS error of Δ log ρ.</param>
    /// <param name="LogDensityMax">Largest |error| of Δ log ρ.</param>
    /// <param name="LogDensityRmsAtHorizon">RMS error of Δ log ρ at the last step.</param>
    /// <param name="StateRms">RMS of the Euclidean state error.</param>
    /// <param name="StateMax">Largest Euclidean state error.</param>
    /// <param name="StateRmsAtHorizon">RMS Euclidean state error at the last step.</param>
    /// <param name="Samples">Held-out initial states.</param>
    public sealed record Errors(double LogDensityRms, double LogDensityMax, double LogDensityRmsAtHorizon, double StateRms, double StateMax, double StateRmsAtHorizon, int Samples);

    /// <summary>Evaluates <paramref name="network"/> on <paramref name="samples"/> held-out initial states.</summary>
    /// <param name="network">The network.</param>
    /// <param name="problem">Its problem.</param>
    /// <param name="rng">Randomness for the held-out states.</param>
    /// <param name="samples">Number of held-out states.</param>
    /// <param name="substeps">RK4 sub-steps per plan step of the reference.</param>
    /// <returns>The errors.</returns>
    public static Errors Evaluate(LearnedDensityNetwork network, DensityProblem problem, Rng rng, int samples = 1000, int substeps = 20)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(problem);
        int n = problem.Dynamics.StateSize;
        var reference = new DensitySampleSet(samples, n);
        var box = new UniformBoxInitialDistribution(problem.BoxMin, problem.BoxMax);
        DensitySampling.MonteCarlo(box, rng, reference);
        var x0 = (double[])reference.States.Clone();
        var logRho0 = (double[])reference.LogDensities.Clone();
        var propagator = new LiouvilleDensityPropagator(n);
        var xt = new double[n];
        double dt = problem.Step / substeps;
        double gSum = 0, gMax = 0, gLast = 0, sSum = 0, sMax = 0, sLast = 0;
        for (int k = 1; k <= problem.Steps; k++)
        {
            for (int s = 0; s < substeps; s++)
            {
                propagator.Step(problem.Dynamics, ((k - 1) * problem.Step) + (s * dt), dt, reference);
            }

            double time = k * problem.Step;
            for (int i = 0; i < samples; i++)
            {
                double g = network.Evaluate(x0.AsSpan(i * n, n), time, xt);
                double ge = g - (reference.LogDensities[i] - logRho0[i]);
                double se = 0;
                for (int d = 0; d < n; d++)
                {
                    double e = xt[d] - reference.States[(i * n) + d];
                    se += e * e;
                }

                gSum += ge * ge;
                sSum += se;
                gMax = Math.Max(gMax, Math.Abs(ge));
                sMax = Math.Max(sMax, Math.Sqrt(se));
                if (k == problem.Steps)
                {
                    gLast += ge * ge;
                    sLast += se;
                }
            }
        }

        double total = (double)samples * problem.Steps;
        return new Errors(Math.Sqrt(gSum / total), gMax, Math.Sqrt(gLast / samples), Math.Sqrt(sSum / total), sMax, Math.Sqrt(sLast / samples), samples);
    }
}
