using System.Globalization;
using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>Validates typed plant parameter records against the plants' parameter descriptors.</summary>
internal static class PlantParameterGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is finite and valid for the descriptor named <paramref name="name"/>.</summary>
    public static void Check(string plantType, IReadOnlyList<ParameterDescriptor> descriptors, string name, string propertyName, double value)
    {
        ParameterDescriptor? descriptor = null;
        for (int i = 0; i < descriptors.Count; i++)
        {
            if (descriptors[i].Name == name)
            {
                descriptor = descriptors[i];
                break;
            }
        }

        if (descriptor is null)
        {
            throw new InvalidOperationException($"{plantType}: no descriptor named '{name}' (internal error).");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException(
                $"{plantType}: parameter '{name}' ({propertyName}) = {value.ToString("R", CultureInfo.InvariantCulture)} is not a finite number; " +
                $"set a finite value{(descriptor.RangeText().Length > 0 ? " within " + descriptor.RangeText() : "")} (default {descriptor.DefaultValue}).",
                propertyName);
        }

        var check = descriptor.Validate(ParameterValue.FromDouble(value));
        if (!check.IsValid)
        {
            throw new ArgumentException($"{plantType}: {check.Message} (property {propertyName}, default {descriptor.DefaultValue}).", propertyName);
        }
    }

    /// <summary>Clamps <paramref name="value"/> to [-<paramref name="limit"/>, <paramref name="limit"/>]; a limit of 0 means no limit.</summary>
    public static double SaturateSymmetric(double value, double limit) =>
        limit > 0 ? Math.Clamp(value, -limit, limit) : value;
}
