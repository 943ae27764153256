using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc;

/// <summary>Settings of <see cref="GradientMpcController"/> (parameter prefix <c>gradient</c>).</summary>
/// <remarks>
/// Parameter names: <c>iterations</c>, <c>step_size</c>, <c>line_search_steps</c>, <c>tolerance</c>, plus the shared
/// ones of <see cref="MpcOptions"/>.
/// </remarks>
public sealed record GradientMpcOptions : MpcOptions
{
    /// <summary>Gradient steps per plan (<c>iterations</c>, default 20).</summary>
    public int Iterations { get; init; } = 20;

    /// <summary>First trial step length of the first iteration (<c>step_size</c>, default 1); later iterations start from the Barzilai-Borwein step.</summary>
    public double StepSize { get; init; } = 1.0;

    /// <summary>Halvings the backtracking line search may try per iteration (<c>line_search_steps</c>, default 20).</summary>
    public int LineSearchSteps { get; init; } = 20;

    /// <summary>Stop when an iteration lowers the cost by less than this fraction of it (<c>tolerance</c>, default 1e-10).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>The descriptors with prefix <paramref name="prefix"/> (normally <c>gradient</c>).</summary>
    public static IReadOnlyList<ParameterDescriptor> Descriptors(string prefix) =>
    [
        ParameterDescriptor.Integer($"{prefix}.iterations", 20, "", "Projected-gradient steps per plan.", 1, 1_000_000),
        ParameterDescriptor.Double($"{prefix}.step_size", 1.0, "", "First trial step length (later steps start from the Barzilai-Borwein estimate).", 1e-12, 1e12),
        ParameterDescriptor.Integer($"{prefix}.line_search_steps", 20, "", "Step halvings the backtracking line search may try per iteration.", 1, 200),
        ParameterDescriptor.Double($"{prefix}.tolerance", 1e-10, "", "Stop when an iteration lowers the cost by less than this fraction of it.", 0.0, 1.0),
        .. CommonDescriptors(prefix),
    ];

    /// <summary>Reads the options from a parameter set declared with <see cref="Descriptors"/>.</summary>
    public static GradientMpcOptions FromParameters(ParameterSet parameters, string prefix)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new GradientMpcOptions
        {
            Iterations = (int)parameters.GetInteger($"{prefix}.iterations"),
            StepSize = parameters.GetDouble($"{prefix}.step_size"),
            LineSearchSteps = (int)parameters.GetInteger($"{prefix}.line_search_steps"),
            Tolerance = parameters.GetDouble($"{prefix}.tolerance"),
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
        Put(set, $"{prefix}.iterations", ParameterValue.FromInteger(Iterations));
        Put(set, $"{prefix}.step_size", ParameterValue.FromDouble(StepSize));
        Put(set, $"{prefix}.line_search_steps", ParameterValue.FromInteger(LineSearchSteps));
        Put(set, $"{prefix}.tolerance", ParameterValue.FromDouble(Tolerance));
        WriteCommon(set, prefix);
    }
}
