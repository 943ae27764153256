namespace Robotics.Control.Hybrid;

/// <summary>
/// Predicts the RoA level c(p) for a mode parameter p that was not sampled, from levels estimated at sampled
/// parameters (the paper fits a network p -&gt; c with a relative MSE; with the few sampled parameters here a
/// one-dimensional interpolant is enough and can be made conservative).
/// </summary>
/// <remarks>
/// Outside the sampled range p is clamped to the nearest sampled parameter. <see cref="RoaRegressionKind.LowerEnvelope"/>
/// never exceeds either neighbouring sample, so if c is monotone between samples it never over-estimates.
/// </remarks>
public sealed class RoaLevelRegressor
{
    private readonly double[] _p, _c;
    private readonly double _intercept, _slope;

    /// <summary>Builds the regressor from sampled (p, c) pairs.</summary>
    /// <param name="parameters">Sampled parameters (distinct).</param>
    /// <param name="levels">Their levels c (&gt;= 0).</param>
    /// <param name="kind">Interpolation kind.</param>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, or repeated parameters.</exception>
    public RoaLevelRegressor(IReadOnlyList<double> parameters, IReadOnlyList<double> levels, RoaRegressionKind kind = RoaRegressionKind.LowerEnvelope)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(levels);
        if (parameters.Count == 0 || parameters.Count != levels.Count)
            throw new ArgumentException($"parameters ({parameters.Count}) and levels ({levels.Count}) must be non-empty and of equal length.", nameof(levels));
        var order = new int[parameters.Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => parameters[a].CompareTo(parameters[b]));
        _p = new double[order.Length];
        _c = new double[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            _p[i] = parameters[order[i]];
            _c[i] = levels[order[i]];
            if (i > 0 && _p[i] == _p[i - 1])
                throw new ArgumentException($"parameter {_p[i]} appears twice; pass each sampled parameter once.", nameof(parameters));
        }

        Kind = kind;
        if (_p.Length > 1)
        {
            double mp = _p.Average(), mc = _c.Average(), sxy = 0, sxx = 0;
            for (int i = 0; i < _p.Length; i++)
            {
                sxy += (_p[i] - mp) * (_c[i] - mc);
                sxx += (_p[i] - mp) * (_p[i] - mp);
            }

            _slope = sxy / sxx;
            _intercept = mc - _slope * mp;
        }
        else
        {
            _intercept = _c[0];
        }
    }

    /// <summary>The interpolation kind.</summary>
    public RoaRegressionKind Kind { get; }

    /// <summary>The sampled parameters, ascending.</summary>
    public IReadOnlyList<double> SampledParameters => _p;

    /// <summary>The sampled levels, in the order of <see cref="SampledParameters"/>.</summary>
    public IReadOnlyList<double> SampledLevels => _c;

    /// <summary>Predicted level c(p). Allocation-free.</summary>
    public double Predict(double parameter)
    {
        if (parameter <= _p[0])
            return _c[0];
        int last = _p.Length - 1;
        if (parameter >= _p[last])
            return _c[last];
        int hi = 1;
        while (_p[hi] < parameter)
            hi++;
        if (_p[hi] == parameter)
            return _c[hi];
        int lo = hi - 1;
        double lower = Math.Min(_c[lo], _c[hi]);
        switch (Kind)
        {
            case RoaRegressionKind.PiecewiseLinear:
                double t = (parameter - _p[lo]) / (_p[hi] - _p[lo]);
                return _c[lo] + t * (_c[hi] - _c[lo]);
            case RoaRegressionKind.LeastSquaresLine:
                return Math.Clamp(_intercept + _slope * parameter, 0.0, lower);
            default:
                return lower;
        }
    }
}
