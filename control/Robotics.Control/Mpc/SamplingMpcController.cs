using Robotics.Control.Loop;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mpc;

/// <summary>
/// Shared machinery of MPPI and CEM: B sampled control sequences rolled out through the model with batched steps
/// (<see cref="IDynamicsModel.StepBatch"/>), costed by the terms, and a smoothing pass over the plan.
/// </summary>
/// <remarks>
/// <para><b>Randomness.</b> The Gaussian noise comes from <c>rng.Fork(name)</c>, created at construction and again at
/// <see cref="MpcController.Reset"/>: the same seed and the same calls give bit-identical plans. The work is done on
/// the calling thread, in a fixed order (no parallelism), so it is deterministic.</para>
/// <para><b>Memory.</b> States (H + 1) x B x n, controls and noise H x B x m, costs B, all allocated at construction;
/// a plan allocates nothing.</para>
/// </remarks>
public abstract class SamplingMpcController : MpcController
{
    private readonly Rng _rng;
    private readonly double[] _std;

    /// <summary>Builds the controller (see <see cref="MpcController"/>).</summary>
    /// <exception cref="ArgumentException">An option is out of range or does not fit the model; the message names the parameter and the allowed range.</exception>
    protected SamplingMpcController(string prefix, bool cem, IDynamicsModel model, SamplingMpcOptions options, IReadOnlyList<ICostTerm> costs,
        Rng rng, IReferenceSource? preview, string name)
        : base(prefix, SamplingMpcOptions.Descriptors(prefix, cem), options, model, costs, options?.BatchSize ?? 1, preview, name)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _rng = rng;
        BatchSize = options!.BatchSize;
        Random = rng.Fork(name);
        SampledStates = new double[(Horizon + 1) * BatchSize * N];
        SampledControls = new double[Horizon * BatchSize * M];
        Noise = new double[Horizon * BatchSize * M];
        SampleCosts = new double[BatchSize];
        Scratch = new double[BatchSize * N];
        _std = new double[M];
        ReadSamplingSettings();
    }

    /// <summary>Samples per iteration B.</summary>
    public int BatchSize { get; }

    /// <summary>Rounds per plan.</summary>
    public int Iterations { get; private set; }

    /// <summary>Noise standard deviation per input.</summary>
    public ReadOnlySpan<double> NoiseStd => _std;

    /// <summary>Plan smoothing factor s.</summary>
    public double Smoothing { get; private set; }

    /// <summary>The costs of the samples of the last iteration (length B).</summary>
    public ReadOnlySpan<double> LastSampleCosts => SampleCosts;

    /// <summary>The noise stream of this controller.</summary>
    protected Rng Random { get; private set; }

    /// <summary>Sampled states, (H + 1) x B x n.</summary>
    protected double[] SampledStates { get; }

    /// <summary>Sampled controls, H x B x m (clamped to the hard limits).</summary>
    protected double[] SampledControls { get; }

    /// <summary>Effective perturbations (sampled control minus plan), H x B x m.</summary>
    protected double[] Noise { get; }

    /// <summary>Sample costs, B.</summary>
    protected double[] SampleCosts { get; }

    /// <summary>Rollout scratch, B x n.</summary>
    protected double[] Scratch { get; }

    /// <summary>Noise standard deviation per input (mutable copy).</summary>
    protected double[] Std => _std;

    /// <inheritdoc />
    protected override void OnReset() => Random = _rng.Fork(Name);

    /// <inheritdoc />
    protected override void ApplySettings()
    {
        base.ApplySettings();
        ReadSamplingSettings();
    }

    /// <summary>Rolls out <see cref="SampledControls"/> and writes each sample's cost (non-finite costs become +inf).</summary>
    protected void EvaluateSamples()
    {
        Rollout(SampledControls, SampledStates, BatchSize, Scratch);
        var input = new CostInput(SampledStates, SampledControls, ReferenceRows, PreviousControl, BatchSize, Horizon, N, M, ObservedSize, TimeStepS);
        Costs.Evaluate(input, SampleCosts);
        for (int b = 0; b < BatchSize; b++)
        {
            if (!double.IsFinite(SampleCosts[b])) SampleCosts[b] = double.PositiveInfinity;
        }
    }

    /// <summary>Low-pass along the plan: u_t = (1 - s) u_t + s u_{t-1}, u_{-1} = the last applied control; then clamps.</summary>
    protected void SmoothAndClamp(Span<double> plan)
    {
        if (Smoothing > 0)
        {
            for (int t = 0; t < Horizon; t++)
            {
                for (int j = 0; j < M; j++)
                {
                    double previous = t == 0 ? PreviousControl[j] : plan[(t - 1) * M + j];
                    plan[t * M + j] = (1 - Smoothing) * plan[t * M + j] + Smoothing * previous;
                }
            }
        }

        ClampPlan(plan);
    }

    private void ReadSamplingSettings()
    {
        Expand($"{Prefix}.noise_std", 0.2, string.Join(", ", Model.InputNames)).CopyTo(_std, 0);
        Iterations = (int)Settings.GetInteger($"{Prefix}.iterations");
        Smoothing = Settings.GetDouble($"{Prefix}.smoothing");
    }
}
