using Robotics.Core.Numerics;
using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Configuration;
using Robotics.Models.Training.Data;
using Robotics.Models.Training.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Training;

/// <summary>
/// Fits a model family to a dataset with TorchSharp (Adam on mean-squared error in normalised units, optional
/// multi-step rollout loss, a learning-rate schedule, early stopping on the validation loss keeping the best
/// weights) and returns it as an artifact whose validation and test errors were measured with the managed
/// evaluator, i.e. exactly the code that will run it.
/// </summary>
/// <remarks>
/// Determinism: <c>torch.manual_seed</c> from the config seed for initialisation, the project's <see cref="Rng"/> for
/// shuffling, and a fixed thread count; the same config and data give bit-identical weights on one machine.
/// </remarks>
public static class ModelTrainer
{
    /// <summary>What trains the weights (recorded in the artifact's provenance).</summary>
    public const string TrainerDescription = "TorchSharp 0.107.0 (libtorch 2.10.0 CPU), Adam, MSE";

    // libtorch's random generator and thread setting are process-wide: two trainings at once would interleave
    // their draws and neither would be reproducible, so trainings in one process take turns.
    private static readonly Lock s_torch = new();

    /// <summary>Trains the model described by <paramref name="config"/> on <paramref name="data"/>.</summary>
    /// <param name="config">The validated configuration.</param>
    /// <param name="configText">The configuration file's text, stored verbatim in the artifact.</param>
    /// <param name="data">The dataset (see <see cref="SimulationDataCollector"/>).</param>
    /// <param name="progress">Receives one report per epoch.</param>
    /// <param name="createdBy">The tool name recorded in the artifact.</param>
    public static TrainingResult Train(TrainingConfig config, string configText, TransitionDataset data, IProgress<EpochProgress>? progress = null, string createdBy = "robotics train")
    {
        lock (s_torch)
        {
            return TrainExclusively(config, configText, data, progress, createdBy);
        }
    }

    private static TrainingResult TrainExclusively(TrainingConfig config, string configText, TransitionDataset data, IProgress<EpochProgress>? progress, string createdBy)
    {
        torch.set_num_threads(config.Training.Threads);
        var model = config.Model;
        int n = data.States.Count, m = data.Inputs.Count;
        NominalPlantInfo? nominalInfo = model.Family == ModelFamily.Residual ? new NominalPlantInfo(config.Plant.Type, model.NominalParameters) : null;
        IDynamicsModel? nominal = nominalInfo is null ? null : CreateNominal(nominalInfo, data);

        var train = Samples.FromTrajectories(data.Train, nominal);
        var normalization = train.Normalization();
        var validation = Samples.FromTrajectories(data.Validation, nominal);
        var rng = new Rng(config.Seed).Fork("training");

        var tensors = new List<NamedTensor>();
        int epochsRun = 0, bestEpoch = 0;
        switch (model.Family)
        {
            case ModelFamily.Gru:
            case ModelFamily.Lstm:
                (epochsRun, bestEpoch) = FitNarx(config, data, normalization, tensors, rng, progress);
                break;
            default:
                int members = model.Family == ModelFamily.Ensemble ? model.EnsembleSize : 1;
                for (int k = 0; k < members; k++)
                {
                    string prefix = model.Family == ModelFamily.Ensemble ? $"members.{k}." : "";
                    torch.manual_seed((long)(config.Seed % long.MaxValue) + 7919L * k);
                    using var net = TorchNetworks.Mlp(n + m, model.HiddenSizes, n, model.Activation);
                    var fit = config.Training.RolloutSteps > 1
                        ? FitRollout(net, config, data, normalization, rng.Fork($"member-{k}"), progress, k, members)
                        : FitOneStep(net, config, train, validation, normalization, rng.Fork($"member-{k}"), progress, k, members);
                    (epochsRun, bestEpoch) = fit;
                    Export(net, prefix, tensors);
                }

                break;
        }

        var metadata = new ModelMetadata
        {
            Name = config.Name,
            Family = model.Family,
            DtS = config.DtS,
            State = data.States,
            Inputs = data.Inputs,
            Normalization = normalization,
            Architecture = new ArchitectureInfo(model.HiddenSizes, model.Activation,
                model.Family == ModelFamily.Ensemble ? model.EnsembleSize : 1,
                model.Family is ModelFamily.Gru or ModelFamily.Lstm ? model.RecurrentHiddenSize : 0,
                nominalInfo),
            Provenance = new ProvenanceInfo(config.Seed, data.Hash, data.Description, configText, TrainerDescription, createdBy),
        };
        var draft = ModelArtifactWriter.Build(metadata, tensors);
        var managed = ModelLoader.Create(draft, NominalFactory);
        int horizon = config.Validation.HorizonSteps;
        var validationErrors = ModelEvaluator.Evaluate(managed, data.Validation, horizon);
        var testErrors = ModelEvaluator.Evaluate(managed, data.Test, horizon);
        var artifact = ModelArtifactWriter.Build(metadata with { Validation = validationErrors }, tensors);
        return new TrainingResult(artifact, validationErrors, testErrors, epochsRun, bestEpoch);
    }

    /// <summary>Builds the nominal plant of a residual model from the simulator catalog.</summary>
    public static IOdeSystem NominalFactory(NominalPlantInfo info) => SimulationDataCollector.CreatePlant(info.Plant, info.Parameters);

    private static AnalyticDynamicsModel CreateNominal(NominalPlantInfo info, TransitionDataset data) =>
        new(NominalFactory(info), data.TimeStep, data.States.Select(s => s.Name).ToArray(), data.Inputs.Select(s => s.Name).ToArray());

    private static (int, int) FitOneStep(nn.Module<Tensor, Tensor> net, TrainingConfig config, Samples train, Samples validation,
        NormalizationInfo norm, Rng rng, IProgress<EpochProgress>? progress, int member, int members)
    {
        using var x = train.NormalizedInputs(norm);
        using var y = train.NormalizedTargets(norm);
        using var xv = validation.NormalizedInputs(norm);
        using var yv = validation.NormalizedTargets(norm);
        return Fit(net, config.Training, train.Count,
            idx => nn.functional.mse_loss(net.forward(x.index_select(0, idx)), y.index_select(0, idx)),
            () => nn.functional.mse_loss(net.forward(xv), yv).item<float>(),
            rng, progress, member, members);
    }

    private static (int, int) FitRollout(nn.Module<Tensor, Tensor> net, TrainingConfig config, TransitionDataset data, NormalizationInfo norm,
        Rng rng, IProgress<EpochProgress>? progress, int member, int members)
    {
        int steps = config.Training.RolloutSteps;
        using var train = RolloutWindows.Create(data.Train, steps, norm);
        using var validation = RolloutWindows.Create(data.Validation, steps, norm);
        return Fit(net, config.Training, train.Count, idx => train.Loss(net, idx), () => validation.Loss(net, null).item<float>(), rng, progress, member, members);
    }

    private static (int, int) FitNarx(TrainingConfig config, TransitionDataset data, NormalizationInfo norm, List<NamedTensor> tensors, Rng rng, IProgress<EpochProgress>? progress)
    {
        var model = config.Model;
        int n = data.States.Count, m = data.Inputs.Count;
        torch.manual_seed((long)(config.Seed % long.MaxValue));
        using var net = new NarxNetwork(model.Family == ModelFamily.Lstm, n + m, model.RecurrentHiddenSize, n);
        using var train = SequenceWindows.Create(data.Train, model.SequenceLength, norm);
        using var validation = SequenceWindows.Create(data.Validation, model.SequenceLength, norm);
        var result = Fit(net, config.Training, train.Count,
            idx => nn.functional.mse_loss(net.forward(train.Inputs.index_select(0, idx)), train.Targets.index_select(0, idx)),
            () => nn.functional.mse_loss(net.forward(validation.Inputs), validation.Targets).item<float>(),
            rng.Fork("member-0"), progress, 0, 1);
        Export(net, "", tensors);
        return result;
    }

    // The shared loop: shuffled mini-batches, Adam, schedule, early stopping with the best weights restored.
    private static (int EpochsRun, int BestEpoch) Fit(nn.Module net, TrainingSection t, int count, Func<Tensor, Tensor> batchLoss,
        Func<double> validationLoss, Rng rng, IProgress<EpochProgress>? progress, int member, int members)
    {
        using var optimizer = optim.Adam(net.parameters(), t.LearningRate);
        optim.lr_scheduler.LRScheduler? scheduler = t.LrSchedule switch
        {
            "step" => optim.lr_scheduler.StepLR(optimizer, t.StepEpochs, 0.5),
            "cosine" => optim.lr_scheduler.CosineAnnealingLR(optimizer, t.Epochs, t.LearningRate * 0.05),
            _ => null,
        };
        var order = new long[count];
        for (int i = 0; i < count; i++) order[i] = i;
        double best = double.PositiveInfinity;
        int bestEpoch = 0, epoch = 0;
        Dictionary<string, Tensor>? bestWeights = null;
        try
        {
            for (epoch = 1; epoch <= t.Epochs; epoch++)
            {
                net.train();
                Shuffle(order, rng);
                double total = 0;
                int batches = 0;
                double rate = optimizer.ParamGroups.First().LearningRate;
                for (int start = 0; start < count; start += t.BatchSize)
                {
                    using var scope = torch.NewDisposeScope();
                    using var idx = torch.tensor(order.AsSpan(start, Math.Min(t.BatchSize, count - start)).ToArray(), ScalarType.Int64);
                    optimizer.zero_grad();
                    var loss = batchLoss(idx);
                    loss.backward();
                    optimizer.step();
                    total += loss.item<float>();
                    batches++;
                }

                scheduler?.step();
                net.eval();
                double validation;
                using (torch.no_grad())
                using (torch.NewDisposeScope())
                {
                    validation = validationLoss();
                }

                bool improved = validation < best;
                if (improved)
                {
                    best = validation;
                    bestEpoch = epoch;
                    DisposeAll(bestWeights);
                    bestWeights = net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
                }

                progress?.Report(new EpochProgress(member, members, epoch, t.Epochs, total / Math.Max(1, batches), validation, rate, improved));
                if (t.EarlyStoppingPatience > 0 && epoch - bestEpoch >= t.EarlyStoppingPatience) break;
            }

            if (bestWeights is not null) Restore(net, bestWeights);
            return (Math.Min(epoch, t.Epochs), bestEpoch);
        }
        finally
        {
            DisposeAll(bestWeights);
            (scheduler as IDisposable)?.Dispose();
        }
    }

    // Copy into the live parameters rather than load_state_dict, which swaps tensors that TorchSharp's LSTM has
    // already captured (its forward would keep the old weights).
    private static void Restore(nn.Module net, Dictionary<string, Tensor> weights)
    {
        using var noGrad = torch.no_grad();
        var own = net.state_dict();
        foreach (var (name, value) in weights) own[name].copy_(value);
    }

    private static void Shuffle(long[] order, Rng rng)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static void Export(nn.Module net, string prefix, List<NamedTensor> tensors)
    {
        foreach (var (name, tensor) in net.state_dict())
        {
            using var contiguous = tensor.detach().contiguous();
            tensors.Add(new NamedTensor(prefix + name, contiguous.shape.Select(d => (int)d).ToArray(), contiguous.data<float>().ToArray()));
        }
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null) return;
        foreach (var t in tensors.Values) t.Dispose();
    }
}
