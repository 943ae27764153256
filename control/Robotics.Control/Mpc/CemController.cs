using Robotics.Control.Loop;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mpc;

/// <summary>The cross-entropy method as an MPC over any <see cref="IDynamicsModel"/>.</summary>
/// <remarks>
/// <para>Each plan starts a per-step Gaussian at mean = the (warm-started) plan and standard deviation = noise_std;
/// each iteration:</para>
/// <code>
/// v_b,t = clamp(mu_t + sigma_t eps_b,t, control_min, control_max),  eps ~ N(0, I),  b = 1..B
/// E     = the elite_count samples with the lowest cost (ties broken deterministically by the sort)
/// mu_t  = mean_{b in E} v_b,t;   sigma_t = max(std_{b in E} v_b,t, min_std)
/// </code>
/// <para>The plan is the final mean (smoothed and clamped). Parameters (prefix <c>cem.</c>): see
/// <see cref="SamplingMpcOptions"/> and <see cref="MpcOptions"/>; cost terms under <c>costs.</c>. Inputs, output and
/// status: see <see cref="MpcController"/>.</para>
/// </remarks>
public sealed class CemController : SamplingMpcController
{
    /// <summary>The parameter prefix.</summary>
    public const string ParameterPrefix = "cem";

    private readonly double[] _sigma;
    private readonly double[] _sortKeys;
    private readonly int[] _order;
    private int _eliteCount;
    private double _minStd;

    /// <summary>Creates the controller.</summary>
    /// <param name="model">Dynamics (used only by this controller).</param>
    /// <param name="options">Settings (<see cref="SamplingMpcOptions.EliteCount"/> &lt;= batch size).</param>
    /// <param name="costs">Cost terms (instances owned by this controller).</param>
    /// <param name="rng">Seeded random stream; the controller draws from <c>rng.Fork(name)</c>.</param>
    /// <param name="preview">Optional reference preview over the horizon.</param>
    /// <param name="name">Controller name, default <c>cem</c>.</param>
    /// <exception cref="ArgumentException">A setting is out of range or does not fit the model; the message names the parameter and the allowed range.</exception>
    public CemController(IDynamicsModel model, SamplingMpcOptions options, IReadOnlyList<ICostTerm> costs, Rng rng,
        IReferenceSource? preview = null, string name = "cem")
        : base(ParameterPrefix, true, model, options, costs, rng, preview, name)
    {
        _sigma = new double[Horizon * M];
        _sortKeys = new double[BatchSize];
        _order = new int[BatchSize];
        ReadCemSettings();
    }

    /// <summary>
    /// The settings and all built-in cost terms' parameters (<c>cem.*</c>, <c>cem.seed</c>, <c>costs.terms</c>,
    /// <c>costs.&lt;term&gt;.*</c>), for scenario files and nodes.
    /// </summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        .. SamplingMpcOptions.Descriptors(ParameterPrefix, cem: true),
        ParameterDescriptor.Integer($"{ParameterPrefix}.seed", 1, "", "Seed of the sampling stream.", 0, long.MaxValue, readOnly: true),
        .. CostTermCatalog.AllParameters("goal,control_effort,control_rate"),
    ];

    /// <summary>Builds the controller from parameters declared with <see cref="Parameters"/> (seed from <c>cem.seed</c>).</summary>
    /// <exception cref="ArgumentException">A setting or cost term is invalid or unknown; the message names it.</exception>
    public static CemController FromParameters(ParameterSet parameters, IDynamicsModel model, IReferenceSource? preview = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var options = SamplingMpcOptions.FromParameters(parameters, ParameterPrefix);
        var costs = CostTermCatalog.FromParameters(parameters);
        return new CemController(model, options, costs, new Rng((ulong)parameters.GetInteger($"{ParameterPrefix}.seed")), preview);
    }

    /// <summary>Elite samples per iteration.</summary>
    public int EliteCount => _eliteCount;

    /// <inheritdoc />
    protected override void ApplySettings()
    {
        base.ApplySettings();
        ReadCemSettings();
    }

    /// <inheritdoc />
    protected override bool Optimize()
    {
        var mean = NominalPlan;
        int batch = BatchSize, m = M;
        for (int t = 0; t < Horizon; t++)
        {
            for (int j = 0; j < m; j++) _sigma[t * m + j] = Std[j];
        }

        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            for (int t = 0; t < Horizon; t++)
            {
                for (int b = 0; b < batch; b++)
                {
                    int o = (t * batch + b) * m;
                    for (int j = 0; j < m; j++)
                    {
                        double v = Math.Clamp(mean[t * m + j] + _sigma[t * m + j] * GaussianSampler.Next(Random), ControlMin[j], ControlMax[j]);
                        SampledControls[o + j] = v;
                    }
                }
            }

            EvaluateSamples();
            for (int b = 0; b < batch; b++)
            {
                _sortKeys[b] = SampleCosts[b];
                _order[b] = b;
            }

            Array.Sort(_sortKeys, _order, 0, batch);
            int elites = 0;
            while (elites < _eliteCount && double.IsFinite(_sortKeys[elites])) elites++;
            if (elites == 0) return false;

            for (int t = 0; t < Horizon; t++)
            {
                for (int j = 0; j < m; j++)
                {
                    double sum = 0, sumSquares = 0;
                    for (int e = 0; e < elites; e++)
                    {
                        double v = SampledControls[(t * batch + _order[e]) * m + j];
                        sum += v;
                        sumSquares += v * v;
                    }

                    double mu = sum / elites;
                    double variance = Math.Max(0.0, sumSquares / elites - mu * mu);
                    mean[t * m + j] = mu;
                    _sigma[t * m + j] = Math.Max(Math.Sqrt(variance), _minStd);
                }
            }
        }

        SmoothAndClamp(mean);
        return true;
    }

    private void ReadCemSettings()
    {
        int elites = (int)Settings.GetInteger($"{Prefix}.elite_count");
        if (elites > BatchSize)
        {
            throw new ArgumentException($"Parameter '{Prefix}.elite_count' = {elites} is larger than '{Prefix}.batch_size' = {BatchSize}; allowed range is [1, {BatchSize}].");
        }

        _eliteCount = elites;
        _minStd = Settings.GetDouble($"{Prefix}.min_std");
    }
}
