using Robotics.Core.Parameters;

namespace Robotics.Core.Tests;

public sealed class ParameterTests
{
    private static readonly ParameterDescriptor Stiffness =
        ParameterDescriptor.Double("stiffness_n_m", 10.0, "N/m", "spring constant", minimum: 0.0, maximum: 1000.0);

    [Fact]
    public void OutOfRange_MessageNamesParameterValueAndRange()
    {
        var result = Stiffness.Validate(ParameterValue.FromDouble(-3.5));
        Assert.False(result.IsValid);
        Assert.Contains("'stiffness_n_m'", result.Message);
        Assert.Contains("-3.5", result.Message);
        Assert.Contains("[0, 1000] N/m", result.Message);
    }

    [Fact]
    public void Integer_IsWidenedForDoubleParameters()
    {
        var result = Stiffness.Validate(ParameterValue.FromInteger(20));
        Assert.True(result.IsValid);
        Assert.Equal(ParameterType.Double, result.Value.Type);
        Assert.Equal(20.0, result.Value.AsDouble());
    }

    [Fact]
    public void WrongType_IsRejected()
    {
        var result = Stiffness.Validate(ParameterValue.FromString("stiff"));
        Assert.False(result.IsValid);
        Assert.Contains("must be of type double", result.Message);
    }

    [Fact]
    public void NaN_IsRejected() => Assert.False(Stiffness.Validate(ParameterValue.FromDouble(double.NaN)).IsValid);

    [Fact]
    public void ArrayLengthAndElementRange_AreChecked()
    {
        var d = ParameterDescriptor.DoubleArray("q_diagonal", [1, 1], "", "state weights", length: 2, minimum: 0);
        Assert.Contains("must have 2 elements", d.Validate(ParameterValue.FromDoubleArray([1, 2, 3])).Message);
        Assert.Contains("'q_diagonal[1]' = -1", d.Validate(ParameterValue.FromDoubleArray([1, -1])).Message);
        Assert.True(d.Validate(ParameterValue.FromDoubleArray([0, 5])).IsValid);
    }

    [Fact]
    public void InvalidDefault_IsRejectedAtDeclaration() =>
        Assert.Throws<ArgumentException>(() => ParameterDescriptor.Double("kp", -1, "", "gain", minimum: 0));

    [Fact]
    public void ParameterSet_SetsValidatesAndRefusesReadOnlyAfterStartUp()
    {
        var set = new ParameterSet([Stiffness, ParameterDescriptor.Integer("rate_hz", 100, "Hz", "loop rate", 1, 10_000, readOnly: true)]);
        Assert.Equal(10.0, set.GetDouble("stiffness_n_m"));
        set.Set("stiffness_n_m", ParameterValue.FromDouble(25));
        Assert.Equal(25.0, set.GetDouble("stiffness_n_m"));
        Assert.False(set.TrySet("stiffness_n_m", ParameterValue.FromDouble(5000)).IsValid);
        Assert.Equal(25.0, set.GetDouble("stiffness_n_m")); // a rejected value is not applied
        Assert.True(set.TrySet("rate_hz", ParameterValue.FromInteger(200), initial: true).IsValid);
        var readOnly = set.TrySet("rate_hz", ParameterValue.FromInteger(300), initial: false);
        Assert.False(readOnly.IsValid);
        Assert.Contains("read-only", readOnly.Message);
        Assert.Equal(200, set.GetInteger("rate_hz"));
    }

    [Fact]
    public void ParameterSet_UnknownName_ListsKnownNames()
    {
        var set = new ParameterSet([Stiffness]);
        var result = set.TrySet("stifness_n_m", ParameterValue.FromDouble(1));
        Assert.False(result.IsValid);
        Assert.Contains("unknown parameter 'stifness_n_m'", result.Message);
        Assert.Contains("stiffness_n_m", result.Message);
        Assert.Throws<ArgumentException>(() => new ParameterSet([Stiffness, Stiffness]));
    }

    [Fact]
    public void ParameterValue_EqualityAndText()
    {
        Assert.Equal(ParameterValue.FromDoubleArray([1, 2]), ParameterValue.FromDoubleArray([1, 2]));
        Assert.NotEqual(ParameterValue.FromInteger(1), ParameterValue.FromDouble(1));
        Assert.Equal("[1, 2.5]", ParameterValue.FromDoubleArray([1, 2.5]).ToString());
        Assert.Equal("true", ParameterValue.FromBool(true).ToString());
    }

    [Fact]
    public void NumbersInTexts_UseLowercaseExponentsAndInf()
    {
        var d = ParameterDescriptor.Double("mass_kg", 1, "kg", "mass", minimum: 1e-6);
        Assert.Equal("[1e-06, +inf] kg", d.RangeText());
        Assert.Equal("-inf", ParameterValue.FromDouble(double.NegativeInfinity).ToString());
        Assert.Equal("[inf, 0.5]", ParameterValue.FromDoubleArray([double.PositiveInfinity, 0.5]).ToString());
    }
}
