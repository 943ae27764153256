using Robotics.Control.Hybrid;
using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid.Car;
using Robotics.Sim.Plants;

namespace Robotics.Models.Training.Hybrid;

/// <summary>
/// Managed evaluation of a trained <see cref="NeuralModePolicy"/> against the mode's <see cref="ModeLqr"/> on the
/// NONLINEAR car error dynamics (<see cref="CarErrorModel"/>, RK4, 4 sub-steps per 20 ms control period, 8 s horizon),
/// with the same seeded estimation and held-out samples for both.
/// </summary>
/// <remarks>
/// Converged: as <see cref="CarModeRollout"/>: never |e_y| &gt; 3 m or |e_psi| &gt; 1.2 rad, and at the end
/// |e_y| &lt; 0.1 m, |e_psi| &lt; 0.05 rad, |vx - p| &lt; 0.2 m/s. Level line search as <see cref="RoaEstimator"/> step 2:
/// c = the largest accepted V below the smallest V of any rejected estimation sample (no safety factor, no scan).
/// </remarks>
public static class NeuralModeEvaluation
{
    /// <summary>Evaluates both controllers; five rows (lqr/neural x converge/converge+decrease, and the LQR at the <see cref="CarModeLibrary"/> level).</summary>
    /// <param name="policy">The trained policy.</param>
    /// <param name="options">The options it was trained with (mode, speed, box, period, horizon).</param>
    /// <param name="estimationSamples">Samples for the level line search.</param>
    /// <param name="testSamples">Independent held-out samples.</param>
    /// <param name="seed">Sampling seed.</param>
    /// <returns>The rows.</returns>
    public static IReadOnlyList<NeuralModeRoaRow> Evaluate(NeuralModePolicy policy, NeuralModeOptions options, int estimationSamples, int testSamples, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var (lqr, _, _) = NeuralModeTrainer.ModeDesign(options);
        var car = new CarHybridOptions();
        var model = new CarErrorModel(new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = options.Icy ? car.IcyMu : car.DryMu }));
        var rng = new Rng(seed).Fork("hybrid_neural_eval");
        var est = Sample(rng.Fork("estimation"), options, estimationSamples);
        var test = Sample(rng.Fork("test"), options, testSamples);
        var rows = new List<NeuralModeRoaRow>();
        foreach (var (name, compute, lyapunov) in new (string, Action<double[], double[]>, Func<double[], double>)[]
        {
            ("lqr", (x, u) => lqr.Compute(x, u), x => lqr.Lyapunov(x)),
            ("neural", (x, u) => policy.Compute(x, u), x => policy.Lyapunov(x)),
        })
        {
            var estResults = est.Select(x => Rollout(model, options, compute, lyapunov, x)).ToArray();
            var testResults = test.Select(x => Rollout(model, options, compute, lyapunov, x)).ToArray();
            foreach (bool needDecrease in new[] { false, true })
            {
                double bad = double.PositiveInfinity;
                foreach (var r in estResults)
                    if (!(r.Converged && (!needDecrease || r.Decreased))) bad = Math.Min(bad, r.V0);
                double level = 0;
                foreach (var r in estResults)
                    if (r.Converged && (!needDecrease || r.Decreased) && r.V0 < bad) level = Math.Max(level, r.V0);
                rows.Add(Row(name, needDecrease ? "converge+decrease" : "converge", level, testResults, needDecrease));
            }

            if (name == "lqr")
            {
                // Reference: the level the car's own estimator (CarModeLibrary: ellipsoid samples, decrease scan, safety factor 0.6) gives.
                double libraryLevel = new CarModeLibrary().Level(options.Icy, options.SpeedMS);
                rows.Add(Row(name, "CarModeLibrary level", libraryLevel, testResults, true));
            }
        }

        return rows;
    }

    private static NeuralModeRoaRow Row(string name, string criterion, double level, Outcome[] testResults, bool needDecrease)
    {
        int inside = 0, insideConv = 0, insideAcc = 0, conv = 0;
        foreach (var r in testResults)
        {
            if (r.Converged) conv++;
            if (r.V0 > level) continue;
            inside++;
            if (r.Converged) insideConv++;
            if (r.Converged && (!needDecrease || r.Decreased)) insideAcc++;
        }

        return new NeuralModeRoaRow(name, criterion, level, (double)inside / testResults.Length,
            inside == 0 ? double.NaN : (double)insideConv / inside, inside == 0 ? double.NaN : (double)insideAcc / inside, (double)conv / testResults.Length);
    }

    /// <summary>Markdown table of <paramref name="rows"/>.</summary>
    public static string ToMarkdown(IReadOnlyList<NeuralModeRoaRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| controller | criterion | level c | held-out inside {V <= c} | inside that converge | inside accepted | box converging |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            sb.AppendLine(FormattableString.Invariant(
                $"| {r.Controller} | {r.Criterion} | {r.Level:G4} | {r.InsideFraction:P1} | {r.InsideConvergingFraction:P1} | {r.InsideAcceptedFraction:P1} | {r.BoxConvergingFraction:P1} |"));
        }

        return sb.ToString();
    }

    private static double[][] Sample(Rng rng, NeuralModeOptions o, int count)
    {
        var result = new double[count][];
        for (int s = 0; s < count; s++)
        {
            var x = new double[5];
            for (int i = 0; i < 5; i++) x[i] = rng.NextUniform(-o.Box[i], o.Box[i]);
            x[2] += o.SpeedMS;
            result[s] = x;
        }

        return result;
    }

    private readonly record struct Outcome(double V0, bool Converged, bool Decreased);

    private static Outcome Rollout(CarErrorModel model, NeuralModeOptions o, Action<double[], double[]> compute, Func<double[], double> lyapunov, double[] x0)
    {
        var x = (double[])x0.Clone();
        var u = new double[2];
        double[] k1 = new double[5], k2 = new double[5], k3 = new double[5], k4 = new double[5], tmp = new double[5];
        int steps = (int)Math.Round(o.HorizonS / o.ControlPeriodS);
        const int substeps = 4;
        double hStep = o.ControlPeriodS / substeps;
        double v0 = lyapunov(x), v = v0;
        bool decreased = true;
        for (int k = 0; k < steps; k++)
        {
            compute(x, u);
            for (int s = 0; s < substeps; s++)
            {
                model.Derivatives(0, x, u, k1);
                for (int i = 0; i < 5; i++) tmp[i] = x[i] + (0.5 * hStep * k1[i]);
                model.Derivatives(0, tmp, u, k2);
                for (int i = 0; i < 5; i++) tmp[i] = x[i] + (0.5 * hStep * k2[i]);
                model.Derivatives(0, tmp, u, k3);
                for (int i = 0; i < 5; i++) tmp[i] = x[i] + (hStep * k3[i]);
                model.Derivatives(0, tmp, u, k4);
                for (int i = 0; i < 5; i++) x[i] += hStep / 6.0 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
            }

            if (Math.Abs(x[0]) > 3.0 || Math.Abs(x[1]) > 1.2 || !double.IsFinite(x[2]))
                return new Outcome(v0, false, false);
            double next = lyapunov(x);
            if (v > 1e-9 && next >= v) decreased = false;
            v = next;
        }

        bool converged = Math.Abs(x[0]) < 0.1 && Math.Abs(x[1]) < 0.05 && Math.Abs(x[2] - o.SpeedMS) < 0.2;
        return new Outcome(v0, converged, decreased);
    }
}
