using Robotics.Launch.Expressions;

namespace Robotics.Launch.Tests;

public sealed class EvalExpressionTests
{
    // Expected strings printed by tests/golden/launch_eval_cases.py (Python's eval + str(), as ros2 launch's $(eval)).
    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("2 * 0.5 + 1", "2.0")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 // 2", "3")]
    [InlineData("-7 // 2", "-4")]
    [InlineData("-7 % 3", "2")]
    [InlineData("7 % -3", "-2")]
    [InlineData("2 ** 10", "1024")]
    [InlineData("-2 ** 2", "-4")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1e-5", "1e-05")]
    [InlineData("123456789.0 * 10", "1234567890.0")]
    [InlineData("1 / 3", "0.3333333333333333")]
    [InlineData("2.5e-4", "0.00025")]
    [InlineData("10 ** 15 * 1.0", "1000000000000000.0")]
    [InlineData("'sim' == 'sim'", "True")]
    [InlineData("'sim' != 'sim'", "False")]
    [InlineData("1 < 2 < 3", "True")]
    [InlineData("3 > 2 > 2", "False")]
    [InlineData("'a' + 'b'", "ab")]
    [InlineData("1 if 2 > 1 else 0", "1")]
    [InlineData("not 0", "True")]
    [InlineData("0 or 'x'", "x")]
    [InlineData("1 and 0", "0")]
    [InlineData("sqrt(16)", "4.0")]
    [InlineData("pi", "3.141592653589793")]
    [InlineData("math.pi", "3.141592653589793")]
    [InlineData("round(2.5)", "2")]
    [InlineData("round(3.5)", "4")]
    [InlineData("max(1, 2.5)", "2.5")]
    [InlineData("min(3, 1, 2)", "1")]
    [InlineData("abs(-4)", "4")]
    [InlineData("int('42') + 1", "43")]
    [InlineData("float('1.5') * 2", "3.0")]
    [InlineData("str(3) + 'x'", "3x")]
    [InlineData("'ab' in 'cab'", "True")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("2 * 3 ** 2", "18")]
    [InlineData("1000 * 0.001", "1.0")]
    [InlineData("cos(0)", "1.0")]
    [InlineData("degrees(pi)", "180.0")]
    [InlineData("floor(-2.5)", "-3")]
    [InlineData("ceil(2.1)", "3")]
    [InlineData("True and False", "False")]
    [InlineData("1 == 1.0", "True")]
    [InlineData("'b' > 'a'", "True")]
    [InlineData("atan2(1, 1) * 4", "3.141592653589793")]
    public void Evaluate_MatchesPython(string expression, string expected)
    {
        Assert.Equal(expected, EvalExpression.Evaluate(expression));
    }

    [Theory]
    [InlineData("true", "True/False")]
    [InlineData("__import__('os')", "unknown function")]
    [InlineData("open('x')", "unknown function")]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("1 +", "unexpected")]
    [InlineData("'abc", "unterminated string")]
    [InlineData("'a' - 1", "not defined for str and int")]
    [InlineData("", "empty")]
    public void Evaluate_Invalid_ThrowsNamingTheProblem(string expression, string expectedFragment)
    {
        var e = Assert.Throws<FormatException>(() => EvalExpression.Evaluate(expression));
        Assert.Contains(expectedFragment, e.Message, StringComparison.Ordinal);
    }
}
