using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Control.Npc;

/// <summary>
/// Newton-Raphson neural predictive control (Soloway and Haley's neural generalised predictive control with one
/// Newton step per tick), the controller of "Toward smart composites" (nlsoft <c>soloway_nr.py</c>, <c>cost.py</c>,
/// MCU loop <c>helpers.cpp</c>), with a one-step horizon (N1 = N2 = Nu = 1).
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state: the measured outputs y_k = state[0..n) (n = model outputs); reference: targets
/// r = reference[0..n) (entries beyond the reference's length are 0). <b>Output.</b> command u_k (m values).</para>
/// <para><b>Cost</b> of a candidate u, with y^(u) = f([u, u_(k-1), ...], [y_k, y_(k-1), ...]) the NARX prediction:</para>
/// <code>
///   J(u) = (r - y^(u))^T Q (r - y^(u)) + (u - u_(k-1))^T Lambda (u - u_(k-1))
///        + sum_i [ s/(u_i + r_i/2 - b_i) + s/(r_i/2 + b_i - u_i) - 4/r_i ]          barrier: u_i in (b_i - r_i/2, b_i + r_i/2)
///   grad_i = -2 sum_j Q_j (r_j - y^_j) dy^_j/du_i + 2 Lambda_i (u_i - u_(k-1),i) - s/(u_i + r_i/2 - b_i)^2 + s/(r_i/2 + b_i - u_i)^2
///   H_ij   = 2 sum_l Q_l dy^_l/du_i dy^_l/du_j - 2 sum_l Q_l (r_l - y^_l) d2y^_l/du_i du_j
///          + delta_ij (2 Lambda_i + 2s/(u_i + r_i/2 - b_i)^3 + 2s/(r_i/2 + b_i - u_i)^3 + damping)
/// </code>
/// <para>The model derivatives come from central finite differences on its input u with step epsilon (first
/// derivatives (f(u + eps e_i) - f(u - eps e_i)) / 2 eps, second (f(u + eps e_i) - 2 f(u) + f(u - eps e_i)) / eps^2 and
/// the 4-point mixed formula): 1 + 2m + 2m(m-1) model evaluations per tick.</para>
/// <para><b>One Newton step per tick</b> from the previous command: solve H du = grad (Gaussian elimination with
/// partial pivoting), u_k = u_(k-1) - du. A non-finite result (NaN model, singular H) is replaced by the fallback
/// command (counted in <see cref="FallbackCount"/>); then u_k is clipped to [command_min, command_max]
/// (<see cref="ControllerStatus.Saturated"/> when clipped). Update allocates nothing.</para>
/// </remarks>
public sealed class NewtonNpcController : IController
{
    private readonly INarxPredictor _model;
    private readonly NewtonNpcOptions _o;
    private readonly int _m, _n, _nd, _dd;
    private readonly double[] _uHistory, _yHistory, _work, _y0, _yPlus, _yMinus, _ypp, _ypm, _ymp, _ymm, _target, _qe;
    private readonly double[] _gradient, _hessian, _hessianWork, _jacobian, _step, _u0;
    private bool _started;

    /// <summary>Creates the controller.</summary>
    /// <param name="model">The NARX predictor (learned or analytic).</param>
    /// <param name="options">Cost, barrier and saturation settings (validated against the model's sizes).</param>
    /// <param name="stateSize">State vector length (&gt;= model outputs; the first n entries are the outputs).</param>
    /// <param name="referenceSize">Reference vector length (1..n).</param>
    /// <param name="name">Controller name.</param>
    /// <exception cref="ArgumentException">A size or option is invalid.</exception>
    public NewtonNpcController(INarxPredictor model, NewtonNpcOptions options, int stateSize, int referenceSize, string name = "newton_npc")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _m = model.InputSize;
        _n = model.OutputSize;
        _nd = model.InputDelays;
        _dd = model.OutputDelays;
        if (_m < 1 || _n < 1 || _nd < 1 || _dd < 1)
        {
            throw new ArgumentException($"Newton NPC: the model has {_m} inputs, {_n} outputs, {_nd} input and {_dd} output delays; all must be >= 1.", nameof(model));
        }

        options.Validate(_m, _n);
        if (stateSize < _n)
        {
            throw new ArgumentException($"Newton NPC: state_size = {stateSize} is smaller than the model's {_n} outputs; the first {_n} state entries are the measured outputs.", nameof(stateSize));
        }

        if (referenceSize < 1 || referenceSize > _n)
        {
            throw new ArgumentException($"Newton NPC: reference_size = {referenceSize} must lie in [1, {_n}] (targets of the model outputs; missing ones are 0).", nameof(referenceSize));
        }

        _model = model;
        _o = options;
        StateSize = stateSize;
        ReferenceSize = referenceSize;
        Name = name;
        _uHistory = new double[_nd * _m];
        _yHistory = new double[_dd * _n];
        _work = new double[_nd * _m];
        _y0 = new double[_n];
        _yPlus = new double[_n * _m];
        _yMinus = new double[_n * _m];
        _ypp = new double[_n];
        _ypm = new double[_n];
        _ymp = new double[_n];
        _ymm = new double[_n];
        _target = new double[_n];
        _qe = new double[_n];
        _gradient = new double[_m];
        _hessian = new double[_m * _m];
        _hessianWork = new double[_m * _m];
        _jacobian = new double[_n * _m];
        _step = new double[_m];
        _u0 = new double[_m];
        Reset();
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize { get; }

    /// <inheritdoc />
    public int ReferenceSize { get; }

    /// <inheritdoc />
    public int CommandSize => _m;

    /// <summary>The settings.</summary>
    public NewtonNpcOptions Options => _o;

    /// <summary>Ticks whose Newton step was not finite and used the fallback command.</summary>
    public long FallbackCount { get; private set; }

    /// <summary>Model evaluations per tick: 1 + 2m + 2m(m-1).</summary>
    public int ModelEvaluationsPerTick => 1 + 2 * _m + 2 * _m * (_m - 1);

    /// <summary>The cost gradient at the previous command in the last update.</summary>
    public ReadOnlySpan<double> LastGradient => _gradient;

    /// <summary>The cost Hessian (row-major m x m, before the solve) of the last update.</summary>
    public ReadOnlySpan<double> LastHessian => _hessian;

    /// <inheritdoc />
    public void Reset()
    {
        Array.Clear(_uHistory);
        Array.Clear(_yHistory);
        for (int i = 0; i < _m; i++) _uHistory[i] = _o.FallbackCommand[i];
        _started = false;
        FallbackCount = 0;
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length < _m) return ControllerStatus.Failed;
        if (state.Length < _n || reference.Length < 1)
        {
            Fallback(command);
            return ControllerStatus.Failed;
        }

        for (int j = 0; j < _n; j++)
        {
            if (!double.IsFinite(state[j]))
            {
                Fallback(command);
                return ControllerStatus.Failed;
            }
        }

        for (int j = 0; j < _n; j++)
        {
            double r = j < reference.Length ? reference[j] : 0.0;
            if (!double.IsFinite(r))
            {
                Fallback(command);
                return ControllerStatus.Failed;
            }

            _target[j] = r;
        }

        // Output history: shift and insert y_k (on the first tick the whole history is y_k).
        if (!_started)
        {
            for (int d = 0; d < _dd; d++) state[.._n].CopyTo(_yHistory.AsSpan(d * _n, _n));
            _started = true;
        }
        else
        {
            Array.Copy(_yHistory, 0, _yHistory, _n, (_dd - 1) * _n);
            state[.._n].CopyTo(_yHistory);
        }

        // Linearise around the previous command u0 = u_(k-1): work = [u, u_(k-1), ..., u_(k-nd+1)].
        Array.Copy(_uHistory, 0, _u0, 0, _m);
        Array.Copy(_uHistory, 0, _work, _m, (_nd - 1) * _m);
        double eps = _o.FiniteDifferenceStep;
        PredictAt(_u0, -1, 0, -1, 0, _y0);
        for (int i = 0; i < _m; i++)
        {
            PredictAt(_u0, i, eps, -1, 0, _yPlus.AsSpan(i * _n, _n));
            PredictAt(_u0, i, -eps, -1, 0, _yMinus.AsSpan(i * _n, _n));
            for (int l = 0; l < _n; l++) _jacobian[l * _m + i] = (_yPlus[i * _n + l] - _yMinus[i * _n + l]) / (2.0 * eps);
        }

        for (int l = 0; l < _n; l++) _qe[l] = _o.OutputWeights[l] * (_target[l] - _y0[l]);

        Array.Clear(_hessian);
        for (int i = 0; i < _m; i++)
        {
            double g = 0.0;
            for (int l = 0; l < _n; l++) g += _jacobian[l * _m + i] * _qe[l];
            double u = _u0[i], half = 0.5 * _o.BarrierRange[i], b = _o.BarrierCentre[i], s = _o.BarrierSharpness;
            double lower = u + half - b, upper = half + b - u;
            // Lambda term: u0 equals u_(k-1), so its gradient 2 Lambda (u0 - u_(k-1)) is 0.
            _gradient[i] = -2.0 * g - s / (lower * lower) + s / (upper * upper);
            for (int j = 0; j <= i; j++)
            {
                double gauss = 0.0, curvature = 0.0;
                if (i == j)
                {
                    for (int l = 0; l < _n; l++)
                    {
                        double second = (_yPlus[i * _n + l] - 2.0 * _y0[l] + _yMinus[i * _n + l]) / (eps * eps);
                        gauss += _o.OutputWeights[l] * _jacobian[l * _m + i] * _jacobian[l * _m + i];
                        curvature += _qe[l] * second;
                    }

                    double diagonal = 2.0 * _o.InputChangeWeights[i] + 2.0 * s / (lower * lower * lower) + 2.0 * s / (upper * upper * upper) + _o.HessianDamping;
                    _hessian[i * _m + i] = 2.0 * gauss - 2.0 * curvature + diagonal;
                }
                else
                {
                    PredictAt(_u0, i, eps, j, eps, _ypp);
                    PredictAt(_u0, i, eps, j, -eps, _ypm);
                    PredictAt(_u0, i, -eps, j, eps, _ymp);
                    PredictAt(_u0, i, -eps, j, -eps, _ymm);
                    for (int l = 0; l < _n; l++)
                    {
                        double mixed = (_ypp[l] - _ypm[l] - _ymp[l] + _ymm[l]) / (4.0 * eps * eps);
                        gauss += _o.OutputWeights[l] * _jacobian[l * _m + i] * _jacobian[l * _m + j];
                        curvature += _qe[l] * mixed;
                    }

                    double h = 2.0 * gauss - 2.0 * curvature;
                    _hessian[i * _m + j] = h;
                    _hessian[j * _m + i] = h;
                }
            }
        }

        Array.Copy(_hessian, _hessianWork, _hessian.Length);
        bool finite = Solve(_hessianWork, _gradient, _step, _m);
        bool saturated = false;
        if (!finite)
        {
            FallbackCount++;
            for (int i = 0; i < _m; i++) command[i] = _o.FallbackCommand[i];
        }
        else
        {
            for (int i = 0; i < _m; i++) command[i] = _u0[i] - _step[i];
        }

        for (int i = 0; i < _m; i++)
        {
            double c = command[i];
            if (c > _o.CommandMax[i])
            {
                c = _o.CommandMax[i];
                saturated = true;
            }
            else if (c < _o.CommandMin[i])
            {
                c = _o.CommandMin[i];
                saturated = true;
            }

            command[i] = c;
        }

        // Input history: shift and insert the applied u_k.
        Array.Copy(_uHistory, 0, _uHistory, _m, (_nd - 1) * _m);
        for (int i = 0; i < _m; i++) _uHistory[i] = command[i];
        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }

    private void PredictAt(double[] u0, int i, double di, int j, double dj, Span<double> output)
    {
        for (int k = 0; k < _m; k++) _work[k] = u0[k];
        if (i >= 0) _work[i] += di;
        if (j >= 0) _work[j] += dj;
        _model.Predict(_work, _yHistory, output);
    }

    private void Fallback(Span<double> command)
    {
        for (int i = 0; i < _m; i++) command[i] = _o.FallbackCommand[i];
    }

    /// <summary>Solves A x = b in place (A is overwritten) by Gaussian elimination with partial pivoting; false when
    /// the result is not finite.</summary>
    private static bool Solve(double[] a, double[] b, double[] x, int n)
    {
        for (int i = 0; i < n; i++) x[i] = b[i];
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            double best = Math.Abs(a[c * n + c]);
            for (int r = c + 1; r < n; r++)
            {
                double v = Math.Abs(a[r * n + c]);
                if (v > best)
                {
                    best = v;
                    pivot = r;
                }
            }

            if (pivot != c)
            {
                for (int k = 0; k < n; k++) (a[c * n + k], a[pivot * n + k]) = (a[pivot * n + k], a[c * n + k]);
                (x[c], x[pivot]) = (x[pivot], x[c]);
            }

            double diag = a[c * n + c];
            for (int r = c + 1; r < n; r++)
            {
                double f = a[r * n + c] / diag;
                if (f == 0.0) continue;
                for (int k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                x[r] -= f * x[c];
            }
        }

        for (int r = n - 1; r >= 0; r--)
        {
            double s = x[r];
            for (int k = r + 1; k < n; k++) s -= a[r * n + k] * x[k];
            x[r] = s / a[r * n + r];
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i])) return false;
        }

        return true;
    }
}
