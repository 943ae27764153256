using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Robotics.Control.Mip.Networks;

namespace Robotics.Control.Mip.Planning;

/// <summary>
/// Mixed-integer MPC over a <see cref="ReluDynamicsNetwork"/>: the network is encoded exactly over the horizon
/// with interval-bound propagation and big-M constraints and solved with OR-Tools (HiGHS, CBC or SCIP).
/// </summary>
/// <remarks>
/// <para>Program, for t = 0 .. H-1 and every hidden neuron with pre-activation a = w·h + b and IBP bounds l &lt;= a &lt;= u
/// (propagated from the known x_0 through the input box, intersected at every step with the state box and the box of
/// <see cref="MipMpcOptions.StateRadius"/> around x_0):</para>
/// <list type="bullet">
/// <item>identity neuron, or ReLU with l &gt;= 0 (stably active): z = a, no binary;</item>
/// <item>ReLU with u &lt;= 0 (stably inactive): z = 0, no variable;</item>
/// <item>otherwise: z &gt;= a, z &gt;= 0, z &lt;= a - l (1 - d), z &lt;= u d, d in {0, 1} (one binary).</item>
/// </list>
/// <para>x_{t+1} = x_t + W_out h_L + b_out; u_min &lt;= u_t &lt;= u_max; optional state box on x_1 .. x_H; L1 cost
/// through auxiliary e &gt;= +-(x - g) (see <see cref="MipMpcOptions"/>). A time limit returns the best incumbent and its gap;
/// an infeasible program or no incumbent returns the fallback plan with a status saying so. The fallback plan,
/// rolled out through the network, is also given to CBC and SCIP as a complete hint (x, u, z, d, e); never to HiGHS,
/// whose OR-Tools 9.15 interface aborted the process on <c>SetHint</c>.</para>
/// <para>Not real-time safe: each call builds a new OR-Tools model (allocates) and its duration depends on the solver.</para>
/// </remarks>
public sealed class MipMpcPlanner
{
    private readonly ReluDynamicsNetwork _network;
    private readonly ReluDynamicsNetwork _scaled;
    private readonly double[] _sx;
    private readonly double[] _su;
    private readonly MipMpcOptions _options;
    private readonly int _n;
    private readonly int _m;
    private readonly int _h;

    /// <summary>Creates the planner.</summary>
    /// <exception cref="ArgumentException">The options do not fit the network (message names the field).</exception>
    public MipMpcPlanner(ReluDynamicsNetwork network, MipMpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(network.StateSize, network.InputSize);
        using (var probe = CreateSolver(options.Backend))
        {
            if (probe is null) throw new ArgumentException($"backend: OR-Tools could not create the {options.Backend} solver in this build.", nameof(options));
        }

        _network = network;
        _scaled = Scale(network, options.StateScale, options.InputScale);
        _sx = options.StateScale ?? Enumerable.Repeat(1.0, network.StateSize).ToArray();
        _su = options.InputScale ?? Enumerable.Repeat(1.0, network.InputSize).ToArray();
        _options = options;
        _n = network.StateSize;
        _m = network.InputSize;
        _h = options.Horizon;
    }

    /// <summary>The network planned over.</summary>
    public ReluDynamicsNetwork Network => _network;

    /// <summary>The settings.</summary>
    public MipMpcOptions Options => _options;

    /// <summary>
    /// Plans from <paramref name="initialState"/> towards <paramref name="goal"/>.
    /// </summary>
    /// <param name="initialState">x_0 (length n).</param>
    /// <param name="goal">g (length n).</param>
    /// <param name="fallbackPlan">A plan [H, m] (e.g. MPPI's) used when the MIP has no solution and as the warm start; may be empty.</param>
    public MipPlanResult Plan(ReadOnlySpan<double> initialState, ReadOnlySpan<double> goal, ReadOnlySpan<double> fallbackPlan = default)
    {
        if (initialState.Length < _n || goal.Length < _n) throw new ArgumentException($"initial state and goal need {_n} values; got {initialState.Length} and {goal.Length}.", nameof(initialState));
        if (fallbackPlan.Length != 0 && fallbackPlan.Length != _h * _m) throw new ArgumentException($"fallback plan: expected {_h * _m} values (H x m) or none, found {fallbackPlan.Length}.", nameof(fallbackPlan));

        var x0 = initialState[.._n].ToArray();
        var g = goal[.._n].ToArray();
        var fallback = fallbackPlan.ToArray();
        var o = _options;
        var total = Stopwatch.StartNew();
        using var solver = CreateSolver(o.Backend)!;
        solver.SuppressOutput();
        solver.SetNumThreads(o.Threads);
        solver.SetTimeLimit(Math.Max(1L, (long)Math.Ceiling(o.TimeLimit.TotalMilliseconds)));

        // Hint values: the fallback plan rolled out through the network, with every pre-activation.
        var layers = _scaled.HiddenLayers;   // same neurons as _network; the first layer sees scaled variables
        // Never to HiGHS: OR-Tools 9.15's HiGHS interface aborted the whole process on SetHint (observed; see docs/mip-mpc.md).
        bool hint = o.WarmStart && fallback.Length > 0 && o.Backend != MipBackend.Highs;
        double[][][]? hintPre = null;
        double[]? hintStates = null;
        if (hint)
        {
            hintPre = new double[_h][][];
            hintStates = new double[(_h + 1) * _n];
            x0.CopyTo(hintStates, 0);
            for (int t = 0; t < _h; t++)
            {
                hintPre[t] = layers.Select(l => new double[l.Outputs]).ToArray();
                _network.Step(hintStates.AsSpan(t * _n, _n), fallback.AsSpan(t * _m, _m), hintStates.AsSpan((t + 1) * _n, _n), hintPre[t]);
            }
        }

        var hintVars = new List<Variable>();
        var hintValues = new List<double>();
        void Hint(Variable v, double value)
        {
            if (!hint) return;
            hintVars.Add(v);
            hintValues.Add(value);
        }

        var objective = solver.Objective();
        objective.SetMinimization();
        var stateVars = new Variable[_h + 1][];
        var inputVars = new Variable[_h][];
        stateVars[0] = new Variable[_n];
        for (int k = 0; k < _n; k++) stateVars[0][k] = solver.MakeNumVar(x0[k] / _sx[k], x0[k] / _sx[k], $"x0_{k}");

        var lo = (double[])x0.Clone();
        var hi = (double[])x0.Clone();
        var nextLo = new double[_n];
        var nextHi = new double[_n];
        var preLo = layers.Select(l => new double[l.Outputs]).ToArray();
        var preHi = layers.Select(l => new double[l.Outputs]).ToArray();
        int binaries = 0, stable = 0;
        var qStage = o.StateWeights;
        var qTerminal = o.TerminalWeights ?? o.StateWeights;
        string? infeasibleReason = null;

        for (int t = 0; t < _h && infeasibleReason is null; t++)
        {
            inputVars[t] = new Variable[_m];
            for (int j = 0; j < _m; j++)
            {
                var u = solver.MakeNumVar(o.InputLow[j] / _su[j], o.InputHigh[j] / _su[j], $"u{t}_{j}");
                inputVars[t][j] = u;
                if (hint) Hint(u, fallback[t * _m + j] / _su[j]);
                double r = (o.InputWeights?[j] ?? 0) * _su[j];
                if (r > 0)
                {
                    var e = solver.MakeNumVar(0, double.PositiveInfinity, $"eu{t}_{j}");
                    AddAbs(solver, e, u, 0);
                    objective.SetCoefficient(e, r);
                    if (hint) Hint(e, Math.Abs(fallback[t * _m + j] / _su[j]));
                }
            }

            _network.PropagateBounds(lo, hi, o.InputLow, o.InputHigh, preLo, preHi, nextLo, nextHi);

            // Signals feeding the first layer: [x_t; u_t]. A null entry is the constant 0 (a stably inactive ReLU).
            Variable?[] previous = [.. stateVars[t], .. inputVars[t]];
            for (int l = 0; l < layers.Count; l++)
            {
                var layer = layers[l];
                var kinds = layer.Kinds;
                var current = new Variable?[layer.Outputs];
                for (int j = 0; j < layer.Outputs; j++)
                {
                    double a = preLo[l][j], c = preHi[l][j], b = layer.Bias[j];
                    double hintA = hint ? hintPre![t][l][j] : 0;
                    if (kinds[j] == NeuronKind.Relu && c <= 0)
                    {
                        stable++;
                        continue;
                    }

                    if (kinds[j] == NeuronKind.Identity || a >= 0)
                    {
                        if (kinds[j] == NeuronKind.Relu) stable++;
                        var z = solver.MakeNumVar(a, c, $"z{t}_{l}_{j}");
                        var eq = solver.MakeConstraint(b, b, "");
                        eq.SetCoefficient(z, 1);
                        AddRow(eq, layer, j, previous, -1);
                        current[j] = z;
                        if (hint) Hint(z, hintA);
                        continue;
                    }

                    binaries++;
                    var y = solver.MakeNumVar(0, c, $"z{t}_{l}_{j}");
                    var d = solver.MakeBoolVar($"d{t}_{l}_{j}");
                    var above = solver.MakeConstraint(b, double.PositiveInfinity, "");     // y - w·h >= b
                    above.SetCoefficient(y, 1);
                    AddRow(above, layer, j, previous, -1);
                    var below = solver.MakeConstraint(double.NegativeInfinity, b - a, ""); // y - w·h - l d <= b - l
                    below.SetCoefficient(y, 1);
                    below.SetCoefficient(d, -a);
                    AddRow(below, layer, j, previous, -1);
                    var gate = solver.MakeConstraint(double.NegativeInfinity, 0, "");        // y - u d <= 0
                    gate.SetCoefficient(y, 1);
                    gate.SetCoefficient(d, -c);
                    current[j] = y;
                    if (hint)
                    {
                        Hint(y, Math.Max(0, hintA));
                        Hint(d, hintA > 0 ? 1 : 0);
                    }
                }

                previous = current;
            }

            // Next state, bounded by IBP intersected with the state box.
            stateVars[t + 1] = new Variable[_n];
            var wOut = _scaled.OutputWeights;
            int width = previous.Length;
            for (int k = 0; k < _n; k++)
            {
                double low = nextLo[k], high = nextHi[k];
                if (o.StateLow is not null) low = Math.Max(low, o.StateLow[k]);
                if (o.StateHigh is not null) high = Math.Min(high, o.StateHigh[k]);
                if (o.StateRadius is not null)
                {
                    low = Math.Max(low, x0[k] - o.StateRadius[k]);
                    high = Math.Min(high, x0[k] + o.StateRadius[k]);
                }

                if (low > high)
                {
                    infeasibleReason = $"state {k} cannot stay inside its bounds at step {t + 1}: reachable [{nextLo[k]:G6}, {nextHi[k]:G6}], allowed [{o.StateLow?[k] ?? double.NegativeInfinity:G6}, {o.StateHigh?[k] ?? double.PositiveInfinity:G6}]";
                    break;
                }

                lo[k] = low;
                hi[k] = high;
                var x = solver.MakeNumVar(low / _sx[k], high / _sx[k], $"x{t + 1}_{k}");
                stateVars[t + 1][k] = x;
                double bias = _scaled.OutputBias[k];
                var dyn = solver.MakeConstraint(bias, bias, "");   // x' - x - W_out h = b_out
                dyn.SetCoefficient(x, 1);
                dyn.SetCoefficient(stateVars[t][k], -1);
                for (int j = 0; j < width; j++)
                {
                    var v = previous[j];
                    double w = wOut[k * width + j];
                    if (v is not null && w != 0) dyn.SetCoefficient(v, -w);
                }

                if (hint) Hint(x, hintStates![(t + 1) * _n + k] / _sx[k]);
                double q = (t + 1 == _h ? qTerminal[k] : qStage[k]) * _sx[k];
                if (q > 0)
                {
                    var e = solver.MakeNumVar(0, double.PositiveInfinity, $"ex{t + 1}_{k}");
                    AddAbs(solver, e, x, g[k] / _sx[k]);
                    objective.SetCoefficient(e, q);
                    if (hint) Hint(e, Math.Abs(hintStates![(t + 1) * _n + k] - g[k]) / _sx[k]);
                }
            }
        }

        double buildMs = total.Elapsed.TotalMilliseconds;
        if (infeasibleReason is not null)
        {
            return Fallback(MipPlanStatus.FallbackInfeasible, "infeasible before solving: " + infeasibleReason, x0, g, fallback, binaries, stable, buildMs, 0, 0);
        }

        if (hint && hintVars.Count > 0) solver.SetHint(hintVars.ToArray(), hintValues.ToArray());
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, o.RelativeGap);
        var solveWatch = Stopwatch.StartNew();
        var status = solver.Solve(parameters);
        double solveMs = solveWatch.Elapsed.TotalMilliseconds;
        long nodes = SafeNodes(solver);

        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
        {
            var controls = new double[_h * _m];
            var states = new double[(_h + 1) * _n];
            for (int t = 0; t < _h; t++)
            {
                for (int j = 0; j < _m; j++) controls[t * _m + j] = Math.Clamp(inputVars[t][j].SolutionValue() * _su[j], o.InputLow[j], o.InputHigh[j]);
            }

            for (int t = 0; t <= _h; t++)
            {
                for (int k = 0; k < _n; k++) states[t * _n + k] = stateVars[t][k].SolutionValue() * _sx[k];
            }

            double value = objective.Value();
            double bound = status == Solver.ResultStatus.OPTIMAL ? Math.Min(value, objective.BestBound()) : objective.BestBound();
            double gap = double.IsFinite(bound) ? Math.Max(0, value - bound) / Math.Max(Math.Abs(value), 1e-9) : double.NaN;
            bool optimal = status == Solver.ResultStatus.OPTIMAL;
            return new MipPlanResult
            {
                Status = optimal ? MipPlanStatus.Optimal : MipPlanStatus.TimeLimitIncumbent,
                Controls = controls,
                PredictedStates = states,
                Objective = value,
                BestBound = bound,
                RelativeGap = gap,
                BinaryCount = binaries,
                StableReluCount = stable,
                BuildMilliseconds = buildMs,
                SolveMilliseconds = solveMs,
                Nodes = nodes,
                Backend = o.Backend,
                Message = optimal
                    ? $"optimal ({o.Backend}, {binaries} binaries, {solveMs:F1} ms)"
                    : $"time limit {o.TimeLimit.TotalMilliseconds:F0} ms reached: best incumbent, relative gap {gap:G3} ({o.Backend}, {binaries} binaries)",
            };
        }

        var fallbackStatus = status == Solver.ResultStatus.INFEASIBLE ? MipPlanStatus.FallbackInfeasible : MipPlanStatus.FallbackNoSolution;
        string why = status switch
        {
            Solver.ResultStatus.INFEASIBLE => $"{o.Backend} proved the program infeasible (state or input bounds cannot be met)",
            Solver.ResultStatus.NOT_SOLVED => $"{o.Backend} found no feasible solution within {o.TimeLimit.TotalMilliseconds:F0} ms",
            _ => $"{o.Backend} returned {status}",
        };
        return Fallback(fallbackStatus, why, x0, g, fallback, binaries, stable, buildMs, solveMs, nodes);
    }

    /// <summary>The cost J of a plan (see <see cref="MipMpcOptions"/>) from x_0, evaluated by rolling it out through the network.</summary>
    public double Cost(ReadOnlySpan<double> initialState, ReadOnlySpan<double> goal, ReadOnlySpan<double> plan, Span<double> states)
    {
        var o = _options;
        var qTerminal = o.TerminalWeights ?? o.StateWeights;
        initialState[.._n].CopyTo(states);
        double cost = 0;
        for (int t = 0; t < _h; t++)
        {
            for (int j = 0; j < _m; j++) cost += (o.InputWeights?[j] ?? 0) * Math.Abs(plan[t * _m + j]);
            _network.Step(states.Slice(t * _n, _n), plan.Slice(t * _m, _m), states.Slice((t + 1) * _n, _n));
            var q = t + 1 == _h ? qTerminal : o.StateWeights;
            for (int k = 0; k < _n; k++) cost += q[k] * Math.Abs(states[(t + 1) * _n + k] - goal[k]);
        }

        return cost;
    }

    private MipPlanResult Fallback(MipPlanStatus status, string why, double[] x0, double[] g, double[] fallback, int binaries, int stable, double buildMs, double solveMs, long nodes)
    {
        bool none = fallback.Length == 0;
        var controls = none ? new double[_h * _m] : (double[])fallback.Clone();
        if (none)
        {
            for (int t = 0; t < _h; t++)
            {
                for (int j = 0; j < _m; j++) controls[t * _m + j] = Math.Clamp(0, _options.InputLow[j], _options.InputHigh[j]);
            }
        }

        var states = new double[(_h + 1) * _n];
        double cost = Cost(x0, g, controls, states);
        return new MipPlanResult
        {
            Status = none ? MipPlanStatus.NoPlan : status,
            Controls = controls,
            PredictedStates = states,
            Objective = cost,
            BinaryCount = binaries,
            StableReluCount = stable,
            BuildMilliseconds = buildMs,
            SolveMilliseconds = solveMs,
            Nodes = nodes,
            Backend = _options.Backend,
            Message = why + (none ? "; no fallback plan was given, so the plan is zero input" : "; using the fallback plan"),
        };
    }

    // The same network over scaled variables x / sx and u / su: first-layer columns times the scale, output rows divided by it.
    private static ReluDynamicsNetwork Scale(ReluDynamicsNetwork network, double[]? sx, double[]? su)
    {
        if (sx is null && su is null) return network;
        int n = network.StateSize, m = network.InputSize;
        var first = network.HiddenLayers[0];
        var w = first.Weights.ToArray();
        for (int j = 0; j < first.Outputs; j++)
        {
            for (int i = 0; i < first.Inputs; i++) w[j * first.Inputs + i] *= i < n ? sx?[i] ?? 1 : su?[i - n] ?? 1;
        }

        var layers = network.HiddenLayers.ToArray();
        layers[0] = new PiecewiseLinearLayer(w, first.Bias.ToArray(), first.Kinds.ToArray());
        var wo = network.OutputWeights.ToArray();
        var bo = network.OutputBias.ToArray();
        int width = wo.Length / n;
        for (int k = 0; k < n; k++)
        {
            double s = sx?[k] ?? 1;
            for (int j = 0; j < width; j++) wo[k * width + j] /= s;
            bo[k] /= s;
        }

        return new ReluDynamicsNetwork(n, m, layers, wo, bo, network.TimeStep);
    }

    private static void AddRow(Constraint constraint, PiecewiseLinearLayer layer, int neuron, Variable?[] previous, double sign)
    {
        var row = layer.Weights.Slice(neuron * layer.Inputs, layer.Inputs);
        for (int i = 0; i < row.Length; i++)
        {
            var v = previous[i];
            if (v is not null && row[i] != 0) constraint.SetCoefficient(v, sign * row[i]);
        }
    }

    // e >= v - c and e >= c - v.
    private static void AddAbs(Solver solver, Variable e, Variable v, double c)
    {
        var up = solver.MakeConstraint(-c, double.PositiveInfinity, "");
        up.SetCoefficient(e, 1);
        up.SetCoefficient(v, -1);
        var down = solver.MakeConstraint(c, double.PositiveInfinity, "");
        down.SetCoefficient(e, 1);
        down.SetCoefficient(v, 1);
    }

    private static long SafeNodes(Solver solver)
    {
        try
        {
            return solver.Nodes();
        }
        catch (ApplicationException)
        {
            return 0;
        }
    }

    private static Solver? CreateSolver(MipBackend backend) => Solver.CreateSolver(backend switch
    {
        MipBackend.Cbc => "CBC",
        MipBackend.Scip => "SCIP",
        _ => "HIGHS",
    });
}
