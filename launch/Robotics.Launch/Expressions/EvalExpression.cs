using System.Globalization;
using System.Text;

namespace Robotics.Launch.Expressions;

/// <summary>
/// The safe evaluator behind <c>$(eval …)</c>: a small subset of Python expressions, evaluated without any access to
/// the process, files or reflection, with Python's results and formatting (<c>str()</c> of the value).
/// </summary>
/// <remarks>
/// Supported: int and float literals, strings in <c>'…'</c> or <c>"…"</c>, <c>True</c>/<c>False</c>; arithmetic
/// <c>+ - * / // % **</c> (Python semantics: <c>/</c> is true division, <c>//</c> and <c>%</c> floor towards −∞);
/// comparisons <c>== != &lt; &lt;= &gt; &gt;=</c> (chained), <c>in</c>/<c>not in</c> on strings; <c>and</c>, <c>or</c>,
/// <c>not</c>; <c>a if c else b</c>; parentheses; the functions <c>abs min max round int float str bool len</c> and the
/// names of Python's <c>math</c> module that ros2 launch exposes (<c>pi e inf tau sqrt sin cos tan asin acos atan
/// atan2 exp log log10 floor ceil radians degrees fabs pow hypot</c>), also as <c>math.name</c>. Launch booleans are
/// strings (<c>true</c>), so compare them as strings: <c>$(eval "'$(var mode)' == 'sim'")</c>.
/// </remarks>
public static class EvalExpression
{
    /// <summary>Evaluates an expression and formats the result as Python's <c>str()</c> would.</summary>
    /// <param name="expression">The expression, e.g. <c>2 * 0.5 + 1</c>.</param>
    /// <returns>The result text, e.g. <c>2.0</c>.</returns>
    /// <exception cref="FormatException">The expression is malformed, uses an unknown name or mixes incompatible types; the message says which and where.</exception>
    public static string Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new Parser(expression);
        object value = parser.ParseAll();
        return Format(value);
    }

    /// <summary>Formats a value as Python's <c>str()</c>.</summary>
    internal static string Format(object value) => value switch
    {
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatFloat(d),
        string s => s,
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    internal static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsPositiveInfinity(d)) return "inf";
        if (double.IsNegativeInfinity(d)) return "-inf";
        if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
        // Shortest round-trip digits: take "R" and normalise into digits + exponent.
        string shortest = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent;
        int ePos = shortest.IndexOfAny(['E', 'e']);
        string mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        int expPart = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        string fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        string all = (intPart + fracPart).TrimStart('0');
        int leadingZerosRemoved = (intPart + fracPart).Length - all.Length;
        exponent = intPart.Length - 1 - leadingZerosRemoved + expPart;
        digits = all.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var sb = new StringBuilder();
        if (d < 0) sb.Append('-');
        if (exponent >= -4 && exponent < 16)
        {
            if (exponent >= 0)
            {
                string ip = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                string fp = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                sb.Append(ip).Append('.').Append(fp);
            }
            else
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private enum TokenKind
    {
        Number,
        String,
        Name,
        Operator,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position, object? Value);

    private sealed class Parser
    {
        private static readonly string[] Operators =
            ["**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "<", ">", "(", ")", ",", "."];

        private readonly string text;
        private readonly List<Token> tokens = [];
        private int pos;

        public Parser(string text)
        {
            this.text = text;
            Tokenize();
        }

        private Token Current => tokens[pos];

        public object ParseAll()
        {
            if (Current.Kind == TokenKind.End) throw Error("the expression is empty", 0);
            object v = ParseTernary();
            if (Current.Kind != TokenKind.End) throw Error($"unexpected '{Current.Text}'", Current.Position);
            return v;
        }

        private FormatException Error(string message, int position) =>
            new($"$(eval '{text}'): {message} at column {position + 1}. $(eval) accepts Python arithmetic, comparisons, and/or/not, 'a if c else b', strings in quotes, True/False and math functions.");

        private void Tokenize()
        {
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
                {
                    int start = i;
                    bool isFloat = false;
                    while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
                    if (i < text.Length && text[i] == '.')
                    {
                        isFloat = true;
                        i++;
                        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                    }

                    if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
                    {
                        int save = i;
                        i++;
                        if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
                        if (i < text.Length && char.IsAsciiDigit(text[i]))
                        {
                            isFloat = true;
                            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                        }
                        else
                        {
                            i = save;
                        }
                    }

                    string num = text[start..i].Replace("_", string.Empty, StringComparison.Ordinal);
                    object value = isFloat
                        ? (object)double.Parse(num, NumberStyles.Float, CultureInfo.InvariantCulture)
                        : long.TryParse(num, NumberStyles.None, CultureInfo.InvariantCulture, out long l)
                            ? (object)l
                            : throw Error($"integer '{num}' is too large", start);
                    tokens.Add(new Token(TokenKind.Number, num, start, value));
                    continue;
                }

                if (c is '\'' or '"')
                {
                    int start = i++;
                    var sb = new StringBuilder();
                    while (i < text.Length && text[i] != c)
                    {
                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            char n = text[i + 1];
                            sb.Append(n switch { 'n' => '\n', 't' => '\t', _ => n });
                            i += 2;
                            continue;
                        }

                        sb.Append(text[i++]);
                    }

                    if (i >= text.Length) throw Error("unterminated string", start);
                    i++;
                    tokens.Add(new Token(TokenKind.String, text[start..i], start, sb.ToString()));
                    continue;
                }

                if (char.IsAsciiLetter(c) || c == '_')
                {
                    int start = i;
                    while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                    tokens.Add(new Token(TokenKind.Name, text[start..i], start, null));
                    continue;
                }

                string? op = null;
                foreach (string o in Operators)
                {
                    if (string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    {
                        op = o;
                        break;
                    }
                }

                if (op is null) throw Error($"unexpected character '{c}'", i);
                tokens.Add(new Token(TokenKind.Operator, op, i, null));
                i += op.Length;
            }

            tokens.Add(new Token(TokenKind.End, "end of expression", text.Length, null));
        }

        private bool IsOp(string op) => Current.Kind == TokenKind.Operator && Current.Text == op;

        private bool IsName(string name) => Current.Kind == TokenKind.Name && Current.Text == name;

        private void Expect(string op)
        {
            if (!IsOp(op)) throw Error($"expected '{op}' but found '{Current.Text}'", Current.Position);
            pos++;
        }

        private object ParseTernary()
        {
            object whenTrue = ParseOr();
            if (!IsName("if")) return whenTrue;
            pos++;
            object condition = ParseOr();
            if (!IsName("else")) throw Error($"expected 'else' but found '{Current.Text}'", Current.Position);
            pos++;
            object whenFalse = ParseTernary();
            return Truthy(condition) ? whenTrue : whenFalse;
        }

        private object ParseOr()
        {
            object left = ParseAnd();
            while (IsName("or"))
            {
                pos++;
                object right = ParseAnd();
                left = Truthy(left) ? left : right;
            }

            return left;
        }

        private object ParseAnd()
        {
            object left = ParseNot();
            while (IsName("and"))
            {
                pos++;
                object right = ParseNot();
                left = Truthy(left) ? right : left;
            }

            return left;
        }

        private object ParseNot()
        {
            if (IsName("not"))
            {
                pos++;
                return !Truthy(ParseNot());
            }

            return ParseComparison();
        }

        private object ParseComparison()
        {
            object left = ParseAdditive();
            bool result = true;
            bool any = false;
            while (true)
            {
                string? op = null;
                int at = Current.Position;
                if (Current.Kind == TokenKind.Operator && Current.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
                {
                    op = Current.Text;
                    pos++;
                }
                else if (IsName("in"))
                {
                    op = "in";
                    pos++;
                }
                else if (IsName("not") && pos + 1 < tokens.Count && tokens[pos + 1].Kind == TokenKind.Name && tokens[pos + 1].Text == "in")
                {
                    op = "not in";
                    pos += 2;
                }

                if (op is null) break;
                object right = ParseAdditive();
                result &= Compare(op, left, right, at);
                any = true;
                left = right;
            }

            return any ? result : left;
        }

        private bool Compare(string op, object a, object b, int at)
        {
            if (op is "in" or "not in")
            {
                if (a is string needle && b is string hay)
                {
                    bool found = hay.Contains(needle, StringComparison.Ordinal);
                    return op == "in" ? found : !found;
                }

                throw Error($"'{op}' needs two strings, found {TypeName(a)} and {TypeName(b)}", at);
            }

            if (IsNumeric(a) && IsNumeric(b))
            {
                if (a is not double && b is not double)
                {
                    long x = ToLong(a), y = ToLong(b);
                    return op switch { "==" => x == y, "!=" => x != y, "<" => x < y, "<=" => x <= y, ">" => x > y, _ => x >= y };
                }

                double p = ToDouble(a), q = ToDouble(b);
                return op switch { "==" => p == q, "!=" => p != q, "<" => p < q, "<=" => p <= q, ">" => p > q, _ => p >= q };
            }

            if (a is string s && b is string t)
            {
                int c = string.CompareOrdinal(s, t);
                return op switch { "==" => c == 0, "!=" => c != 0, "<" => c < 0, "<=" => c <= 0, ">" => c > 0, _ => c >= 0 };
            }

            return op switch
            {
                "==" => false,
                "!=" => true,
                _ => throw Error($"'{op}' cannot compare {TypeName(a)} with {TypeName(b)}", at),
            };
        }

        private object ParseAdditive()
        {
            object left = ParseTerm();
            while (IsOp("+") || IsOp("-"))
            {
                Token op = Current;
                pos++;
                object right = ParseTerm();
                left = Arithmetic(op.Text, left, right, op.Position);
            }

            return left;
        }

        private object ParseTerm()
        {
            object left = ParseUnary();
            while (IsOp("*") || IsOp("/") || IsOp("//") || IsOp("%"))
            {
                Token op = Current;
                pos++;
                object right = ParseUnary();
                left = Arithmetic(op.Text, left, right, op.Position);
            }

            return left;
        }

        private object ParseUnary()
        {
            if (IsOp("-") || IsOp("+"))
            {
                Token op = Current;
                pos++;
                object v = ParseUnary();
                if (!IsNumeric(v)) throw Error($"unary '{op.Text}' needs a number, found {TypeName(v)}", op.Position);
                if (op.Text == "+") return v is bool ? ToLong(v) : v;
                return v is double d ? (object)(-d) : (object)checked(-ToLong(v));
            }

            return ParsePower();
        }

        private object ParsePower()
        {
            object b = ParsePrimary();
            if (IsOp("**"))
            {
                Token op = Current;
                pos++;
                object e = ParseUnary();
                return Arithmetic("**", b, e, op.Position);
            }

            return b;
        }

        private object ParsePrimary()
        {
            Token t = Current;
            switch (t.Kind)
            {
                case TokenKind.Number:
                case TokenKind.String:
                    pos++;
                    return t.Value!;
                case TokenKind.Operator when t.Text == "(":
                    {
                        pos++;
                        object v = ParseTernary();
                        Expect(")");
                        return v;
                    }

                case TokenKind.Name:
                    {
                        pos++;
                        string name = t.Text;
                        if (name == "math" && IsOp("."))
                        {
                            pos++;
                            if (Current.Kind != TokenKind.Name) throw Error("expected a name after 'math.'", Current.Position);
                            name = Current.Text;
                            pos++;
                        }

                        if (IsOp("("))
                        {
                            pos++;
                            var args = new List<object>();
                            if (!IsOp(")"))
                            {
                                args.Add(ParseTernary());
                                while (IsOp(","))
                                {
                                    pos++;
                                    args.Add(ParseTernary());
                                }
                            }

                            Expect(")");
                            return Call(name, args, t.Position);
                        }

                        return name switch
                        {
                            "True" => true,
                            "False" => false,
                            "pi" => Math.PI,
                            "e" => Math.E,
                            "tau" => Math.Tau,
                            "inf" => double.PositiveInfinity,
                            "nan" => double.NaN,
                            "true" or "false" => throw Error($"'{name}' is not a Python name (launch booleans are strings: compare '$(var x)' == 'true', or use True/False)", t.Position),
                            _ => throw Error($"unknown name '{name}'", t.Position),
                        };
                    }

                default:
                    throw Error($"unexpected '{t.Text}'", t.Position);
            }
        }

        private object Call(string name, List<object> args, int at)
        {
            void Arity(int min, int max)
            {
                if (args.Count < min || args.Count > max)
                {
                    throw Error($"{name}() takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} to {max}")} argument(s), got {args.Count}", at);
                }
            }

            double D(int i) => IsNumeric(args[i]) ? ToDouble(args[i]) : throw Error($"{name}() needs numbers, found {TypeName(args[i])}", at);

            switch (name)
            {
                case "abs":
                    Arity(1, 1);
                    return args[0] is double ad ? (object)Math.Abs(ad) : IsNumeric(args[0]) ? (object)Math.Abs(ToLong(args[0])) : throw Error($"abs() needs a number, found {TypeName(args[0])}", at);
                case "min" or "max":
                    {
                        if (args.Count < 1) throw Error($"{name}() needs at least one argument", at);
                        object best = args[0];
                        for (int i = 1; i < args.Count; i++)
                        {
                            bool less = Compare("<", args[i], best, at);
                            if (name == "min" ? less : Compare(">", args[i], best, at)) best = args[i];
                        }

                        return best;
                    }

                case "round":
                    {
                        Arity(1, 2);
                        if (args.Count == 1) return args[0] is double rd ? (long)Math.Round(rd, MidpointRounding.ToEven) : ToLong(args[0]);
                        int digits = (int)ToLong(args[1]);
                        return args[0] is double r2 ? (object)Math.Round(r2, Math.Clamp(digits, 0, 15), MidpointRounding.ToEven) : (object)ToLong(args[0]);
                    }

                case "int":
                    Arity(1, 1);
                    return args[0] switch
                    {
                        string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) => v,
                        string s => throw Error($"int() cannot convert '{s}'", at),
                        double d => double.IsFinite(d) ? (long)Math.Truncate(d) : throw Error("int() of a non-finite float", at),
                        _ => ToLong(args[0]),
                    };
                case "float":
                    Arity(1, 1);
                    return args[0] switch
                    {
                        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) => v,
                        string s => throw Error($"float() cannot convert '{s}'", at),
                        _ => ToDouble(args[0]),
                    };
                case "str":
                    Arity(1, 1);
                    return Format(args[0]);
                case "bool":
                    Arity(1, 1);
                    return Truthy(args[0]);
                case "len":
                    Arity(1, 1);
                    return args[0] is string ls ? (long)ls.Length : throw Error($"len() needs a string, found {TypeName(args[0])}", at);
                case "sqrt":
                    Arity(1, 1);
                    return D(0) >= 0 ? Math.Sqrt(D(0)) : throw Error("sqrt() of a negative number (math domain error)", at);
                case "sin": Arity(1, 1); return Math.Sin(D(0));
                case "cos": Arity(1, 1); return Math.Cos(D(0));
                case "tan": Arity(1, 1); return Math.Tan(D(0));
                case "asin": Arity(1, 1); return Math.Asin(D(0));
                case "acos": Arity(1, 1); return Math.Acos(D(0));
                case "atan": Arity(1, 1); return Math.Atan(D(0));
                case "atan2": Arity(2, 2); return Math.Atan2(D(0), D(1));
                case "exp": Arity(1, 1); return Math.Exp(D(0));
                case "log":
                    Arity(1, 2);
                    if (D(0) <= 0) throw Error("log() of a number <= 0 (math domain error)", at);
                    return args.Count == 1 ? Math.Log(D(0)) : Math.Log(D(0)) / Math.Log(D(1));
                case "log10": Arity(1, 1); return D(0) > 0 ? Math.Log10(D(0)) : throw Error("log10() of a number <= 0 (math domain error)", at);
                case "floor": Arity(1, 1); return args[0] is double fd ? (long)Math.Floor(fd) : ToLong(args[0]);
                case "ceil": Arity(1, 1); return args[0] is double cd ? (long)Math.Ceiling(cd) : ToLong(args[0]);
                case "radians": Arity(1, 1); return D(0) * (Math.PI / 180.0);
                case "degrees": Arity(1, 1); return D(0) * (180.0 / Math.PI);
                case "fabs": Arity(1, 1); return Math.Abs(D(0));
                case "pow": Arity(2, 2); return Math.Pow(D(0), D(1));
                case "hypot": Arity(2, 2); return Math.Sqrt((D(0) * D(0)) + (D(1) * D(1)));
                default:
                    throw Error($"unknown function '{name}'", at);
            }
        }

        private object Arithmetic(string op, object a, object b, int at)
        {
            if (op == "+" && a is string s1 && b is string s2) return s1 + s2;
            if (op == "*" && a is string rs && IsNumeric(b) && b is not double) return Repeat(rs, ToLong(b));
            if (!IsNumeric(a) || !IsNumeric(b))
            {
                throw Error($"'{op}' is not defined for {TypeName(a)} and {TypeName(b)}", at);
            }

            bool ints = a is not double && b is not double;
            if (ints)
            {
                long x = ToLong(a), y = ToLong(b);
                try
                {
                    switch (op)
                    {
                        case "+": return checked(x + y);
                        case "-": return checked(x - y);
                        case "*": return checked(x * y);
                        case "/":
                            if (y == 0) throw Error("division by zero", at);
                            return (double)x / y;
                        case "//":
                            if (y == 0) throw Error("integer division by zero", at);
                            return FloorDiv(x, y);
                        case "%":
                            if (y == 0) throw Error("integer modulo by zero", at);
                            return x - (y * FloorDiv(x, y));
                        case "**":
                            if (y < 0) return Math.Pow(x, y);
                            long r = 1;
                            for (long i = 0; i < y; i++) r = checked(r * x);
                            return r;
                    }
                }
                catch (OverflowException)
                {
                    throw Error($"integer overflow in '{op}'", at);
                }
            }

            double p = ToDouble(a), q = ToDouble(b);
            switch (op)
            {
                case "+": return p + q;
                case "-": return p - q;
                case "*": return p * q;
                case "/": return q == 0 ? throw Error("float division by zero", at) : p / q;
                case "//": return q == 0 ? throw Error("float floor division by zero", at) : Math.Floor(p / q);
                case "%":
                    if (q == 0) throw Error("float modulo by zero", at);
                    double m = p - (q * Math.Floor(p / q));
                    return m;
                default: return Math.Pow(p, q);
            }
        }

        private string Repeat(string s, long n)
        {
            if (n <= 0) return string.Empty;
            if (n * (long)s.Length > 1_000_000) throw Error("string repetition too long", 0);
            return new StringBuilder().Insert(0, s, (int)n).ToString();
        }

        private static long FloorDiv(long x, long y)
        {
            long q = x / y;
            if ((x % y != 0) && ((x < 0) ^ (y < 0))) q--;
            return q;
        }

        private static bool IsNumeric(object v) => v is long or double or bool;

        private static long ToLong(object v) => v switch { long l => l, bool b => b ? 1 : 0, double d => (long)d, _ => 0 };

        private static double ToDouble(object v) => v switch { double d => d, long l => l, bool b => b ? 1 : 0, _ => double.NaN };

        private static bool Truthy(object v) => v switch
        {
            bool b => b,
            long l => l != 0,
            double d => d != 0,
            string s => s.Length > 0,
            _ => false,
        };

        private static string TypeName(object v) => v switch { bool => "bool", long => "int", double => "float", string => "str", _ => "value" };
    }
}
