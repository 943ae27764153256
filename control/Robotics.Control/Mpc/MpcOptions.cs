using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc;

/// <summary>
/// Settings every MPC in this namespace shares: horizon, plan time step, control limits, nominal control, warm
/// start and the longest rollout the model supports. Parameter names are <c>&lt;prefix&gt;.&lt;name&gt;</c>
/// (prefix <c>mppi</c>, <c>cem</c> or <c>gradient</c>).
/// </summary>
/// <remarks>
/// <para>Array rule for <see cref="ControlMin"/>, <see cref="ControlMax"/> and <see cref="NominalControl"/>: empty =
/// unlimited (limits) or zeros (nominal), one value = every input, m values = per input.</para>
/// </remarks>
public abstract record MpcOptions
{
    /// <summary>Plan steps H (<c>horizon</c>, default 56, read-only after start-up).</summary>
    public int Horizon { get; init; } = 56;

    /// <summary>
    /// Plan step dt in seconds (<c>dt_s</c>, default 0 = the model's time step); otherwise a positive integer multiple
    /// of the model's step (the input is held over the model steps in between). Read-only after start-up.
    /// </summary>
    public double TimeStepS { get; init; }

    /// <summary>Hard lower control limits (<c>control_min</c>), applied to every sample and to the plan.</summary>
    public double[] ControlMin { get; init; } = [];

    /// <summary>Hard upper control limits (<c>control_max</c>).</summary>
    public double[] ControlMax { get; init; } = [];

    /// <summary>The control the first plan (and every plan without warm start) starts from (<c>nominal_control</c>).</summary>
    public double[] NominalControl { get; init; } = [];

    /// <summary>Start each plan from the previous one shifted by the elapsed steps (<c>warm_start</c>, default true).</summary>
    public bool WarmStart { get; init; } = true;

    /// <summary>
    /// The longest rollout the model supports, in model steps (<c>model_horizon_limit</c>, default 0 = no limit), e.g.
    /// the open-loop horizon a learned model was validated for. Horizon x (dt / model dt) must not exceed it.
    /// </summary>
    public int ModelHorizonLimit { get; init; }

    /// <summary>The shared descriptors with names <c>&lt;prefix&gt;.*</c>.</summary>
    protected static IEnumerable<ParameterDescriptor> CommonDescriptors(string prefix) =>
    [
        ParameterDescriptor.Integer($"{prefix}.horizon", 56, "", "Plan steps H (states H + 1, controls H).", 1, 10000, readOnly: true),
        ParameterDescriptor.Double($"{prefix}.dt_s", 0.0, "s", "Plan step; 0 = the model's time step, else a positive integer multiple of it.", 0.0, 3600.0, readOnly: true),
        ParameterDescriptor.DoubleArray($"{prefix}.control_min", [], "", "Hard lower control limits: empty = none, one value = all inputs, or one per input."),
        ParameterDescriptor.DoubleArray($"{prefix}.control_max", [], "", "Hard upper control limits: empty = none, one value = all inputs, or one per input."),
        ParameterDescriptor.DoubleArray($"{prefix}.nominal_control", [], "", "Control the first plan starts from (and every plan when warm_start is off): empty = zeros, one value = all, or one per input."),
        ParameterDescriptor.Bool($"{prefix}.warm_start", true, "Start each plan from the previous plan shifted by the elapsed steps."),
        ParameterDescriptor.Integer($"{prefix}.model_horizon_limit", 0, "", "Longest rollout the model supports in model steps (e.g. its validated open-loop horizon); 0 = no limit.", 0, 1_000_000_000, readOnly: true),
    ];

    /// <summary>Writes the shared settings into <paramref name="set"/> (validating each; throws naming the parameter).</summary>
    protected void WriteCommon(ParameterSet set, string prefix)
    {
        ArgumentNullException.ThrowIfNull(set);
        Put(set, $"{prefix}.horizon", ParameterValue.FromInteger(Horizon));
        Put(set, $"{prefix}.dt_s", ParameterValue.FromDouble(TimeStepS));
        Put(set, $"{prefix}.control_min", ParameterValue.FromDoubleArray(ControlMin ?? []));
        Put(set, $"{prefix}.control_max", ParameterValue.FromDoubleArray(ControlMax ?? []));
        Put(set, $"{prefix}.nominal_control", ParameterValue.FromDoubleArray(NominalControl ?? []));
        Put(set, $"{prefix}.warm_start", ParameterValue.FromBool(WarmStart));
        Put(set, $"{prefix}.model_horizon_limit", ParameterValue.FromInteger(ModelHorizonLimit));
    }

    /// <summary>Writes all settings into a parameter set declared with the matching descriptors.</summary>
    /// <exception cref="ArgumentException">A value is outside its range; the message names the parameter and the range.</exception>
    public abstract void WriteTo(ParameterSet set, string prefix);

    /// <summary>Sets one value, throwing the validation message (parameter name, value, allowed range) if invalid.</summary>
    protected static void Put(ParameterSet set, string name, ParameterValue value)
    {
        ArgumentNullException.ThrowIfNull(set);
        var check = set.TrySet(name, value);
        if (!check.IsValid) throw new ArgumentException(check.Message);
    }
}
