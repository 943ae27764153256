using Robotics.Control.Loop;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mpc;

/// <summary>
/// Gradient-shooting MPC: projected gradient descent on the control sequence, with the gradient back-propagated
/// through the model's Jacobians (single shooting, adjoint method). The third planner baseline besides MPPI and CEM.
/// </summary>
/// <remarks>
/// <para>With x_{t+1} = F(x_t, u_t), A_t = dF/dx, B_t = dF/du at the rollout of the plan, and J = sum of cost terms:</para>
/// <code>
/// lambda_H = dJ/dx_H;   g_t = dJ/du_t + B_t^T lambda_{t+1};   lambda_t = dJ/dx_t + A_t^T lambda_{t+1}
/// u' = clamp(u - alpha g, control_min, control_max)
/// alpha: step_size on the first iteration, then the Barzilai-Borwein step s^T s / s^T y (s, y = change of u, g);
///        halved up to line_search_steps times until J(u') &lt;= J(u) - 1e-4 g^T (u - u')  (Armijo)
/// </code>
/// <para>Stops after <c>iterations</c>, when the line search fails, or when the relative decrease falls below
/// <c>tolerance</c>. With dt = k model steps the Jacobians are chained over the k steps. Cost gradients come from
/// <see cref="ICostTerm.AddGradient"/> (analytic for the built-in terms). Parameters (prefix <c>gradient.</c>): see
/// <see cref="GradientMpcOptions"/>, <see cref="MpcOptions"/>. Inputs, output and status: see <see cref="MpcController"/>.</para>
/// </remarks>
public sealed class GradientMpcController : MpcController
{
    /// <summary>The parameter prefix.</summary>
    public const string ParameterPrefix = "gradient";

    private readonly IDifferentiableDynamicsModel _model;
    private readonly double[] _states, _a, _b, _gx, _gu, _gradient, _lambda, _lambdaNext;
    private readonly double[] _candidate, _candidateStates, _previousPlan, _previousGradient, _scratch;
    private readonly double[] _subA, _subB, _tmpA, _tmpB, _x;
    private int _iterations, _lineSearchSteps;
    private double _stepSize, _tolerance;

    /// <summary>Creates the controller.</summary>
    /// <param name="model">Differentiable dynamics (used only by this controller).</param>
    /// <param name="options">Settings.</param>
    /// <param name="costs">Cost terms (instances owned by this controller).</param>
    /// <param name="preview">Optional reference preview over the horizon.</param>
    /// <param name="name">Controller name, default <c>gradient_mpc</c>.</param>
    /// <exception cref="ArgumentException">A setting is out of range or does not fit the model; the message names the parameter and the allowed range.</exception>
    public GradientMpcController(IDifferentiableDynamicsModel model, GradientMpcOptions options, IReadOnlyList<ICostTerm> costs,
        IReferenceSource? preview = null, string name = "gradient_mpc")
        : base(ParameterPrefix, GradientMpcOptions.Descriptors(ParameterPrefix), options, model, costs, 1, preview, name)
    {
        _model = model;
        int n = N, m = M, h = Horizon;
        _states = new double[(h + 1) * n];
        _a = new double[h * n * n];
        _b = new double[h * n * m];
        _gx = new double[(h + 1) * n];
        _gu = new double[h * m];
        _gradient = new double[h * m];
        _lambda = new double[n];
        _lambdaNext = new double[n];
        _candidate = new double[h * m];
        _candidateStates = new double[(h + 1) * n];
        _previousPlan = new double[h * m];
        _previousGradient = new double[h * m];
        _scratch = new double[n];
        _subA = new double[n * n];
        _subB = new double[n * m];
        _tmpA = new double[n * n];
        _tmpB = new double[n * m];
        _x = new double[n];
        ReadGradientSettings();
    }

    /// <summary>The settings and all built-in cost terms' parameters (<c>gradient.*</c>, <c>costs.*</c>).</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        .. GradientMpcOptions.Descriptors(ParameterPrefix),
        .. CostTermCatalog.AllParameters("goal,control_effort,control_rate"),
    ];

    /// <summary>Builds the controller from parameters declared with <see cref="Parameters"/>.</summary>
    /// <exception cref="ArgumentException">A setting or cost term is invalid or unknown; the message names it.</exception>
    public static GradientMpcController FromParameters(ParameterSet parameters, IDifferentiableDynamicsModel model, IReferenceSource? preview = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new GradientMpcController(model, GradientMpcOptions.FromParameters(parameters, ParameterPrefix), CostTermCatalog.FromParameters(parameters), preview);
    }

    /// <summary>Iterations the last plan used.</summary>
    public int LastIterations { get; private set; }

    /// <summary>The gradient of the cost at the final plan of the last <see cref="MpcController.Plan"/> (H x m; before projection).</summary>
    public ReadOnlySpan<double> LastGradient => _gradient;

    /// <inheritdoc />
    protected override void ApplySettings()
    {
        base.ApplySettings();
        ReadGradientSettings();
    }

    /// <inheritdoc />
    protected override bool Optimize()
    {
        var plan = NominalPlan;
        ClampPlan(plan);
        double alpha = _stepSize;
        LastIterations = 0;
        double cost = GradientAt(plan);
        if (!double.IsFinite(cost)) return false;
        for (int iteration = 0; iteration < _iterations; iteration++)
        {
            if (iteration > 0)
            {
                double ss = 0, sy = 0;
                for (int k = 0; k < plan.Length; k++)
                {
                    double s = plan[k] - _previousPlan[k], y = _gradient[k] - _previousGradient[k];
                    ss += s * s;
                    sy += s * y;
                }

                alpha = sy > 0 && ss > 0 ? ss / sy : _stepSize;
            }

            bool accepted = false;
            double candidateCost = cost;
            for (int step = 0; step <= _lineSearchSteps; step++)
            {
                double decrease = 0;
                bool moved = false;
                for (int k = 0; k < plan.Length; k++)
                {
                    int j = k % M;
                    double v = Math.Clamp(plan[k] - alpha * _gradient[k], ControlMin[j], ControlMax[j]);
                    _candidate[k] = v;
                    decrease += _gradient[k] * (plan[k] - v);
                    moved |= v != plan[k];
                }

                if (!moved) break;
                candidateCost = CostOf(_candidate);
                if (double.IsFinite(candidateCost) && candidateCost <= cost - 1e-4 * decrease)
                {
                    accepted = true;
                    break;
                }

                alpha *= 0.5;
            }

            if (!accepted) break;
            plan.CopyTo(_previousPlan);
            _gradient.CopyTo(_previousGradient, 0);
            _candidate.CopyTo(plan);
            LastIterations = iteration + 1;
            double previousCost = cost;
            cost = GradientAt(plan);
            if (previousCost - cost <= _tolerance * Math.Abs(previousCost)) break;
        }

        return double.IsFinite(cost);
    }

    // Cost of a plan (rollout without Jacobians).
    private double CostOf(ReadOnlySpan<double> plan)
    {
        Rollout(plan, _candidateStates, 1, _scratch);
        var input = new CostInput(_candidateStates, plan, ReferenceRows, PreviousControl, 1, Horizon, N, M, ObservedSize, TimeStepS);
        Span<double> c = stackalloc double[1];
        c[0] = 0;
        Costs.Evaluate(input, c);
        return c[0];
    }

    // Rolls the plan out with Jacobians, writes the control gradient into _gradient and returns the cost.
    private double GradientAt(ReadOnlySpan<double> plan)
    {
        int n = N, m = M, h = Horizon;
        InitialState.CopyTo(_states);
        for (int t = 0; t < h; t++)
        {
            var u = plan.Slice(t * m, m);
            var a = _a.AsSpan(t * n * n, n * n);
            var b = _b.AsSpan(t * n * m, n * m);
            _states.AsSpan(t * n, n).CopyTo(_x);
            _model.Jacobians(_x, u, _states.AsSpan((t + 1) * n, n), a, b);
            for (int k = 1; k < StepsPerInterval; k++)
            {
                // Chain: A <- A_k A, B <- A_k B + B_k.
                _states.AsSpan((t + 1) * n, n).CopyTo(_x);
                _model.Jacobians(_x, u, _states.AsSpan((t + 1) * n, n), _subA, _subB);
                Multiply(_subA, a, _tmpA, n, n, n);
                Multiply(_subA, b, _tmpB, n, n, m);
                _tmpA.CopyTo(a);
                for (int i = 0; i < n * m; i++) b[i] = _tmpB[i] + _subB[i];
            }
        }

        var input = new CostInput(_states, plan, ReferenceRows, PreviousControl, 1, h, n, m, ObservedSize, TimeStepS);
        Span<double> c = stackalloc double[1];
        c[0] = 0;
        Costs.Evaluate(input, c);
        Costs.Gradient(input, _gx, _gu);

        _gx.AsSpan(h * n, n).CopyTo(_lambda);
        for (int t = h - 1; t >= 0; t--)
        {
            var a = _a.AsSpan(t * n * n, n * n);
            var b = _b.AsSpan(t * n * m, n * m);
            for (int j = 0; j < m; j++)
            {
                double g = _gu[t * m + j];
                for (int i = 0; i < n; i++) g += b[i * m + j] * _lambda[i];
                _gradient[t * m + j] = g;
            }

            for (int k = 0; k < n; k++)
            {
                double l = _gx[t * n + k];
                for (int i = 0; i < n; i++) l += a[i * n + k] * _lambda[i];
                _lambdaNext[k] = l;
            }

            _lambdaNext.CopyTo(_lambda, 0);
        }

        return c[0];
    }

    private static void Multiply(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> result, int rows, int inner, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                double s = 0;
                for (int k = 0; k < inner; k++) s += left[i * inner + k] * right[k * columns + j];
                result[i * columns + j] = s;
            }
        }
    }

    private void ReadGradientSettings()
    {
        _iterations = (int)Settings.GetInteger($"{Prefix}.iterations");
        _stepSize = Settings.GetDouble($"{Prefix}.step_size");
        _lineSearchSteps = (int)Settings.GetInteger($"{Prefix}.line_search_steps");
        _tolerance = Settings.GetDouble($"{Prefix}.tolerance");
    }
}
