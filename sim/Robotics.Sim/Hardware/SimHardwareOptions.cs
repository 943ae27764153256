using System.Globalization;
using Robotics.Core.Parameters;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hardware;

/// <summary>
/// Settings of <see cref="SimHardware"/>: integration step, sensor model (noise, quantisation, delay) and actuator
/// limits. Per-channel lists may be left null (or empty): then no noise, no quantisation and no limits apply.
/// </summary>
/// <remarks>
/// <para>Parameter names (for scenario files, see <see cref="Parameters"/>):</para>
/// <list type="table">
/// <listheader><term>name</term><description>type, default, meaning</description></listheader>
/// <item><term>name</term><description>string, "" = the plant's type name; the component name</description></item>
/// <item><term>integration_step_s</term><description>double, 0 = the Read period; plant integration sub-step in s</description></item>
/// <item><term>sensor_noise_std</term><description>double[] per state, [] = none; Gaussian noise standard deviation</description></item>
/// <item><term>quantization</term><description>double[] per state, [] = none; measurement quantisation step (0 = none)</description></item>
/// <item><term>sensor_delay_ticks</term><description>integer, 0; measurements are delivered this many reads late</description></item>
/// <item><term>command_min</term><description>double[] per input, [] = unlimited; lower actuator limit</description></item>
/// <item><term>command_max</term><description>double[] per input, [] = unlimited; upper actuator limit</description></item>
/// <item><term>safe_command</term><description>double[] per input, [] = zeros; command applied on deactivation</description></item>
/// </list>
/// </remarks>
public sealed record SimHardwareOptions
{
    /// <summary>Largest accepted <see cref="SensorDelayTicks"/>.</summary>
    public const int MaxSensorDelayTicks = 100_000;

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.String("name", "", "Hardware component name (lower_snake); empty uses the plant's type name."),
        ParameterDescriptor.Double("integration_step_s", 0.0, "s", "Plant integration sub-step; 0 integrates in steps of the Read period.", 0.0, 10.0),
        ParameterDescriptor.DoubleArray("sensor_noise_std", [], "", "Per-state standard deviation of additive Gaussian sensor noise (state units); empty = no noise.", minimum: 0.0),
        ParameterDescriptor.DoubleArray("quantization", [], "", "Per-state measurement quantisation step (state units, 0 = none); empty = none.", minimum: 0.0),
        ParameterDescriptor.Integer("sensor_delay_ticks", 0, "", "Measurements are delivered this many reads late.", 0, MaxSensorDelayTicks),
        ParameterDescriptor.DoubleArray("command_min", [], "", "Per-input lower actuator limit (input units); empty = unlimited."),
        ParameterDescriptor.DoubleArray("command_max", [], "", "Per-input upper actuator limit (input units); empty = unlimited."),
        ParameterDescriptor.DoubleArray("safe_command", [], "", "Per-input command applied on deactivation; empty = zeros."),
    ];

    /// <summary>Component name (<c>name</c>); null or empty uses the plant's type name.</summary>
    public string? Name { get; init; }

    /// <summary>Plant integration sub-step in s (<c>integration_step_s</c>); 0 (default) uses the period passed to Read.
    /// The step is rounded to whole nanoseconds; a final shorter sub-step reaches the read time exactly.</summary>
    public double IntegrationStepSeconds { get; init; }

    /// <summary>Per-state Gaussian noise standard deviation (<c>sensor_noise_std</c>); null = no noise.</summary>
    public IReadOnlyList<double>? SensorNoiseStd { get; init; }

    /// <summary>Per-state quantisation step (<c>quantization</c>), 0 = none for that state; null = none.</summary>
    public IReadOnlyList<double>? Quantization { get; init; }

    /// <summary>Measurement delay in reads (<c>sensor_delay_ticks</c>), default 0.</summary>
    public int SensorDelayTicks { get; init; }

    /// <summary>Per-input lower actuator limit (<c>command_min</c>); null = unlimited.</summary>
    public IReadOnlyList<double>? CommandMin { get; init; }

    /// <summary>Per-input upper actuator limit (<c>command_max</c>); null = unlimited.</summary>
    public IReadOnlyList<double>? CommandMax { get; init; }

    /// <summary>Per-input safe command (<c>safe_command</c>); null = zeros. Must lie within the actuator limits.</summary>
    public IReadOnlyList<double>? SafeCommand { get; init; }

    /// <summary>The parameter descriptors for building these options from a scenario file.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds options from a parameter set declared with <see cref="Parameters"/>; empty arrays mean "not set".</summary>
    public static SimHardwareOptions FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string name = parameters.GetString("name");
        return new SimHardwareOptions
        {
            Name = name.Length == 0 ? null : name,
            IntegrationStepSeconds = parameters.GetDouble("integration_step_s"),
            SensorNoiseStd = ArrayOrNull(parameters.GetDoubleArray("sensor_noise_std")),
            Quantization = ArrayOrNull(parameters.GetDoubleArray("quantization")),
            SensorDelayTicks = checked((int)parameters.GetInteger("sensor_delay_ticks")),
            CommandMin = ArrayOrNull(parameters.GetDoubleArray("command_min")),
            CommandMax = ArrayOrNull(parameters.GetDoubleArray("command_max")),
            SafeCommand = ArrayOrNull(parameters.GetDoubleArray("safe_command")),
        };
    }

    /// <summary>
    /// Checks the options against <paramref name="plant"/>'s state and input counts.
    /// </summary>
    /// <exception cref="ArgumentException">A field is invalid; the message names the field, the value and the fix.</exception>
    public void Validate(IPlant plant)
    {
        ArgumentNullException.ThrowIfNull(plant);
        string who = $"SimHardware for plant '{plant.TypeName}'";
        if (Name is { Length: > 0 } name && name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
        {
            throw new ArgumentException($"{who}: Name (name) = '{name}' must be lower_snake (a-z, 0-9, _); rename it, e.g. 'sim_{plant.TypeName}'.", nameof(Name));
        }

        if (!double.IsFinite(IntegrationStepSeconds) || IntegrationStepSeconds < 0 || IntegrationStepSeconds > 10.0)
        {
            throw new ArgumentException($"{who}: IntegrationStepSeconds (integration_step_s) = {Format(IntegrationStepSeconds)} is outside [0, 10] s; use 0 for the Read period or a step such as 0.001.", nameof(IntegrationStepSeconds));
        }

        if (IntegrationStepSeconds > 0 && IntegrationStepSeconds < 1e-9)
        {
            throw new ArgumentException($"{who}: IntegrationStepSeconds (integration_step_s) = {Format(IntegrationStepSeconds)} is below 1 ns; use 0 for the Read period or at least 1e-9 s.", nameof(IntegrationStepSeconds));
        }

        if (SensorDelayTicks < 0 || SensorDelayTicks > MaxSensorDelayTicks)
        {
            throw new ArgumentException($"{who}: SensorDelayTicks (sensor_delay_ticks) = {SensorDelayTicks} is outside [0, {MaxSensorDelayTicks}]; use 0 for no delay.", nameof(SensorDelayTicks));
        }

        string states = string.Join(", ", plant.StateNames);
        string inputs = string.Join(", ", plant.InputNames);
        CheckList(who, SensorNoiseStd, nameof(SensorNoiseStd), "sensor_noise_std", plant.StateSize, $"states ({states})", 0.0, "a standard deviation >= 0");
        CheckList(who, Quantization, nameof(Quantization), "quantization", plant.StateSize, $"states ({states})", 0.0, "a step >= 0 (0 = none)");
        CheckList(who, CommandMin, nameof(CommandMin), "command_min", plant.InputSize, $"inputs ({inputs})", double.NegativeInfinity, "a lower limit");
        CheckList(who, CommandMax, nameof(CommandMax), "command_max", plant.InputSize, $"inputs ({inputs})", double.NegativeInfinity, "an upper limit");
        CheckList(who, SafeCommand, nameof(SafeCommand), "safe_command", plant.InputSize, $"inputs ({inputs})", double.NegativeInfinity, "a finite command");

        for (int i = 0; i < plant.InputSize; i++)
        {
            double lo = Lower(i), hi = Upper(i);
            if (lo > hi)
            {
                throw new ArgumentException($"{who}: command_min[{i}] = {Format(lo)} is above command_max[{i}] = {Format(hi)} for input '{plant.InputNames[i]}'; swap them or widen the range.", nameof(CommandMin));
            }

            double safe = SafeValue(i);
            if (!double.IsFinite(safe) || safe < lo || safe > hi)
            {
                throw new ArgumentException($"{who}: safe_command[{i}] = {Format(safe)} for input '{plant.InputNames[i]}' is outside the actuator limits [{Format(lo)}, {Format(hi)}]; choose a safe command within them.", nameof(SafeCommand));
            }
        }
    }

    internal double Lower(int i) => CommandMin is { Count: > 0 } l ? l[i] : double.NegativeInfinity;

    internal double Upper(int i) => CommandMax is { Count: > 0 } l ? l[i] : double.PositiveInfinity;

    internal double SafeValue(int i) => SafeCommand is { Count: > 0 } l ? l[i] : 0.0;

    internal static double ValueOrZero(IReadOnlyList<double>? list, int i) => list is { Count: > 0 } l ? l[i] : 0.0;

    private static void CheckList(string who, IReadOnlyList<double>? values, string property, string parameter, int expected,
        string what, double minimum, string meaning)
    {
        if (values is null || values.Count == 0) return;
        if (values.Count != expected)
        {
            throw new ArgumentException($"{who}: {property} ({parameter}) has {values.Count} values but the plant has {expected} {what}; give one value per entry, or leave it empty.", property);
        }

        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            bool finiteRequired = minimum >= 0 || parameter == "safe_command";
            if (double.IsNaN(v) || (finiteRequired && !double.IsFinite(v)) || v < minimum)
            {
                throw new ArgumentException($"{who}: {property} ({parameter})[{i}] = {Format(v)} is invalid; it must be {meaning}.", property);
            }
        }
    }

    private static IReadOnlyList<double>? ArrayOrNull(ReadOnlySpan<double> values) => values.Length == 0 ? null : values.ToArray();

    private static string Format(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
