using Robotics.Control.Risk;
using Robotics.Core.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Density;

/// <summary>
/// Trains the reachable-density network g(x0, t) -> (x_t, Δ log ρ) of the prior work (Meng and Fan, CoRL 2021,
/// <c>mengyuest/nn_reachable_density:train_nn.py</c>) with TorchSharp, in float64, and exports it to the managed
/// <see cref="LearnedDensityNetwork"/>.
/// </summary>
/// <remarks>
/// <para>Data: trajectories of the closed loop from initial states uniform over the problem's box, simulated with RK4
/// (<see cref="DensityTrainingOptions.Substeps"/> per point), recording x_k and the analytic divergence ∇·f(x_k) on the grid
/// t_k = k h, h = step / points-per-step.</para>
/// <para>Loss = β · mean r² + w · mean ‖(x̂_k - x_k) / s_x‖², with the Liouville residual along each trajectory
/// <c>r_k = (ĝ_{k+1} - ĝ_k) / h + (∇·f(x_k) + ∇·f(x_{k+1})) / 2</c> (trapezoidal form of d log ρ / dt + ∇·f = 0).
/// The prior work penalises g(x0, 0)² and uses <c>exp(g_{k+1} - g_k) + ∇·f Δt - 1</c>; here the network's output form
/// (see <see cref="LearnedDensityNetwork"/>) makes g(x0, 0) = 0 exact, and the residual is the log-space
/// trapezoid, which is exact for a constant divergence (the linear case).</para>
/// </remarks>
public static class LiouvilleDensityTrainer
{
    /// <summary>Result of a training run.</summary>
    /// <param name="Network">The exported managed network.</param>
    /// <param name="LiouvilleLoss">Mean squared Liouville residual over all training trajectories after training, 1/s².</param>
    /// <param name="StateLoss">Mean squared normalised state error over all training trajectories after training.</param>
    /// <param name="MaxExportDifference">Largest |managed - TorchSharp| over the outputs (x_t and Δ log ρ) at 256 held-out points.</param>
    public sealed record Result(LearnedDensityNetwork Network, double LiouvilleLoss, double StateLoss, double MaxExportDifference);

    /// <summary>Simulated training data.</summary>
    /// <param name="InitialStates">x0, [count x n].</param>
    /// <param name="States">x_k, [count x (K + 1) x n].</param>
    /// <param name="Divergences">∇·f(x_k), [count x (K + 1)].</param>
    /// <param name="Count">Number of trajectories.</param>
    /// <param name="Points">K + 1.</param>
    /// <param name="Interval">h, seconds.</param>
    public sealed record TrajectoryData(double[] InitialStates, double[] States, double[] Divergences, int Count, int Points, double Interval);

    /// <summary>Trains a network for <paramref name="problem"/>.</summary>
    /// <param name="problem">The closed loop, the initial box and the horizon.</param>
    /// <param name="options">Settings (validated).</param>
    /// <param name="progress">Progress lines (every 10 % of the steps).</param>
    /// <returns>The network and its losses.</returns>
    public static Result Train(DensityProblem problem, DensityTrainingOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        options.Validate();
        int n = problem.Dynamics.StateSize;
        torch.set_num_threads(1);
        torch.manual_seed((long)(options.Seed % long.MaxValue));
        var rng = new Rng(options.Seed).Fork("liouville_density").Fork(problem.Name);
        var data = Simulate(problem, rng.Fork("trajectories"), options.Trajectories, options.PointsPerStep, options.Substeps);
        int points = data.Points;
        double h = data.Interval;

        var mean = new double[n];
        var scale = new double[n];
        for (int i = 0; i < n; i++)
        {
            mean[i] = 0.5 * (problem.BoxMin[i] + problem.BoxMax[i]);
            scale[i] = 0.5 * (problem.BoxMax[i] - problem.BoxMin[i]);
        }

        // Output scales: RMS displacement at the horizon per state, and RMS of the integrated divergence.
        var outputScale = new double[n];
        double gSquares = 0;
        for (int j = 0; j < data.Count; j++)
        {
            int last = (j * points) + points - 1;
            for (int i = 0; i < n; i++)
            {
                double d = data.States[(last * n) + i] - data.InitialStates[(j * n) + i];
                outputScale[i] += d * d;
            }

            double integral = 0;
            for (int k = 0; k + 1 < points; k++)
            {
                integral += 0.5 * h * (data.Divergences[(j * points) + k] + data.Divergences[(j * points) + k + 1]);
            }

            gSquares += integral * integral;
        }

        for (int i = 0; i < n; i++)
        {
            outputScale[i] = Math.Max(Math.Sqrt(outputScale[i] / data.Count), 1e-3);
        }

        double logDensityScale = Math.Max(Math.Sqrt(gSquares / data.Count), 1e-2);

        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        int fanIn = n + 1, index = 0;
        foreach (int width in options.Hidden)
        {
            modules.Add(((index++).ToString(System.Globalization.CultureInfo.InvariantCulture), nn.Linear(fanIn, width, dtype: ScalarType.Float64)));
            modules.Add(((index++).ToString(System.Globalization.CultureInfo.InvariantCulture), nn.Tanh()));
            fanIn = width;
        }

        modules.Add((index.ToString(System.Globalization.CultureInfo.InvariantCulture), nn.Linear(fanIn, n + 1, dtype: ScalarType.Float64)));
        using var net = nn.Sequential(modules);
        using var optimizer = optim.Adam(net.parameters(), options.LearningRate);
        var scheduler = optim.lr_scheduler.ExponentialLR(optimizer, Math.Pow(0.05, 1.0 / options.Epochs));
        var tau = new double[points];
        for (int k = 0; k < points; k++)
        {
            tau[k] = k * h / problem.Horizon;
        }

        using var meanT = tensor(mean, ScalarType.Float64);
        using var scaleT = tensor(scale, ScalarType.Float64);
        using var sxT = tensor(outputScale, ScalarType.Float64);
        using var tauT = tensor(tau, ScalarType.Float64);
        using var betaT = tensor(options.LiouvilleWeight, ScalarType.Float64);
        using var weightT = tensor(options.StateWeight, ScalarType.Float64);
        var batchRng = rng.Fork("batches");
        int batch = options.BatchSize;
        var x0b = new double[batch * n];
        var xb = new double[batch * points * n];
        var divb = new double[batch * points];
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            using var scope = torch.NewDisposeScope();
            for (int b = 0; b < batch; b++)
            {
                int j = (int)(batchRng.NextDouble() * data.Count) % data.Count;
                Array.Copy(data.InitialStates, j * n, x0b, b * n, n);
                Array.Copy(data.States, j * points * n, xb, b * points * n, points * n);
                Array.Copy(data.Divergences, j * points, divb, b * points, points);
            }

            var (liouville, state) = Losses(net, tensor(x0b, ScalarType.Float64).reshape(batch, n), tensor(xb, ScalarType.Float64).reshape(batch, points, n),
                tensor(divb, ScalarType.Float64).reshape(batch, points), meanT, scaleT, sxT, tauT, logDensityScale, h);
            var loss = liouville.mul(betaT).add(state.mul(weightT), One);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            scheduler.step();
            if (epoch % Math.Max(1, options.Epochs / 10) == 0 || epoch == options.Epochs)
            {
                progress.WriteLine(FormattableString.Invariant(
                    $"train-density {problem.Name}: step {epoch}/{options.Epochs} liouville {liouville.item<double>():E3} state {state.item<double>():E3}"));
            }
        }

        // Export, then the losses over all training trajectories, then the export check.
        var weights = new List<double[]>();
        var biases = new List<double[]>();
        foreach (var (_, module) in net.named_children())
        {
            if (module is TorchSharp.Modules.Linear linear)
            {
                using var w = linear.weight!.detach().contiguous();
                using var bias = linear.bias!.detach().contiguous();
                weights.Add(w.data<double>().ToArray());
                biases.Add(bias.data<double>().ToArray());
            }
        }

        var network = new LearnedDensityNetwork(problem.Name, problem.Horizon, mean, scale, outputScale, logDensityScale, [.. weights], [.. biases]);
        double finalLiouville, finalState;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            var (liouville, state) = Losses(net, tensor(data.InitialStates, ScalarType.Float64).reshape(data.Count, n),
                tensor(data.States, ScalarType.Float64).reshape(data.Count, points, n), tensor(data.Divergences, ScalarType.Float64).reshape(data.Count, points),
                meanT, scaleT, sxT, tauT, logDensityScale, h);
            finalLiouville = liouville.item<double>();
            finalState = state.item<double>();
        }

        double exportDifference = ExportDifference(net, network, problem, rng.Fork("export_check"));
        progress.WriteLine(FormattableString.Invariant(
            $"train-density {problem.Name}: final liouville {finalLiouville:E3} 1/s^2, state {finalState:E3} over {data.Count} trajectories; max |managed - torch| {exportDifference:E2}"));
        return new Result(network, finalLiouville, finalState, exportDifference);
    }

    /// <summary>
    /// Simulates <paramref name="count"/> trajectories from initial states uniform over the problem's box, with RK4.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="rng">Randomness for the initial states.</param>
    /// <param name="count">Number of trajectories.</param>
    /// <param name="pointsPerStep">Grid points per plan step.</param>
    /// <param name="substeps">RK4 sub-steps per grid interval.</param>
    /// <returns>The trajectories.</returns>
    public static TrajectoryData Simulate(DensityProblem problem, Rng rng, int count, int pointsPerStep, int substeps)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(rng);
        var f = problem.Dynamics;
        int n = f.StateSize;
        int points = (problem.Steps * pointsPerStep) + 1;
        double h = problem.Step / pointsPerStep;
        double dt = h / substeps;
        var x0 = new double[count * n];
        var states = new double[count * points * n];
        var divergences = new double[count * points];
        var x = new double[n];
        var k1 = new double[n];
        var k2 = new double[n];
        var k3 = new double[n];
        var k4 = new double[n];
        var tmp = new double[n];
        for (int j = 0; j < count; j++)
        {
            for (int i = 0; i < n; i++)
            {
                x[i] = problem.BoxMin[i] + ((problem.BoxMax[i] - problem.BoxMin[i]) * rng.NextDouble());
                x0[(j * n) + i] = x[i];
            }

            for (int k = 0; k < points; k++)
            {
                double t = k * h;
                x.CopyTo(states, ((j * points) + k) * n);
                divergences[(j * points) + k] = f.Divergence(t, x);
                if (k + 1 == points)
                {
                    break;
                }

                for (int s = 0; s < substeps; s++)
                {
                    double ts = t + (s * dt);
                    f.Derivatives(ts, x, k1);
                    for (int i = 0; i < n; i++) tmp[i] = x[i] + (0.5 * dt * k1[i]);
                    f.Derivatives(ts + (0.5 * dt), tmp, k2);
                    for (int i = 0; i < n; i++) tmp[i] = x[i] + (0.5 * dt * k2[i]);
                    f.Derivatives(ts + (0.5 * dt), tmp, k3);
                    for (int i = 0; i < n; i++) tmp[i] = x[i] + (dt * k3[i]);
                    f.Derivatives(ts + dt, tmp, k4);
                    for (int i = 0; i < n; i++) x[i] += dt / 6 * (k1[i] + (2 * k2[i]) + (2 * k3[i]) + k4[i]);
                }
            }
        }

        return new TrajectoryData(x0, states, divergences, count, points, h);
    }

    // TorchSharp 0.107 passes implicit Scalars (operator alpha = 1, double operands) to native code without keeping them
    // alive, and a Release-mode GC can finalise one mid-call (seen as libtorch "Scalar.h" asserts in long runs). The loss
    // therefore uses tensor-tensor operations only, with one Scalar kept alive for alpha.
    private static readonly Scalar One = 1.0.ToScalar();
    private static readonly Scalar MinusOne = (-1.0).ToScalar();

    private static (Tensor Liouville, Tensor State) Losses(nn.Module<Tensor, Tensor> net, Tensor x0, Tensor x, Tensor div,
        Tensor mean, Tensor scale, Tensor outputScale, Tensor tau, double logDensityScale, double h)
    {
        long batch = x0.shape[0], n = x0.shape[1], points = tau.shape[0];
        using var gScale = tensor(logDensityScale, ScalarType.Float64);
        using var inverseH = tensor(1.0 / h, ScalarType.Float64);
        using var half = tensor(0.5, ScalarType.Float64);
        var z0 = x0.add(mean, MinusOne).div(scale).unsqueeze(1).expand(batch, points, n);
        var zt = tau.view(1, points, 1).expand(batch, points, 1);
        var o = net.forward(torch.cat([z0, zt], 2).reshape(batch * points, n + 1)).reshape(batch, points, n + 1);
        var xHat = x0.unsqueeze(1).add(tau.view(1, points, 1).mul(outputScale.view(1, 1, n)).mul(o.narrow(2, 0, n)), One);
        var g = tau.view(1, points).mul(gScale).mul(o.select(2, n));
        var state = xHat.add(x, MinusOne).div(outputScale.view(1, 1, n)).square().mean();
        var slope = g.narrow(1, 1, points - 1).add(g.narrow(1, 0, points - 1), MinusOne).mul(inverseH);
        var meanDivergence = div.narrow(1, 1, points - 1).add(div.narrow(1, 0, points - 1), One).mul(half);
        GC.KeepAlive(One);
        GC.KeepAlive(MinusOne);
        return (slope.add(meanDivergence, One).square().mean(), state);
    }

    private static double ExportDifference(nn.Module<Tensor, Tensor> net, LearnedDensityNetwork network, DensityProblem problem, Rng rng)
    {
        int n = network.StateSize;
        var x0 = new double[n];
        var xt = new double[n];
        double worst = 0;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (int s = 0; s < 256; s++)
        {
            for (int i = 0; i < n; i++) x0[i] = problem.BoxMin[i] + ((problem.BoxMax[i] - problem.BoxMin[i]) * rng.NextDouble());
            double t = rng.NextDouble() * problem.Horizon;
            double g = network.Evaluate(x0, t, xt);
            var (mean, scale, outputScale, _, _) = network.Parameters();
            var z = new double[n + 1];
            for (int i = 0; i < n; i++) z[i] = (x0[i] - mean[i]) / scale[i];
            z[n] = t / network.Horizon;
            var o = net.forward(tensor(z, ScalarType.Float64).reshape(1, n + 1)).data<double>().ToArray();
            double tauValue = t / network.Horizon;
            for (int i = 0; i < n; i++) worst = Math.Max(worst, Math.Abs(x0[i] + (tauValue * outputScale[i] * o[i]) - xt[i]));
            worst = Math.Max(worst, Math.Abs((tauValue * network.LogDensityScale * o[n]) - g));
        }

        return worst;
    }
}
