using Robotics.Core.Parameters;
using Rcl = Robotics.Ros.Interfaces.RclInterfaces;

namespace Robotics.Nodes.Parameters;

/// <summary>Conversions between Core parameters and <c>rcl_interfaces</c> messages (what <c>ros2 param</c> sends and shows).</summary>
public static class RosParameterConversions
{
    /// <summary>rcl_interfaces ParameterType of a Core type (BOOL=1, INTEGER=2, DOUBLE=3, STRING=4, DOUBLE_ARRAY=8).</summary>
    /// <param name="type">The Core type.</param>
    /// <returns>The rcl type id.</returns>
    public static byte ToRosType(ParameterType type) => type switch
    {
        ParameterType.Bool => 1,
        ParameterType.Integer => 2,
        ParameterType.Double => 3,
        ParameterType.String => 4,
        ParameterType.DoubleArray => 8,
        _ => 0,
    };

    /// <summary>A Core value as an rcl_interfaces ParameterValue.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The message.</returns>
    public static Rcl.ParameterValue ToRos(ParameterValue value)
    {
        var m = new Rcl.ParameterValue { Type = ToRosType(value.Type) };
        switch (value.Type)
        {
            case ParameterType.Bool: m.BoolValue = value.AsBool(); break;
            case ParameterType.Integer: m.IntegerValue = value.AsInteger(); break;
            case ParameterType.Double: m.DoubleValue = value.AsDouble(); break;
            case ParameterType.String: m.StringValue = value.AsString(); break;
            case ParameterType.DoubleArray: m.DoubleArrayValue = value.AsDoubleArray().ToArray(); break;
        }

        return m;
    }

    /// <summary>An rcl_interfaces ParameterValue as a Core value.</summary>
    /// <param name="value">The message.</param>
    /// <param name="result">The value.</param>
    /// <param name="error">Why it cannot be converted (NOT_SET, or an array type the service does not use).</param>
    /// <returns>True on success.</returns>
    public static bool TryFromRos(Rcl.ParameterValue value, out ParameterValue result, out string error)
    {
        ArgumentNullException.ThrowIfNull(value);
        error = "";
        switch (value.Type)
        {
            case 1: result = ParameterValue.FromBool(value.BoolValue); return true;
            case 2: result = ParameterValue.FromInteger(value.IntegerValue); return true;
            case 3: result = ParameterValue.FromDouble(value.DoubleValue); return true;
            case 4: result = ParameterValue.FromString(value.StringValue ?? ""); return true;
            case 7:
                var d = new double[value.IntegerArrayValue.Length];
                for (int i = 0; i < d.Length; i++) d[i] = value.IntegerArrayValue[i];
                result = ParameterValue.FromDoubleArray(d);
                return true;
            case 8: result = ParameterValue.FromDoubleArray(value.DoubleArrayValue); return true;
            case 0:
                result = default;
                error = "the value is NOT_SET (an undeclare request); declared parameters cannot be removed";
                return false;
            default:
                result = default;
                error = $"parameter type {value.Type} (byte, bool or string arrays) is not used by this node; give a bool, integer, double, string or double array";
                return false;
        }
    }

    /// <summary>A Core descriptor as an rcl_interfaces ParameterDescriptor (unit in the description, range as FloatingPointRange/IntegerRange).</summary>
    /// <param name="d">The descriptor.</param>
    /// <returns>The message.</returns>
    public static Rcl.ParameterDescriptor ToRos(ParameterDescriptor d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var m = new Rcl.ParameterDescriptor
        {
            Name = d.Name,
            Type = ToRosType(d.Type),
            Description = d.Unit.Length > 0 ? $"{d.Description} [{d.Unit}]" : d.Description,
            AdditionalConstraints = d.RangeText().Length > 0 ? "range " + d.RangeText() : "",
            ReadOnly = d.ReadOnly,
        };
        if (d.Minimum is not null || d.Maximum is not null)
        {
            if (d.Type is ParameterType.Double)
            {
                m.FloatingPointRange = [new Rcl.FloatingPointRange { FromValue = d.Minimum ?? double.MinValue, ToValue = d.Maximum ?? double.MaxValue }];
            }
            else if (d.Type is ParameterType.Integer)
            {
                m.IntegerRange = [new Rcl.IntegerRange { FromValue = (long)(d.Minimum ?? long.MinValue), ToValue = (long)(d.Maximum ?? long.MaxValue), Step = 1 }];
            }
        }

        return m;
    }
}
