using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Sparsification;

/// <summary>
/// Gradual sparsification of a ReLU dynamics MLP (x' = x + f(x, u)) by replacing ReLUs with the identity,
/// with the discrete choice relaxed to a continuous gate trained end-to-end with the weights.
/// </summary>
/// <remarks>
/// <para>Relaxation: every hidden neuron computes z = alpha relu(a) + (1 - alpha) a, alpha = sigmoid(logit) in (0, 1): a
/// leaky ReLU whose negative slope 1 - alpha interpolates between ReLU (alpha = 1) and identity (alpha = 0). We chose
/// replacement by the identity over removal because an identity neuron keeps its linear contribution (at 0 ReLUs the
/// network is still the best affine model, not a truncated one) and costs the MIP nothing: no binary, one
/// equality. The relaxation is differentiable in alpha, so weights and architecture are fitted together.</para>
/// <para>Schedule: dense training; then for each target K in <see cref="SparsificationOptions.ReluTargets"/>: free the
/// gates of the current ReLUs (logit 2, alpha 0.88), train <c>RelaxEpochs</c> with loss = MSE + lambda · mean(alpha_free)
/// (an L1 pressure towards identity, alpha &gt;= 0), keep the K free neurons with the largest alpha as ReLUs and fix the
/// rest to identity (hard threshold), fine-tune <c>FineTuneEpochs</c>, and export. Identity neurons never come back.</para>
/// <para>Export: an <c>mlp</c> artifact with <c>relu</c> activation in which each identity neuron is the exact pair
/// relu(a) - relu(-a) (negated row and bias, negated outgoing column), which the managed evaluator computes as a
/// (bit-exactly: one term is 0 and negation is exact) and the MIP reader (Robotics.Control.Mip) merges back.</para>
/// </remarks>
public static class ReluSparsifier
{
    private static readonly Lock s_torch = new();

    /// <summary>Runs the schedule on <paramref name="data"/>; returns the dense level first, then one level per target.</summary>
    /// <param name="data">Transitions (train, validation and test splits).</param>
    /// <param name="options">Settings.</param>
    /// <param name="namePrefix">Artifact name stem; levels are named <c>{prefix}-relu{K}</c>.</param>
    /// <param name="log">Receives one line per stage.</param>
    public static IReadOnlyList<SparsityLevel> Run(TransitionDataset data, SparsificationOptions options, string namePrefix, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        lock (s_torch)
        {
            torch.set_num_threads(1);
            torch.manual_seed((long)(options.Seed % long.MaxValue));
            int n = data.States.Count, m = data.Inputs.Count;
            var train = Samples.FromTrajectories(data.Train, null);
            var norm = train.Normalization();
            using var x = train.NormalizedInputs(norm);
            using var y = train.NormalizedTargets(norm);
            var rng = new Rng(options.Seed).Fork("sparsify");
            using var net = new GatedReluMlp(n + m, options.HiddenSizes, n);
            var relu = options.HiddenSizes.Select(w => Enumerable.Repeat(true, w).ToArray()).ToArray();
            net.FixAll(relu);
            var levels = new List<SparsityLevel>();
            using var optimizer = optim.Adam(net.parameters(), options.LearningRate);

            Fit(net, optimizer, x, y, train.Count, options.DenseEpochs, 0, options, rng);
            levels.Add(Level(net, relu, data, norm, options, namePrefix, log));

            foreach (int target in options.ReluTargets)
            {
                int current = relu.Sum(r => r.Count(v => v));
                if (target >= current) continue;
                net.FreeRelus(relu, 2f);
                Fit(net, optimizer, x, y, train.Count, options.RelaxEpochs, options.GatePenalty, options, rng);

                // Hard threshold: keep the K free neurons with the largest alpha.
                var ranked = new List<(float Alpha, int Layer, int Neuron)>();
                using (torch.no_grad())
                {
                    for (int l = 0; l < relu.Length; l++)
                    {
                        var alpha = net.Alpha(l).data<float>().ToArray();
                        for (int j = 0; j < alpha.Length; j++) if (relu[l][j]) ranked.Add((alpha[j], l, j));
                    }
                }

                ranked.Sort((a, b) => b.Alpha != a.Alpha ? b.Alpha.CompareTo(a.Alpha) : (a.Layer, a.Neuron).CompareTo((b.Layer, b.Neuron)));
                for (int i = target; i < ranked.Count; i++) relu[ranked[i].Layer][ranked[i].Neuron] = false;
                net.FixAll(relu);
                Fit(net, optimizer, x, y, train.Count, options.FineTuneEpochs, 0, options, rng);
                levels.Add(Level(net, relu, data, norm, options, namePrefix, log));
            }

            return levels;
        }
    }

    private static void Fit(GatedReluMlp net, optim.Optimizer optimizer, Tensor x, Tensor y, int count, int epochs, double penalty, SparsificationOptions options, Rng rng)
    {
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            net.train();
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = rng.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            for (int start = 0; start < count; start += options.BatchSize)
            {
                using var scope = torch.NewDisposeScope();
                using var idx = torch.tensor(order.AsSpan(start, Math.Min(options.BatchSize, count - start)).ToArray(), ScalarType.Int64);
                optimizer.zero_grad();
                var loss = nn.functional.mse_loss(net.forward(x.index_select(0, idx)), y.index_select(0, idx));
                if (penalty > 0) loss = loss + penalty * net.FreeGateMean();
                loss.backward();
                optimizer.step();
            }
        }

        net.eval();
    }

    private static SparsityLevel Level(GatedReluMlp net, bool[][] relu, TransitionDataset data, NormalizationInfo norm, SparsificationOptions options, string prefix, Action<string>? log)
    {
        int reluCount = relu.Sum(r => r.Count(v => v));
        int identityCount = relu.Sum(r => r.Count(v => !v));
        var artifact = Export(net, relu, data, norm, options, $"{prefix}-relu{reluCount}");
        var model = ModelLoader.Create(artifact);
        var test = ModelEvaluator.Evaluate(model, data.Test, options.HorizonSteps);
        var validation = ModelEvaluator.Evaluate(model, data.Validation, options.HorizonSteps);
        var final = ModelArtifactWriter.Build(artifact.Metadata with { Validation = validation }, Tensors(net, relu));
        log?.Invoke($"relu {reluCount,3} identity {identityCount,3}: test one-step RMSE [{string.Join(", ", test.OneStepRmse.Select(v => v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}], " +
                    $"{options.HorizonSteps}-step [{string.Join(", ", test.OpenLoopRmse.Select(v => v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}]");
        return new SparsityLevel(reluCount, identityCount, final, test);
    }

    private static ModelArtifact Export(GatedReluMlp net, bool[][] relu, TransitionDataset data, NormalizationInfo norm, SparsificationOptions options, string name)
    {
        var tensors = Tensors(net, relu);
        var hidden = relu.Select(r => r.Sum(v => v ? 1 : 2)).ToArray();
        var metadata = new ModelMetadata
        {
            Name = name,
            Family = ModelFamily.Mlp,
            DtS = data.TimeStep,
            State = data.States,
            Inputs = data.Inputs,
            Normalization = norm,
            Architecture = new ArchitectureInfo(hidden, "relu"),
            Provenance = new ProvenanceInfo(options.Seed, data.Hash, data.Description,
                $"sparsification: hidden [{string.Join(", ", options.HiddenSizes)}], targets [{string.Join(", ", options.ReluTargets)}], dense {options.DenseEpochs} / relax {options.RelaxEpochs} / fine-tune {options.FineTuneEpochs} epochs, " +
                $"gate penalty {options.GatePenalty}, lr {options.LearningRate}, batch {options.BatchSize}; identity neurons stored as relu(a) - relu(-a) pairs ({reluCountText(relu)})",
                ModelTrainer.TrainerDescription + ", gated-ReLU sparsification", "Robotics.Models.Training.Sparsification.ReluSparsifier"),
        };
        return ModelArtifactWriter.Build(metadata, tensors);

        static string reluCountText(bool[][] r) => $"{r.Sum(l => l.Count(v => v))} relu, {r.Sum(l => l.Count(v => !v))} identity";
    }

    // Layer weights with identity neurons expanded into exact pairs: rows [W_j; -W_j], outgoing columns [V_j, -V_j].
    private static List<NamedTensor> Tensors(GatedReluMlp net, bool[][] relu)
    {
        int layersCount = relu.Length + 1;
        var tensors = new List<NamedTensor>();
        for (int l = 0; l < layersCount; l++)
        {
            var linear = net.Layer(l);
            using var wt = linear.weight!.detach().contiguous();
            using var bt = linear.bias!.detach().contiguous();
            var w = wt.data<float>().ToArray();
            var b = bt.data<float>().ToArray();
            int outputs = b.Length, inputs = w.Length / outputs;

            // Expand columns by the previous layer's identity neurons.
            int[] columnSources;
            float[] columnSigns;
            if (l == 0)
            {
                columnSources = Enumerable.Range(0, inputs).ToArray();
                columnSigns = Enumerable.Repeat(1f, inputs).ToArray();
            }
            else
            {
                var src = new List<int>();
                var sign = new List<float>();
                for (int j = 0; j < inputs; j++)
                {
                    src.Add(j);
                    sign.Add(1f);
                    if (!relu[l - 1][j]) { src.Add(j); sign.Add(-1f); }
                }

                columnSources = [.. src];
                columnSigns = [.. sign];
            }

            // Expand rows by this layer's identity neurons (output layer: none).
            var rows = new List<(int Source, float Sign)>();
            for (int j = 0; j < outputs; j++)
            {
                rows.Add((j, 1f));
                if (l < relu.Length && !relu[l][j]) rows.Add((j, -1f));
            }

            int newIn = columnSources.Length, newOut = rows.Count;
            var nw = new float[newOut * newIn];
            var nb = new float[newOut];
            for (int r = 0; r < newOut; r++)
            {
                var (source, rowSign) = rows[r];
                nb[r] = rowSign * b[source];
                for (int c = 0; c < newIn; c++) nw[r * newIn + c] = rowSign * columnSigns[c] * w[source * inputs + columnSources[c]];
            }

            tensors.Add(new NamedTensor($"{2 * l}.weight", [newOut, newIn], nw));
            tensors.Add(new NamedTensor($"{2 * l}.bias", [newOut], nb));
        }

        return tensors;
    }
}
