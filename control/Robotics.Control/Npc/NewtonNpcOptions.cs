namespace Robotics.Control.Npc;

/// <summary>
/// Settings of <see cref="NewtonNpcController"/>: the Soloway-Haley cost weights, the barrier, the finite-difference
/// step, the saturation and the NaN fallback. Defaults are the paper code's mass-spring-damper values where they exist
/// (nlsoft <c>controller_spring_mass_damper.py</c>: Q = diag(1e6, 1e-3), Lambda = 1, s = 1e-20, b = 1e-5, r = 4e2,
/// clip [-1, 1]).
/// </summary>
public sealed record NewtonNpcOptions
{
    /// <summary>Diagonal of Q (one weight per predicted output).</summary>
    public double[] OutputWeights { get; init; } = [1e6, 1e-3];

    /// <summary>Diagonal of Lambda (one weight per input) on the input change u - u_(k-1).</summary>
    public double[] InputChangeWeights { get; init; } = [1.0];

    /// <summary>Barrier sharpness s (default 1e-20).</summary>
    public double BarrierSharpness { get; init; } = 1e-20;

    /// <summary>Barrier centre b, per input (default 1e-5).</summary>
    public double[] BarrierCentre { get; init; } = [1e-5];

    /// <summary>Barrier range r, per input: the barrier keeps u in (b - r/2, b + r/2) (default 4e2).</summary>
    public double[] BarrierRange { get; init; } = [4e2];

    /// <summary>Central finite-difference step on the model's input (default 5e-3).</summary>
    public double FiniteDifferenceStep { get; init; } = 5e-3;

    /// <summary>Lower saturation per input (default -1).</summary>
    public double[] CommandMin { get; init; } = [-1.0];

    /// <summary>Upper saturation per input (default 1).</summary>
    public double[] CommandMax { get; init; } = [1.0];

    /// <summary>Command used when the Newton step is not finite (default 0 per input).</summary>
    public double[] FallbackCommand { get; init; } = [0.0];

    /// <summary>Added to the Hessian's diagonal before the solve (Levenberg damping, default 0 = the paper's plain
    /// Newton step).</summary>
    public double HessianDamping { get; init; }

    /// <summary>Checks sizes and values against a model with <paramref name="inputs"/> inputs and
    /// <paramref name="outputs"/> outputs.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    public void Validate(int inputs, int outputs)
    {
        Length(OutputWeights, outputs, "output_weights (Q diagonal)");
        Length(InputChangeWeights, inputs, "input_change_weights (Lambda diagonal)");
        Length(BarrierCentre, inputs, "barrier_centre");
        Length(BarrierRange, inputs, "barrier_range");
        Length(CommandMin, inputs, "command_min");
        Length(CommandMax, inputs, "command_max");
        Length(FallbackCommand, inputs, "fallback_command");
        foreach (double q in OutputWeights) NonNegative(q, "output_weights");
        foreach (double l in InputChangeWeights) NonNegative(l, "input_change_weights");
        NonNegative(BarrierSharpness, "barrier_sharpness");
        NonNegative(HessianDamping, "hessian_damping");
        if (!(FiniteDifferenceStep > 0) || !double.IsFinite(FiniteDifferenceStep))
        {
            throw new ArgumentException($"Newton NPC: finite_difference_step = {FiniteDifferenceStep} must be a finite value > 0.");
        }

        for (int i = 0; i < inputs; i++)
        {
            if (!(BarrierRange[i] > 0)) throw new ArgumentException($"Newton NPC: barrier_range[{i}] = {BarrierRange[i]} must be > 0.");
            if (!(CommandMin[i] <= CommandMax[i])) throw new ArgumentException($"Newton NPC: command_min[{i}] = {CommandMin[i]} must be <= command_max[{i}] = {CommandMax[i]}.");
            if (!(FallbackCommand[i] >= CommandMin[i] && FallbackCommand[i] <= CommandMax[i]))
            {
                throw new ArgumentException($"Newton NPC: fallback_command[{i}] = {FallbackCommand[i]} must lie in [command_min, command_max].");
            }
        }
    }

    private static void Length(double[] values, int expected, string name)
    {
        if (values is null || values.Length != expected)
        {
            throw new ArgumentException($"Newton NPC: {name} has {values?.Length ?? 0} values; the model needs {expected}.");
        }
    }

    private static void NonNegative(double v, string name)
    {
        if (!(v >= 0) || !double.IsFinite(v)) throw new ArgumentException($"Newton NPC: {name} = {v} must be a finite value >= 0.");
    }
}
