using Robotics.Control.Stl;

namespace Robotics.Control.Tests.Stl;

public sealed class StlParserTests
{
    [Theory]
    [InlineData("a >= 0 and b >= 0 or c >= 0", "((a >= 0) and (b >= 0)) or (c >= 0)")]
    [InlineData("a >= 0 -> b >= 0 -> c >= 0", "(a >= 0) implies ((b >= 0) implies (c >= 0))")]
    [InlineData("not a >= 0 and b >= 0", "(not (a >= 0)) and (b >= 0)")]
    [InlineData("G[0:1] a >= 0 and F(b >= 0)", "(always[0:1](a >= 0)) and (eventually(b >= 0))")]
    [InlineData("eventually[0:inf] b >= 0", "eventually(b >= 0)")]
    [InlineData("a >= 0 until[0:2] b >= 0 and c >= 0", "((a >= 0) until[0:2] (b >= 0)) and (c >= 0)")]
    [InlineData("(a + b) * 2 >= 1", "((a + b) * 2) >= 1")]
    [InlineData("(a >= 0)", "a >= 0")]
    [InlineData("always[1s:2.5s](abs(v) <= 3)", "always[1:2.5](abs(v) <= 3)")]
    [InlineData("historically[0:10 steps](x > 0)", "historically[0:10 steps](x > 0)")]
    public void Precedence_and_syntax_variants_parse_as_expected(string text, string canonical)
    {
        var spec = StlSpecification.Parse(text);
        Assert.Equal(canonical, spec.ToString());
        Assert.Equal(canonical, StlSpecification.Parse(spec.ToString()).ToString());
    }

    [Fact]
    public void Rtamt_style_declarations_constants_and_definitions_are_understood()
    {
        var spec = StlSpecification.Parse("""
            # distance keeping
            input float gap, speed
            const float min_gap = 1.5
            safe = gap >= min_gap
            slow = speed <= 2;
            always[0:10](safe or slow)
            """);
        Assert.Equal(["gap", "speed"], spec.Signals);
        Assert.Equal("always[0:10]((gap >= 1.5) or (speed <= 2))", spec.ToString());
    }

    [Theory]
    [InlineData("input float x\nalways(y >= 0)", 2, 8, "unknown signal 'y'")]
    [InlineData("always[2:1](x >= 0)", 1, 7, "reversed interval")]
    [InlineData("always[](x >= 0)", 1, 7, "empty interval")]
    [InlineData("always[0:1 min](x >= 0)", 1, 12, "unknown time unit 'min'")]
    [InlineData("x >= 0 and (y <= 1", 1, 19, "expected ')'")]
    [InlineData("x >=", 1, 5, "expected a signal, a number or '('")]
    [InlineData("x + 1", 1, 6, "expected a comparison")]
    [InlineData("until = x >= 0", 1, 1, "keyword")]
    [InlineData("always[-1:2](x >= 0)", 1, 8, "cannot be negative")]
    [InlineData("x >= 0 y <= 1", 1, 8, "expected an operator")]
    [InlineData("x >= $", 1, 6, "unexpected character '$'")]
    public void Bad_specifications_point_at_line_and_column(string text, int line, int column, string fragment)
    {
        var e = Assert.Throws<StlParseException>(() => StlSpecification.Parse(text, "spec.stl"));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(fragment, e.Message);
        Assert.StartsWith($"spec.stl:{line}:{column}: ", e.Message);
    }

    [Fact]
    public void Formulas_can_wrap_over_lines_after_an_operator()
    {
        var spec = StlSpecification.Parse("always[0:5](x >= 0 and\n  y >= 0)\n");
        Assert.Equal("always[0:5]((x >= 0) and (y >= 0))", spec.ToString());
    }
}
