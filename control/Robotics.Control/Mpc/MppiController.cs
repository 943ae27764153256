using Robotics.Control.Loop;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mpc;

/// <summary>
/// Model predictive path integral control (Williams et al. 2017; Nav2's MPPI controller) over any
/// <see cref="IDynamicsModel"/>.
/// </summary>
/// <remarks>
/// <para>Each iteration, with plan u (H x m) and diagonal noise covariance Sigma = diag(noise_std^2):</para>
/// <code>
/// v_b,t   = clamp(u_t + eps_b,t, control_min, control_max),   eps_b,t ~ N(0, Sigma),   b = 1..B
/// e_b,t   = v_b,t - u_t                                        (effective perturbation after clamping)
/// S_b     = sum of cost terms on the rollout of v_b  +  gamma sum_t u_t^T Sigma^-1 e_b,t
/// w_b     = exp(-(S_b - min_b S_b) / lambda) / sum_b' exp(-(S_b' - min S) / lambda)
/// u_t    += sum_b w_b e_b,t;   then smoothing and clamping
/// </code>
/// <para>Parameters (prefix <c>mppi.</c>): see <see cref="SamplingMpcOptions"/> and <see cref="MpcOptions"/>; cost terms
/// under <c>costs.</c>. Inputs, output and status: see <see cref="MpcController"/>.</para>
/// </remarks>
public sealed class MppiController : SamplingMpcController
{
    /// <summary>The parameter prefix.</summary>
    public const string ParameterPrefix = "mppi";

    private readonly double[] _weights;
    private double _temperature, _gamma;

    /// <summary>Creates the controller.</summary>
    /// <param name="model">Dynamics (used only by this controller).</param>
    /// <param name="options">Settings.</param>
    /// <param name="costs">Cost terms (instances owned by this controller).</param>
    /// <param name="rng">Seeded random stream; the controller draws from <c>rng.Fork(name)</c>.</param>
    /// <param name="preview">Optional reference preview over the horizon.</param>
    /// <param name="name">Controller name, default <c>mppi</c>.</param>
    /// <exception cref="ArgumentException">A setting is out of range or does not fit the model; the message names the parameter and the allowed range.</exception>
    public MppiController(IDynamicsModel model, SamplingMpcOptions options, IReadOnlyList<ICostTerm> costs, Rng rng,
        IReferenceSource? preview = null, string name = "mppi")
        : base(ParameterPrefix, false, model, options, costs, rng, preview, name)
    {
        _weights = new double[BatchSize];
        ReadMppiSettings();
    }

    /// <summary>
    /// The settings and all built-in cost terms' parameters (<c>mppi.*</c>, <c>mppi.seed</c>, <c>costs.terms</c>,
    /// <c>costs.&lt;term&gt;.*</c>), for scenario files and nodes.
    /// </summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        .. SamplingMpcOptions.Descriptors(ParameterPrefix, cem: false),
        ParameterDescriptor.Integer($"{ParameterPrefix}.seed", 1, "", "Seed of the noise stream.", 0, long.MaxValue, readOnly: true),
        .. CostTermCatalog.AllParameters("goal,control_effort,control_rate"),
    ];

    /// <summary>Builds the controller from parameters declared with <see cref="Parameters"/> (seed from <c>mppi.seed</c>).</summary>
    /// <exception cref="ArgumentException">A setting or cost term is invalid or unknown; the message names it.</exception>
    public static MppiController FromParameters(ParameterSet parameters, IDynamicsModel model, IReferenceSource? preview = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var options = SamplingMpcOptions.FromParameters(parameters, ParameterPrefix);
        var costs = CostTermCatalog.FromParameters(parameters);
        return new MppiController(model, options, costs, new Rng((ulong)parameters.GetInteger($"{ParameterPrefix}.seed")), preview);
    }

    /// <summary>Temperature lambda.</summary>
    public double Temperature => _temperature;

    /// <summary>The normalised weights of the samples of the last iteration (length B).</summary>
    public ReadOnlySpan<double> LastWeights => _weights;

    /// <inheritdoc />
    protected override void ApplySettings()
    {
        base.ApplySettings();
        ReadMppiSettings();
    }

    /// <inheritdoc />
    protected override bool Optimize()
    {
        var plan = NominalPlan;
        int batch = BatchSize, m = M;
        ReadOnlySpan<double> std = Std, lo = ControlMin, hi = ControlMax;
        Span<double> sampled = SampledControls, noise = Noise;
        var random = Random;
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            for (int t = 0; t < Horizon; t++)
            {
                var u = plan.Slice(t * m, m);
                var v = sampled.Slice(t * batch * m, batch * m);
                var e = noise.Slice(t * batch * m, batch * m);
                for (int o = 0; o < v.Length; o += m)
                {
                    for (int j = 0; j < m; j++)
                    {
                        double sample = Math.Clamp(u[j] + std[j] * GaussianSampler.Next(random), lo[j], hi[j]);
                        v[o + j] = sample;
                        e[o + j] = sample - u[j];
                    }
                }
            }

            EvaluateSamples();
            if (_gamma > 0)
            {
                for (int t = 0; t < Horizon; t++)
                {
                    for (int b = 0; b < batch; b++)
                    {
                        int o = (t * batch + b) * m;
                        double c = 0;
                        for (int j = 0; j < m; j++)
                        {
                            if (std[j] > 0) c += plan[t * m + j] * Noise[o + j] / (std[j] * std[j]);
                        }

                        SampleCosts[b] += _gamma * c;
                    }
                }
            }

            double min = double.PositiveInfinity;
            for (int b = 0; b < batch; b++) min = Math.Min(min, SampleCosts[b]);
            if (!double.IsFinite(min)) return false;

            double sum = 0;
            for (int b = 0; b < batch; b++)
            {
                double w = Math.Exp(-(SampleCosts[b] - min) / _temperature);
                _weights[b] = w;
                sum += w;
            }

            double inverse = 1.0 / sum;
            for (int b = 0; b < batch; b++) _weights[b] *= inverse;
            ReadOnlySpan<double> weights = _weights;
            for (int t = 0; t < Horizon; t++)
            {
                var e = noise.Slice(t * batch * m, batch * m);
                for (int j = 0; j < m; j++)
                {
                    double acc = 0;
                    for (int b = 0, o = j; b < batch; b++, o += m) acc += weights[b] * e[o];
                    plan[t * m + j] += acc;
                }
            }

            SmoothAndClamp(plan);
        }

        return true;
    }

    private void ReadMppiSettings()
    {
        _temperature = Settings.GetDouble($"{Prefix}.temperature");
        _gamma = Settings.GetDouble($"{Prefix}.gamma");
    }
}
