namespace Robotics.Control.Snn;

/// <summary>
/// Size and evolution bounds of one spiking population (a <see cref="LifNetwork"/> with the two encoded inputs
/// error and derivative). Used by <see cref="SnnPopulationLayout"/> to map a CMA-ES genome to network parameters.
/// </summary>
/// <remarks>Defaults follow the blimp paper's configs (<c>configs/config_LIF_*.yaml</c>): input weights in
/// [-1.5, 1.5], thresholds in [0.8, 10], current leak in [0, 0.99], voltage leak in [0, 1], readout leak in
/// [0.88, 0.92]. Output weights are in newtons per spike here (the paper's model is normalised).</remarks>
public sealed record SnnPopulationSpec
{
    /// <summary>Population name (e.g. <c>pd</c>, <c>i</c>, <c>single</c>).</summary>
    public string Name { get; init; } = "pd";

    /// <summary>Number of neurons, even (neurons come in +/- mirrored pairs). Default 120.</summary>
    public int Neurons { get; init; } = 120;

    /// <summary>Bound W of the input weights, range [-W, W]. Default 1.5.</summary>
    public double InputWeightMax { get; init; } = 1.5;

    /// <summary>Bound of the bias currents, range [-B, B]. Default 1.</summary>
    public double BiasMax { get; init; } = 1.0;

    /// <summary>Bound of the readout weights (output units per spike), range [-w, w]. Default 0.02.</summary>
    public double OutputWeightMax { get; init; } = 0.02;

    /// <summary>Lower bound of the (shared) current leak. Default 0.</summary>
    public double CurrentLeakMin { get; init; }

    /// <summary>Upper bound of the (shared) current leak. Default 0.99; 1 allows a perfectly integrating current.</summary>
    public double CurrentLeakMax { get; init; } = 0.99;

    /// <summary>Lower bound of the (shared) voltage leak. Default 0.</summary>
    public double VoltageLeakMin { get; init; }

    /// <summary>Upper bound of the (shared) voltage leak. Default 1.</summary>
    public double VoltageLeakMax { get; init; } = 1.0;

    /// <summary>Lower bound of the per-pair threshold. Default 0.8.</summary>
    public double ThresholdMin { get; init; } = 0.8;

    /// <summary>Upper bound of the per-pair threshold. Default 10.</summary>
    public double ThresholdMax { get; init; } = 10.0;

    /// <summary>Lower bound of the readout leak. Default 0.88.</summary>
    public double ReadoutLeakMin { get; init; } = 0.88;

    /// <summary>Upper bound of the readout leak. Default 0.92.</summary>
    public double ReadoutLeakMax { get; init; } = 0.92;

    /// <summary>Refractory period in steps (fixed, not evolved). Default 0.</summary>
    public int RefractorySteps { get; init; }

    /// <summary>Checks the values; throws naming the field, value and fix.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public void Validate()
    {
        string who = $"SNN population '{Name}'";
        if (Neurons < 2 || Neurons % 2 != 0)
        {
            throw new ArgumentException($"{who}: neurons = {Neurons} must be an even number >= 2 (neurons come in +/- pairs).");
        }

        Positive(InputWeightMax, "input_weight_max");
        Positive(BiasMax, "bias_max");
        Positive(OutputWeightMax, "output_weight_max");
        Interval(CurrentLeakMin, CurrentLeakMax, 0, 1, "current_leak_min/max");
        Interval(VoltageLeakMin, VoltageLeakMax, 0, 1, "voltage_leak_min/max");
        Interval(ThresholdMin, ThresholdMax, 1e-9, 1e9, "threshold_min/max");
        Interval(ReadoutLeakMin, ReadoutLeakMax, 0, 0.999999, "readout_leak_min/max");
        if (RefractorySteps < 0)
        {
            throw new ArgumentException($"{who}: refractory_steps = {RefractorySteps} must be >= 0.");
        }

        void Positive(double v, string name)
        {
            if (!double.IsFinite(v) || v <= 0) throw new ArgumentException($"{who}: {name} = {v} must be a finite value > 0.");
        }

        void Interval(double lo, double hi, double min, double max, string name)
        {
            if (!(lo >= min && hi <= max && lo <= hi))
            {
                throw new ArgumentException($"{who}: {name} = [{lo}, {hi}] must satisfy {min} <= min <= max <= {max}.");
            }
        }
    }
}
