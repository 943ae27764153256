using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc;

/// <summary>Settings of the sampling MPCs (<see cref="MppiController"/>, <see cref="CemController"/>).</summary>
/// <remarks>
/// <para>Parameter names (prefix <c>mppi</c> or <c>cem</c>): <c>batch_size</c>, <c>iterations</c>, <c>noise_std</c>,
/// <c>smoothing</c>, MPPI only <c>temperature</c> and <c>gamma</c>, CEM only <c>elite_count</c> and <c>min_std</c>,
/// plus the shared ones of <see cref="MpcOptions"/>. The noise covariance is diagonal: <see cref="NoiseStd"/> holds
/// its square roots (one value = every input, or one per input).</para>
/// </remarks>
public sealed record SamplingMpcOptions : MpcOptions
{
    /// <summary>Sampled control sequences per iteration B (<c>batch_size</c>, default 1000, read-only after start-up).</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Sample-evaluate-update rounds per plan (<c>iterations</c>, default 1).</summary>
    public int Iterations { get; init; } = 1;

    /// <summary>MPPI temperature lambda &gt; 0 (<c>temperature</c>, default 0.3): lower = greedier weighting.</summary>
    public double Temperature { get; init; } = 0.3;

    /// <summary>
    /// MPPI control-cost coupling gamma &gt;= 0 (<c>gamma</c>, default 0): adds gamma sum_t u_t^T Sigma^-1 eps_t to each
    /// sample's cost (the information-theoretic MPPI term; Nav2's <c>gamma</c>).
    /// </summary>
    public double Gamma { get; init; }

    /// <summary>Standard deviation of the control noise per input (<c>noise_std</c>, default 0.2; one value or one per input).</summary>
    public double[] NoiseStd { get; init; } = [0.2];

    /// <summary>
    /// Low-pass along the plan after each update, s in [0, 0.99] (<c>smoothing</c>, default 0):
    /// u_t = (1 - s) u_t + s u_{t-1}, with u_{-1} the last applied control.
    /// </summary>
    public double Smoothing { get; init; }

    /// <summary>CEM: number of best samples the distribution is refitted to (<c>elite_count</c>, default 50, &lt;= batch size).</summary>
    public int EliteCount { get; init; } = 50;

    /// <summary>CEM: floor of the refitted standard deviation (<c>min_std</c>, default 1e-3, in input units).</summary>
    public double MinStd { get; init; } = 1e-3;

    /// <summary>The descriptors of a sampling MPC with parameter prefix <paramref name="prefix"/> (<c>mppi</c> or <c>cem</c>).</summary>
    /// <param name="prefix">Parameter prefix.</param>
    /// <param name="cem">True for CEM (elite_count, min_std), false for MPPI (temperature, gamma).</param>
    public static IReadOnlyList<ParameterDescriptor> Descriptors(string prefix, bool cem)
    {
        var list = new List<ParameterDescriptor>
        {
            ParameterDescriptor.Integer($"{prefix}.batch_size", 1000, "", "Sampled control sequences per iteration.", 1, 1_000_000, readOnly: true),
            ParameterDescriptor.Integer($"{prefix}.iterations", 1, "", "Sample-evaluate-update rounds per plan.", 1, 1000),
            ParameterDescriptor.DoubleArray($"{prefix}.noise_std", [0.2], "", "Control noise standard deviation (diagonal covariance): one value = all inputs, or one per input.", minimum: 0.0),
            ParameterDescriptor.Double($"{prefix}.smoothing", 0.0, "", "Low-pass along the plan after each update: u_t = (1 - s) u_t + s u_{t-1}.", 0.0, 0.99),
        };
        if (cem)
        {
            list.Add(ParameterDescriptor.Integer($"{prefix}.elite_count", 50, "", "Best samples the Gaussian is refitted to (<= batch_size).", 1, 1_000_000));
            list.Add(ParameterDescriptor.Double($"{prefix}.min_std", 1e-3, "", "Floor of the refitted standard deviation, input units.", 0.0, 1e6));
        }
        else
        {
            list.Add(ParameterDescriptor.Double($"{prefix}.temperature", 0.3, "", "MPPI temperature lambda: weights exp(-(S - S_min) / lambda); lower = greedier.", 1e-9, 1e9));
            list.Add(ParameterDescriptor.Double($"{prefix}.gamma", 0.0, "", "Control-cost coupling: adds gamma sum u^T Sigma^-1 eps to each sample's cost.", 0.0, 1e6));
        }

        list.AddRange(CommonDescriptors(prefix));
        return list;
    }

    /// <summary>Reads the options from a parameter set declared with <see cref="Descriptors"/>.</summary>
    public static SamplingMpcOptions FromParameters(ParameterSet parameters, string prefix)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        bool cem = parameters.Contains($"{prefix}.elite_count");
        var defaults = new SamplingMpcOptions();
        return new SamplingMpcOptions
        {
            BatchSize = (int)parameters.GetInteger($"{prefix}.batch_size"),
            Iterations = (int)parameters.GetInteger($"{prefix}.iterations"),
            NoiseStd = parameters.GetDoubleArray($"{prefix}.noise_std").ToArray(),
            Smoothing = parameters.GetDouble($"{prefix}.smoothing"),
            EliteCount = cem ? (int)parameters.GetInteger($"{prefix}.elite_count") : defaults.EliteCount,
            MinStd = cem ? parameters.GetDouble($"{prefix}.min_std") : defaults.MinStd,
            Temperature = cem ? defaults.Temperature : parameters.GetDouble($"{prefix}.temperature"),
            Gamma = cem ? defaults.Gamma : parameters.GetDouble($"{prefix}.gamma"),
            Horizon = (int)parameters.GetInteger($"{prefix}.horizon"),
            TimeStepS = parameters.GetDouble($"{prefix}.dt_s"),
            ControlMin = parameters.GetDoubleArray($"{prefix}.control_min").ToArray(),
            ControlMax = parameters.GetDoubleArray($"{prefix}.control_max").ToArray(),
            NominalControl = parameters.GetDoubleArray($"{prefix}.nominal_control").ToArray(),
            WarmStart = parameters.GetBool($"{prefix}.warm_start"),
            ModelHorizonLimit = (int)parameters.GetInteger($"{prefix}.model_horizon_limit"),
        };
    }

    /// <inheritdoc />
    public override void WriteTo(ParameterSet set, string prefix)
    {
        ArgumentNullException.ThrowIfNull(set);
        Put(set, $"{prefix}.batch_size", ParameterValue.FromInteger(BatchSize));
        Put(set, $"{prefix}.iterations", ParameterValue.FromInteger(Iterations));
        Put(set, $"{prefix}.noise_std", ParameterValue.FromDoubleArray(NoiseStd ?? []));
        Put(set, $"{prefix}.smoothing", ParameterValue.FromDouble(Smoothing));
        if (set.Contains($"{prefix}.elite_count"))
        {
            Put(set, $"{prefix}.elite_count", ParameterValue.FromInteger(EliteCount));
            Put(set, $"{prefix}.min_std", ParameterValue.FromDouble(MinStd));
        }
        else
        {
            Put(set, $"{prefix}.temperature", ParameterValue.FromDouble(Temperature));
            Put(set, $"{prefix}.gamma", ParameterValue.FromDouble(Gamma));
        }

        WriteCommon(set, prefix);
    }
}
