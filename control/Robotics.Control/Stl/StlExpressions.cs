namespace Robotics.Control.Stl;

/// <summary>A number.</summary>
internal sealed class StlConstant(double value) : StlExpression
{
    public double Value { get; } = value;

    internal override void CollectSignals(List<StlSignal> found)
    {
    }

    internal override double Evaluate(IReadOnlyList<double[]> signals, int k) => Value;

    internal override double Evaluate(ReadOnlySpan<double> current) => Value;

    internal override void Backward(IReadOnlyList<double[]> signals, int k, double upstream, double[][] gradients)
    {
    }

    public override string ToString() => Format(Value);
}

/// <summary>A signal, by its index in the specification's signal list.</summary>
internal sealed class StlSignal(string name) : StlExpression
{
    public string Name { get; } = name;

    /// <summary>Position in <see cref="StlSpecification.Signals"/>; bound once the whole specification is parsed.</summary>
    public int Index { get; set; } = -1;

    internal override void CollectSignals(List<StlSignal> found) => found.Add(this);

    internal override double Evaluate(IReadOnlyList<double[]> signals, int k) => signals[Index][k];

    internal override double Evaluate(ReadOnlySpan<double> current) => current[Index];

    internal override void Backward(IReadOnlyList<double[]> signals, int k, double upstream, double[][] gradients) =>
        gradients[Index][k] += upstream;

    public override string ToString() => Name;
}

/// <summary>Unary minus, abs or sqrt.</summary>
internal sealed class StlUnaryExpression(string op, StlExpression operand) : StlExpression
{
    public string Op { get; } = op;

    public StlExpression Operand { get; } = operand;

    internal override void CollectSignals(List<StlSignal> found) => Operand.CollectSignals(found);

    internal override double Evaluate(IReadOnlyList<double[]> signals, int k) => Apply(Operand.Evaluate(signals, k));

    internal override double Evaluate(ReadOnlySpan<double> current) => Apply(Operand.Evaluate(current));

    private double Apply(double x) => Op switch
    {
        "-" => -x,
        "abs" => Math.Abs(x),
        _ => Math.Sqrt(x),
    };

    internal override void Backward(IReadOnlyList<double[]> signals, int k, double upstream, double[][] gradients)
    {
        double x = Operand.Evaluate(signals, k);
        double d = Op switch
        {
            "-" => -1.0,
            "abs" => x >= 0 ? 1.0 : -1.0,
            _ => x > 0 ? 0.5 / Math.Sqrt(x) : 0.0,
        };
        Operand.Backward(signals, k, upstream * d, gradients);
    }

    public override string ToString() => Op == "-" ? $"-({Operand})" : $"{Op}({Operand})";
}

/// <summary>A binary arithmetic operation (+ - * /) or min/max of two expressions.</summary>
internal sealed class StlBinaryExpression(string op, StlExpression left, StlExpression right) : StlExpression
{
    public string Op { get; } = op;

    public StlExpression Left { get; } = left;

    public StlExpression Right { get; } = right;

    internal override void CollectSignals(List<StlSignal> found)
    {
        Left.CollectSignals(found);
        Right.CollectSignals(found);
    }

    internal override double Evaluate(IReadOnlyList<double[]> signals, int k) => Apply(Left.Evaluate(signals, k), Right.Evaluate(signals, k));

    internal override double Evaluate(ReadOnlySpan<double> current) => Apply(Left.Evaluate(current), Right.Evaluate(current));

    private double Apply(double a, double b) => Op switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        "min" => Math.Min(a, b),
        _ => Math.Max(a, b),
    };

    internal override void Backward(IReadOnlyList<double[]> signals, int k, double upstream, double[][] gradients)
    {
        double a = Left.Evaluate(signals, k);
        double b = Right.Evaluate(signals, k);
        (double da, double db) = Op switch
        {
            "+" => (1.0, 1.0),
            "-" => (1.0, -1.0),
            "*" => (b, a),
            "/" => (1.0 / b, -a / (b * b)),
            "min" => a <= b ? (1.0, 0.0) : (0.0, 1.0),
            _ => a >= b ? (1.0, 0.0) : (0.0, 1.0),
        };
        Left.Backward(signals, k, upstream * da, gradients);
        Right.Backward(signals, k, upstream * db, gradients);
    }

    public override string ToString() => Op is "min" or "max" ? $"{Op}({Left}, {Right})" : $"({Left} {Op} {Right})";
}
