using System.Globalization;
using Robotics.Control.Hybrid;
using Robotics.Control.Lqr;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid.Car;
using Robotics.Sim.Plants;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Hybrid;

/// <summary>
/// The paper's learned per-mode variant (Meng and Fan, L4DC 2023, <c>mengyuest/nn_roa_planner</c>) for one friction
/// mode of the car: controller u = (1 - rho)(-K e) + rho NN(e) and neural Lyapunov function
/// V(e) = ||phi(z) - phi(0)||^2 + eps ||z||^2, trained jointly with TorchSharp (float64, seeded).
/// </summary>
/// <remarks>
/// <para>Dynamics (differentiable, torch ops): the mode's <see cref="CarErrorModel"/> linearised at straight driving
/// at speed p and discretised by zero-order hold at the control period (the same (A_d, B_d) the mode's
/// <see cref="ModeLqr"/> is designed on), with the input saturation |u_i| &lt;= u_max,i kept (clamp), so
/// e' = A_d e + B_d clamp(u(e)). K is the mode LQR gain.</para>
/// <para>Losses over the sampled training states (paper, <c>car_clf_train.py</c>):
/// classification L_cls = mean_conv relu(V(e) - 1) + mean_div relu(1 - V(e)), labels from closed-loop rollouts of the
/// current controller in the same model (converged: stayed on the road |e_y| &lt;= 3 m, |e_psi| &lt;= 1.2 rad, and
/// ended with |e_y| &lt; 0.1 m, |e_psi| &lt; 0.05 rad, |e_v| &lt; 0.2 m/s), re-labelled every
/// <see cref="NeuralModeOptions.RelabelEvery"/> steps; decrease L_dec = mean_conv relu(V(e') - (1 - alpha_v) V(e) + margin),
/// which trains both V and the controller residual. Loss = L_cls + L_dec, RMSprop; the residual starts at zero and is
/// trained in the second half only (lr / 10); the iterate with the most converging training states is exported.</para>
/// <para>Not done here (see docs/hybrid.md, "Neural variant"): the nonlinear tyre model in torch, the monotonicity
/// term, the "graduate growing" of the sampled region and the conditioning on p.</para>
/// </remarks>
public static class NeuralModeTrainer
{
    // Implicit Scalars passed to native code can be finalised mid-call in long Release runs (libtorch asserts); keep the
    // few needed alive in static fields and use tensor-tensor operations elsewhere.
    private static readonly Scalar One = 1.0.ToScalar();
    private static readonly Scalar MinusOne = (-1.0).ToScalar();

    /// <summary>The mode LQR the neural controller starts from (same design as <c>CarModeLibrary.Lqr</c>).</summary>
    /// <param name="options">Mode and speed.</param>
    /// <returns>The LQR and the discrete (A_d, B_d) of the error dynamics.</returns>
    public static (ModeLqr Lqr, Matrix Ad, Matrix Bd) ModeDesign(NeuralModeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var car = new CarHybridOptions();
        var model = new CarErrorModel(new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = options.Icy ? car.IcyMu : car.DryMu }));
        double maxSteer = new SingleTrackCarParameters().MaxSteeringAngleRad;
        double maxAccel = (options.Icy ? car.IcyMu : car.DryMu) * 9.81;
        double[] xStar = [0, 0, options.SpeedMS, 0, 0];
        var lqr = ModeLqr.FromSystem(options.SpeedMS, model, xStar, [0, 0],
            Matrix.Diagonal(options.Icy ? car.IcyStateWeights : car.DryStateWeights), Matrix.Diagonal(options.Icy ? car.IcyInputWeights : car.DryInputWeights),
            [-maxAccel, -maxSteer], [maxAccel, maxSteer], discreteTimeStep: options.ControlPeriodS);
        var (a, b) = Linearization.Jacobians(model, xStar, [0.0, 0.0]);
        var (ad, bd) = Discretization.ZeroOrderHold(a, b, options.ControlPeriodS);
        return (lqr, ad, bd);
    }

    /// <summary>Trains the controller residual and the Lyapunov network for one mode.</summary>
    /// <param name="options">Settings (validated).</param>
    /// <param name="progress">Progress lines (about ten per run).</param>
    /// <returns>Losses before/after and the exported policy.</returns>
    public static NeuralModeResult Train(NeuralModeOptions options, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        options.Validate();
        torch.set_num_threads(1);
        torch.manual_seed((long)(options.Seed % long.MaxValue));
        var (lqr, ad, bd) = ModeDesign(options);
        double maxSteer = new SingleTrackCarParameters().MaxSteeringAngleRad;
        double[] uMax = [(options.Icy ? new CarHybridOptions().IcyMu : new CarHybridOptions().DryMu) * 9.81, maxSteer];
        int h = options.Hidden;
        var rng = new Rng(options.Seed).Fork("hybrid_neural_mode");
        int count = options.Samples;
        var samples = new double[count * 5];
        for (int s = 0; s < count; s++)
            for (int i = 0; i < 5; i++) samples[(s * 5) + i] = rng.NextUniform(-options.Box[i], options.Box[i]);

        using var phi = nn.Sequential(("0", nn.Linear(5, h, dtype: ScalarType.Float64)), ("1", nn.Tanh()), ("2", nn.Linear(h, h, dtype: ScalarType.Float64)), ("3", nn.Tanh()));
        using var pi = nn.Sequential(("0", nn.Linear(5, h, dtype: ScalarType.Float64)), ("1", nn.Tanh()), ("2", nn.Linear(h, 2, dtype: ScalarType.Float64)));
        var parameters = phi.parameters().Concat(pi.parameters()).ToList();
        // The residual starts at zero (last layer zeroed), so training starts from u = (1 - rho)(-K e); V is trained alone
        // for the first half of the steps, then the residual joins with a tenth of the learning rate (a controller that
        // follows an untrained V only got worse in the first runs).
        using (torch.no_grad())
        {
            foreach (var (_, child) in pi.named_children())
            {
                if (child is TorchSharp.Modules.Linear last && last.weight!.shape[0] == 2)
                {
                    last.weight!.zero_();
                    last.bias!.zero_();
                }
            }
        }

        using var optimizerV = optim.RMSProp(phi.parameters(), options.LearningRate);
        using var optimizerPi = optim.RMSProp(pi.parameters(), options.LearningRate * 0.1);

        var t = new Tensors(options, ad, bd, lqr.Gain, uMax);
        using var e0 = tensor(samples, ScalarType.Float64).reshape(count, 5);
        int steps = (int)Math.Round(options.HorizonS / options.ControlPeriodS);

        Tensor labels = Label(phi, pi, t, e0, steps);
        using var firstLabels = labels.clone();
        double initialFraction = labels.mean().item<double>();
        double initialDecrease, initialCls;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            var (dec, cls) = Losses(phi, pi, t, e0, labels);
            initialDecrease = dec.item<double>();
            initialCls = cls.item<double>();
        }

        var best = new List<Tensor>();
        double bestFraction = initialFraction;
        Snapshot(parameters, best);
        progress.WriteLine(FormattableString.Invariant(
            $"train-hybrid-neural {(options.Icy ? "icy" : "dry")} v={options.SpeedMS}: start decrease {initialDecrease:E3} classification {initialCls:E3} converging {initialFraction:P1}"));
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                var (dec, cls) = Losses(phi, pi, t, e0, labels);
                var loss = dec.add(cls, One);
                optimizerV.zero_grad();
                optimizerPi.zero_grad();
                loss.backward();
                optimizerV.step();
                if (2 * epoch > options.Epochs)
                    optimizerPi.step();
                if (epoch % Math.Max(1, options.Epochs / 10) == 0 || epoch == options.Epochs)
                {
                    progress.WriteLine(FormattableString.Invariant(
                        $"train-hybrid-neural: step {epoch}/{options.Epochs} decrease {dec.item<double>():E3} classification {cls.item<double>():E3} converging {labels.mean().item<double>():P1}"));
                }
            }

            if (epoch % options.RelabelEvery == 0 || epoch == options.Epochs)
            {
                labels.Dispose();
                labels = Label(phi, pi, t, e0, steps);
                double fraction = labels.mean().item<double>();
                if (fraction >= bestFraction)
                {
                    bestFraction = fraction;
                    Snapshot(parameters, best);
                }
            }
        }

        // Model selection: keep the iterate whose controller converged from the most training states.
        Restore(parameters, best);
        foreach (var b in best) b.Dispose();
        labels.Dispose();
        labels = Label(phi, pi, t, e0, steps);
        double finalFraction = labels.mean().item<double>();
        double finalDecrease, finalCls;
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            finalDecrease = Losses(phi, pi, t, e0, firstLabels).Decrease.item<double>();
            finalCls = Losses(phi, pi, t, e0, labels).Classification.item<double>();
        }

        labels.Dispose();
        progress.WriteLine(FormattableString.Invariant(
            $"train-hybrid-neural: final decrease {finalDecrease:E3} (on the first labels; start {initialDecrease:E3}) classification {finalCls:E3} converging {finalFraction:P1}"));
        var weights = new List<double[]>();
        foreach (var module in new[] { phi, (nn.Module<Tensor, Tensor>)pi })
        {
            foreach (var (_, child) in module.named_children())
            {
                if (child is TorchSharp.Modules.Linear linear)
                {
                    using var w = linear.weight!.detach().contiguous();
                    using var b = linear.bias!.detach().contiguous();
                    weights.Add(w.data<double>().ToArray());
                    weights.Add(b.data<double>().ToArray());
                }
            }
        }

        t.Dispose();
        var policy = new NeuralModePolicy([.. lqr.OperatingState], lqr.Gain.Data.ToArray(), uMax, (double[])options.Box.Clone(),
            options.Rho, options.Epsilon, h, [.. weights]);
        return new NeuralModeResult(policy, initialDecrease, finalDecrease, initialCls, finalCls, initialFraction, finalFraction);
    }

    private static void Snapshot(List<TorchSharp.Modules.Parameter> parameters, List<Tensor> store)
    {
        foreach (var b in store) b.Dispose();
        store.Clear();
        foreach (var p in parameters) store.Add(p.detach().clone());
    }

    private static void Restore(List<TorchSharp.Modules.Parameter> parameters, List<Tensor> store)
    {
        using var noGrad = torch.no_grad();
        for (int i = 0; i < parameters.Count; i++) parameters[i].copy_(store[i]);
    }

    private sealed class Tensors : IDisposable
    {
        public Tensors(NeuralModeOptions o, Matrix ad, Matrix bd, Matrix k, double[] uMax)
        {
            AdT = tensor(ad.Transpose().Data.ToArray(), ScalarType.Float64).reshape(5, 5);
            BdT = tensor(bd.Transpose().Data.ToArray(), ScalarType.Float64).reshape(2, 5);
            KT = tensor(k.Transpose().Data.ToArray(), ScalarType.Float64).reshape(5, 2);
            UMax = tensor(uMax, ScalarType.Float64).reshape(1, 2);
            UMin = UMax.neg();
            Box = tensor(o.Box, ScalarType.Float64).reshape(1, 5);
            Zero = zeros(1, 5, ScalarType.Float64);
            Rho = tensor(o.Rho, ScalarType.Float64);
            OneMinusRho = tensor(1 - o.Rho, ScalarType.Float64);
            Eps = tensor(o.Epsilon, ScalarType.Float64);
            Keep = tensor(1 - o.DecreaseRate, ScalarType.Float64);
            Margin = tensor(o.Margin, ScalarType.Float64);
            OneT = tensor(1.0, ScalarType.Float64);
            Limits = tensor(new double[] { 3.0, 1.2 }, ScalarType.Float64).reshape(1, 2);
            Final = tensor(new double[] { 0.1, 0.05, 0.2 }, ScalarType.Float64).reshape(1, 3);
        }

        public Tensor AdT { get; }
        public Tensor BdT { get; }
        public Tensor KT { get; }
        public Tensor UMax { get; }
        public Tensor UMin { get; }
        public Tensor Box { get; }
        public Tensor Zero { get; }
        public Tensor Rho { get; }
        public Tensor OneMinusRho { get; }
        public Tensor Eps { get; }
        public Tensor Keep { get; }
        public Tensor Margin { get; }
        public Tensor OneT { get; }
        public Tensor Limits { get; }
        public Tensor Final { get; }

        public void Dispose()
        {
            foreach (var x in new[] { AdT, BdT, KT, UMax, UMin, Box, Zero, Rho, OneMinusRho, Eps, Keep, Margin, OneT, Limits, Final })
                x.Dispose();
        }
    }

    private static Tensor V(nn.Module<Tensor, Tensor> phi, Tensors t, Tensor e)
    {
        var z = e.div(t.Box);
        var d = phi.forward(z).add(phi.forward(t.Zero), MinusOne);
        return d.square().sum(1).add(z.square().sum(1).mul(t.Eps), One);
    }

    private static Tensor Step(nn.Module<Tensor, Tensor> pi, Tensors t, Tensor e)
    {
        var z = e.div(t.Box);
        var residual = pi.forward(z).tanh().add(pi.forward(t.Zero).tanh(), MinusOne).mul(t.UMax);
        var u = e.matmul(t.KT).neg().mul(t.OneMinusRho).add(residual.mul(t.Rho), One);
        u = u.maximum(t.UMin).minimum(t.UMax);
        return e.matmul(t.AdT).add(u.matmul(t.BdT), One);
    }

    private static (Tensor Decrease, Tensor Classification) Losses(nn.Module<Tensor, Tensor> phi, nn.Module<Tensor, Tensor> pi, Tensors t, Tensor e, Tensor labels)
    {
        var v = V(phi, t, e);
        var vNext = V(phi, t, Step(pi, t, e));
        var conv = labels;
        var div = t.OneT.add(labels, MinusOne);
        var convCount = conv.sum().clamp_min(One);
        var divCount = div.sum().clamp_min(One);
        var dec = vNext.add(v.mul(t.Keep), MinusOne).add(t.Margin, One).relu().mul(conv).sum().div(convCount);
        var cls = v.add(t.OneT, MinusOne).relu().mul(conv).sum().div(convCount)
            .add(t.OneT.add(v, MinusOne).relu().mul(div).sum().div(divCount), One);
        GC.KeepAlive(One);
        GC.KeepAlive(MinusOne);
        return (dec, cls);
    }

    private static Tensor Label(nn.Module<Tensor, Tensor> phi, nn.Module<Tensor, Tensor> pi, Tensors t, Tensor e0, int steps)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var e = e0.clone();
        var alive = ones(e0.shape[0], ScalarType.Bool);
        for (int k = 0; k < steps; k++)
        {
            e = Step(pi, t, e);
            alive = alive.logical_and(e.narrow(1, 0, 2).abs().le(t.Limits).all(1));
        }

        var inside = e.narrow(1, 0, 3).abs().lt(t.Final).all(1);
        var finite = e.isfinite().all(1);
        GC.KeepAlive(phi);
        return alive.logical_and(inside).logical_and(finite).to_type(ScalarType.Float64).MoveToOuterDisposeScope();
    }
}
