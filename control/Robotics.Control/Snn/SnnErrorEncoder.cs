namespace Robotics.Control.Snn;

/// <summary>
/// Encodes the tracking error and its derivative into the input currents of a <see cref="LifNetwork"/>.
/// Deterministic, allocation-free.
/// </summary>
/// <remarks>
/// <para><b>Inputs</b> per tick: measurement y (e.g. altitude, m), set-point r, period h (s).
/// <b>Outputs</b>: x = [e / e_scale, d / d_scale].</para>
/// <code>
///   e_k = r_k - y_k
///   d_k = Tf / (Tf + h) d_{k-1} - (y_k - y_{k-1}) / (Tf + h)     filtered derivative of the error, taken on the
///                                                               measurement (no kick on set-point steps)
/// </code>
/// <para>This is the same derivative filter as <see cref="Robotics.Control.Pid.PidController"/> uses (backward
/// Euler, time constant Tf), so the network sees the signals the PID it imitates sees. On the first tick after
/// <see cref="Reset"/> y_{k-1} = y_k (d starts at 0).</para>
/// </remarks>
public sealed class SnnErrorEncoder
{
    private double _derivative, _previous;
    private bool _hasPrevious;

    /// <summary>Creates an encoder.</summary>
    /// <param name="errorScale">e_scale &gt; 0, in measurement units (an error of this size gives input 1).</param>
    /// <param name="derivativeScale">d_scale &gt; 0, in measurement units per second.</param>
    /// <param name="derivativeFilterTimeS">Tf &gt;= 0, s.</param>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public SnnErrorEncoder(double errorScale, double derivativeScale, double derivativeFilterTimeS)
    {
        if (!double.IsFinite(errorScale) || errorScale <= 0)
        {
            throw new ArgumentException($"error_scale = {errorScale} must be a finite value > 0 (measurement units giving input 1).", nameof(errorScale));
        }

        if (!double.IsFinite(derivativeScale) || derivativeScale <= 0)
        {
            throw new ArgumentException($"derivative_scale = {derivativeScale} must be a finite value > 0 (measurement units per second giving input 1).", nameof(derivativeScale));
        }

        if (!double.IsFinite(derivativeFilterTimeS) || derivativeFilterTimeS < 0)
        {
            throw new ArgumentException($"derivative_filter_time_s = {derivativeFilterTimeS} must be a finite value >= 0 s.", nameof(derivativeFilterTimeS));
        }

        ErrorScale = errorScale;
        DerivativeScale = derivativeScale;
        DerivativeFilterTimeS = derivativeFilterTimeS;
    }

    /// <summary>Number of encoded inputs (2: error and derivative).</summary>
    public const int InputCount = 2;

    /// <summary>e_scale.</summary>
    public double ErrorScale { get; }

    /// <summary>d_scale.</summary>
    public double DerivativeScale { get; }

    /// <summary>Tf, s.</summary>
    public double DerivativeFilterTimeS { get; }

    /// <summary>The last unscaled error e.</summary>
    public double Error { get; private set; }

    /// <summary>The last unscaled filtered derivative d.</summary>
    public double Derivative => _derivative;

    /// <summary>Clears the derivative filter and the previous measurement.</summary>
    public void Reset()
    {
        _derivative = 0.0;
        _previous = 0.0;
        _hasPrevious = false;
        Error = 0.0;
    }

    /// <summary>Encodes one tick into <paramref name="inputs"/> (length &gt;= 2).</summary>
    public void Encode(double measurement, double reference, double periodS, Span<double> inputs)
    {
        double previous = _hasPrevious ? _previous : measurement;
        double tf = DerivativeFilterTimeS;
        _derivative = (tf / (tf + periodS)) * _derivative - (measurement - previous) / (tf + periodS);
        _previous = measurement;
        _hasPrevious = true;
        Error = reference - measurement;
        inputs[0] = Error / ErrorScale;
        inputs[1] = _derivative / DerivativeScale;
    }
}
