namespace Robotics.Control.Stl;

/// <summary>
/// Recursive-descent parser for the specification language (close to RTAMT's discrete-time STL). Precedence, loosest
/// first: iff, implies (right-associative), or, and, until/since, then unary operators (not, always, eventually,
/// historically, once) and predicates.
/// </summary>
internal sealed class StlParser
{
    private static readonly HashSet<string> Keywords =
    [
        "and", "or", "not", "implies", "iff", "always", "eventually", "historically", "once", "until", "since", "true", "false",
        "input", "output", "var", "signal", "const", "in", "out", "inf",
    ];

    private static readonly HashSet<string> DeclarationWords = ["input", "output", "var", "signal", "in", "out"];
    private static readonly HashSet<string> TypeWords = ["float", "double", "int", "real", "bool"];

    private readonly List<StlToken> tokens;
    private readonly string source;
    private readonly Dictionary<string, double> constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StlFormula> definitions = new(StringComparer.Ordinal);
    private readonly HashSet<string> declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StlSignal> signals = new(StringComparer.Ordinal);
    private readonly Dictionary<StlSignal, StlToken> firstUse = [];
    private int position;

    private StlParser(List<StlToken> tokens, string source)
    {
        this.tokens = tokens;
        this.source = source;
    }

    public static (StlFormula Formula, IReadOnlyList<string> Signals) Parse(string text, string source)
    {
        var parser = new StlParser(StlLexer.Tokenize(text, source), source);
        return parser.ParseSpecification();
    }

    private StlToken Current => tokens[position];

    private (StlFormula, IReadOnlyList<string>) ParseSpecification()
    {
        StlFormula? spec = null;
        StlFormula? lastDefinition = null;
        while (Current.Kind != StlTokenKind.End)
        {
            if (Current.Kind == StlTokenKind.Separator)
            {
                position++;
                continue;
            }

            if (Current.Kind == StlTokenKind.Identifier && DeclarationWords.Contains(Current.Text))
            {
                ParseDeclaration();
            }
            else if (Current.Kind == StlTokenKind.Identifier && Current.Text == "const")
            {
                ParseConstant();
            }
            else if (Current.Kind == StlTokenKind.Identifier && Peek(1) is { Kind: StlTokenKind.Symbol, Text: "=" })
            {
                StlToken name = Current;
                CheckNewName(name);
                position += 2;
                lastDefinition = ParseFormula();
                definitions[name.Text] = lastDefinition;
            }
            else
            {
                spec = ParseFormula();
            }

            if (Current.Kind is not (StlTokenKind.Separator or StlTokenKind.End))
            {
                throw Error(Current, $"expected an operator, ';' or the end of the line, found {Current}");
            }
        }

        StlFormula formula = spec ?? lastDefinition
            ?? throw new StlParseException(source, Current.Line, Current.Column,
                "the specification has no formula; write one, e.g. always[0:5](x <= 1)");
        return (formula, BindSignals(formula));
    }

    private IReadOnlyList<string> BindSignals(StlFormula formula)
    {
        var used = new List<StlSignal>();
        foreach (StlFormula node in formula.PostOrder())
        {
            node.Margin?.CollectSignals(used);
        }

        var names = new List<string>();
        foreach (StlSignal s in used)
        {
            if (s.Index >= 0)
            {
                continue;
            }

            if (declared.Count > 0 && !declared.Contains(s.Name))
            {
                StlToken at = firstUse[s];
                throw Error(at, $"unknown signal '{s.Name}': it is not declared (declared: {string.Join(", ", declared.Order(StringComparer.Ordinal))}); " +
                    "declare it with 'input float " + s.Name + "' or fix the name");
            }

            s.Index = names.Count;
            names.Add(s.Name);
        }

        return names;
    }

    private void ParseDeclaration()
    {
        position++;
        if (Current.Kind == StlTokenKind.Identifier && TypeWords.Contains(Current.Text))
        {
            position++;
        }

        while (true)
        {
            StlToken name = Expect(StlTokenKind.Identifier, "a signal name");
            CheckNewName(name);
            declared.Add(name.Text);
            if (Current is { Kind: StlTokenKind.Symbol, Text: ":" })
            {
                position++;
                Expect(StlTokenKind.Identifier, "a type (float, int, bool)");
            }

            if (Current is not { Kind: StlTokenKind.Symbol, Text: "," })
            {
                break;
            }

            position++;
        }
    }

    private void ParseConstant()
    {
        position++;
        if (Current.Kind == StlTokenKind.Identifier && TypeWords.Contains(Current.Text))
        {
            position++;
        }

        StlToken name = Expect(StlTokenKind.Identifier, "a constant name");
        CheckNewName(name);
        ExpectSymbol("=");
        double sign = 1;
        if (Current is { Kind: StlTokenKind.Symbol, Text: "-" })
        {
            sign = -1;
            position++;
        }

        StlToken value = Expect(StlTokenKind.Number, "a number");
        constants[name.Text] = sign * value.Number;
    }

    private void CheckNewName(StlToken name)
    {
        if (Keywords.Contains(name.Text) || TypeWords.Contains(name.Text))
        {
            throw Error(name, $"'{name.Text}' is a keyword and cannot be used as a name");
        }

        if (constants.ContainsKey(name.Text) || definitions.ContainsKey(name.Text) || declared.Contains(name.Text))
        {
            throw Error(name, $"'{name.Text}' is already defined; choose another name");
        }
    }

    private StlFormula ParseFormula() => ParseIff();

    private StlFormula ParseIff()
    {
        StlFormula left = ParseImplies();
        while (MatchWord("iff") || MatchSymbol("<->"))
        {
            left = StlFormula.Binary(StlOperator.Iff, left, ParseImplies());
        }

        return left;
    }

    private StlFormula ParseImplies()
    {
        StlFormula left = ParseOr();
        if (MatchWord("implies") || MatchSymbol("->"))
        {
            return StlFormula.Binary(StlOperator.Implies, left, ParseImplies());
        }

        return left;
    }

    private StlFormula ParseOr()
    {
        StlFormula left = ParseAnd();
        while (MatchWord("or") || MatchSymbol("||") || MatchSymbol("|"))
        {
            left = StlFormula.Binary(StlOperator.Or, left, ParseAnd());
        }

        return left;
    }

    private StlFormula ParseAnd()
    {
        StlFormula left = ParseUntil();
        while (MatchWord("and") || MatchSymbol("&&") || MatchSymbol("&"))
        {
            left = StlFormula.Binary(StlOperator.And, left, ParseUntil());
        }

        return left;
    }

    private StlFormula ParseUntil()
    {
        StlFormula left = ParseUnary();
        while (Current.Kind == StlTokenKind.Identifier && Current.Text is "until" or "since" or "U" or "S")
        {
            StlOperator op = Current.Text is "until" or "U" ? StlOperator.Until : StlOperator.Since;
            position++;
            StlInterval interval = ParseOptionalInterval();
            left = StlFormula.Binary(op, left, ParseUnary(), interval);
        }

        return left;
    }

    private StlFormula ParseUnary()
    {
        StlToken t = Current;
        if (MatchWord("not") || MatchSymbol("!") || MatchSymbol("~"))
        {
            return StlFormula.Unary(StlOperator.Not, ParseUnary());
        }

        if (t.Kind == StlTokenKind.Identifier && TemporalOperator(t.Text) is { } op &&
            (t.Text.Length > 1 || Peek(1) is { Kind: StlTokenKind.Symbol, Text: "[" or "(" }))
        {
            position++;
            StlInterval interval = ParseOptionalInterval();
            return StlFormula.Unary(op, ParseUnary(), interval);
        }

        if (MatchWord("true"))
        {
            return StlFormula.Constant(true);
        }

        if (MatchWord("false"))
        {
            return StlFormula.Constant(false);
        }

        if (t.Kind == StlTokenKind.Identifier && definitions.TryGetValue(t.Text, out StlFormula? defined) && !StartsArithmetic(Peek(1)))
        {
            position++;
            return defined;
        }

        if (t is { Kind: StlTokenKind.Symbol, Text: "(" })
        {
            int start = position;
            try
            {
                return ParsePredicate();
            }
            catch (StlParseException)
            {
                position = start + 1;
                StlFormula inner = ParseFormula();
                ExpectSymbol(")");
                return inner;
            }
        }

        return ParsePredicate();
    }

    private static StlOperator? TemporalOperator(string word) => word switch
    {
        "always" or "G" => StlOperator.Always,
        "eventually" or "F" => StlOperator.Eventually,
        "historically" or "H" => StlOperator.Historically,
        "once" or "O" => StlOperator.Once,
        _ => null,
    };

    private static bool StartsArithmetic(StlToken t) =>
        t.Kind == StlTokenKind.Symbol && t.Text is "+" or "-" or "*" or "/" or ">=" or ">" or "<=" or "<" or "==" or "!=";

    private StlInterval ParseOptionalInterval()
    {
        if (Current is not { Kind: StlTokenKind.Symbol, Text: "[" })
        {
            return StlInterval.Unbounded;
        }

        StlToken open = Current;
        position++;
        if (Current is { Kind: StlTokenKind.Symbol, Text: "]" })
        {
            throw Error(open, "empty interval '[]': write [a:b] with 0 <= a <= b (seconds, or 'steps'), or leave the interval out for [0:inf]");
        }

        StlTimeBound a = ParseBound();
        if (!MatchSymbol(":") && !MatchSymbol(","))
        {
            throw Error(Current, $"expected ':' or ',' between the interval's bounds, found {Current}");
        }

        StlTimeBound b = ParseBound();
        ExpectSymbol("]");
        if (a.IsInfinite)
        {
            throw Error(open, "the interval starts at inf; the start must be finite");
        }

        if (a.InSteps == b.InSteps && !b.IsInfinite && b.Value < a.Value)
        {
            throw Error(open, $"reversed interval [{a}:{b}]: the start must not exceed the end; did you mean [{b}:{a}]?");
        }

        return new StlInterval(a, b);
    }

    private StlTimeBound ParseBound()
    {
        if (MatchWord("inf"))
        {
            return StlTimeBound.Infinity;
        }

        if (Current is { Kind: StlTokenKind.Symbol, Text: "-" })
        {
            throw Error(Current, "interval bounds cannot be negative; past operators (historically, once, since) look back with positive bounds");
        }

        StlToken n = Expect(StlTokenKind.Number, "a bound (a number of seconds, '<n> steps' or inf)");
        if (Current.Kind == StlTokenKind.Identifier)
        {
            switch (Current.Text)
            {
                case "s":
                    position++;
                    return new StlTimeBound(n.Number, false);
                case "ms":
                    position++;
                    return new StlTimeBound(n.Number / 1e3, false);
                case "us":
                    position++;
                    return new StlTimeBound(n.Number / 1e6, false);
                case "step" or "steps":
                    position++;
                    return new StlTimeBound(n.Number, true);
                default:
                    throw Error(Current, $"unknown time unit '{Current.Text}'; use s, ms, us or steps");
            }
        }

        return new StlTimeBound(n.Number, false);
    }

    private StlFormula ParsePredicate()
    {
        StlToken start = Current;
        StlExpression left = ParseExpression();
        StlToken op = Current;
        if (op.Kind != StlTokenKind.Symbol || op.Text is not (">=" or ">" or "<=" or "<" or "==" or "!="))
        {
            throw Error(op, $"expected a comparison (>=, >, <=, <, ==, !=) after '{left}', found {op}");
        }

        position++;
        StlExpression right = ParseExpression();
        StlExpression margin = op.Text switch
        {
            ">=" or ">" => new StlBinaryExpression("-", left, right),
            "<=" or "<" => new StlBinaryExpression("-", right, left),
            "==" => new StlUnaryExpression("-", new StlUnaryExpression("abs", new StlBinaryExpression("-", left, right))),
            _ => new StlUnaryExpression("abs", new StlBinaryExpression("-", left, right)),
        };
        _ = start;
        return StlFormula.Predicate(margin, $"{left} {op.Text} {right}");
    }

    private StlExpression ParseExpression()
    {
        StlExpression left = ParseTerm();
        while (Current.Kind == StlTokenKind.Symbol && Current.Text is "+" or "-")
        {
            string op = Current.Text;
            position++;
            left = new StlBinaryExpression(op, left, ParseTerm());
        }

        return left;
    }

    private StlExpression ParseTerm()
    {
        StlExpression left = ParseFactor();
        while (Current.Kind == StlTokenKind.Symbol && Current.Text is "*" or "/")
        {
            string op = Current.Text;
            position++;
            left = new StlBinaryExpression(op, left, ParseFactor());
        }

        return left;
    }

    private StlExpression ParseFactor()
    {
        StlToken t = Current;
        if (MatchSymbol("-"))
        {
            return new StlUnaryExpression("-", ParseFactor());
        }

        if (t.Kind == StlTokenKind.Number)
        {
            position++;
            return new StlConstant(t.Number);
        }

        if (MatchSymbol("("))
        {
            StlExpression inner = ParseExpression();
            ExpectSymbol(")");
            return inner;
        }

        if (t.Kind != StlTokenKind.Identifier)
        {
            throw Error(t, $"expected a signal, a number or '(', found {t}");
        }

        position++;
        if (Current is { Kind: StlTokenKind.Symbol, Text: "(" } && t.Text is "abs" or "sqrt" or "min" or "max")
        {
            position++;
            var args = new List<StlExpression> { ParseExpression() };
            while (MatchSymbol(","))
            {
                args.Add(ParseExpression());
            }

            ExpectSymbol(")");
            if (t.Text is "abs" or "sqrt")
            {
                return args.Count == 1 ? new StlUnaryExpression(t.Text, args[0]) : throw Error(t, $"{t.Text} takes one argument, got {args.Count}");
            }

            if (args.Count < 2)
            {
                throw Error(t, $"{t.Text} takes two or more arguments, got 1");
            }

            StlExpression acc = args[0];
            for (int i = 1; i < args.Count; i++)
            {
                acc = new StlBinaryExpression(t.Text, acc, args[i]);
            }

            return acc;
        }

        if (Keywords.Contains(t.Text))
        {
            throw Error(t, $"expected a signal or a number, found the keyword '{t.Text}'");
        }

        if (constants.TryGetValue(t.Text, out double c))
        {
            return new StlConstant(c);
        }

        if (definitions.ContainsKey(t.Text))
        {
            throw Error(t, $"'{t.Text}' names a formula, not a signal; it cannot be used in arithmetic");
        }

        if (!signals.TryGetValue(t.Text, out StlSignal? signal))
        {
            signal = new StlSignal(t.Text);
            signals[t.Text] = signal;
            firstUse[signal] = t;
        }

        return signal;
    }

    private StlToken Peek(int offset) => tokens[Math.Min(position + offset, tokens.Count - 1)];

    private bool MatchWord(string word)
    {
        if (Current.Kind == StlTokenKind.Identifier && Current.Text == word)
        {
            position++;
            return true;
        }

        return false;
    }

    private bool MatchSymbol(string symbol)
    {
        if (Current.Kind == StlTokenKind.Symbol && Current.Text == symbol)
        {
            position++;
            return true;
        }

        return false;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!MatchSymbol(symbol))
        {
            throw Error(Current, $"expected '{symbol}', found {Current}");
        }
    }

    private StlToken Expect(StlTokenKind kind, string what)
    {
        StlToken t = Current;
        if (t.Kind != kind)
        {
            throw Error(t, $"expected {what}, found {t}");
        }

        position++;
        return t;
    }

    private StlParseException Error(StlToken at, string detail) => new(source, at.Line, at.Column, detail);
}
