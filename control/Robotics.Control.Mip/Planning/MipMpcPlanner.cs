using System.Diagnostics;
using Google.OrTools.LinearSolver;
using Robotics.Control.Mip.Bounds;
using Robotics.Control.Mip.Networks;

namespace Robotics.Control.Mip.Planning;

/// <summary>
/// Mixed-integer MPC over a <see cref="ReluDynamicsNetwork"/>: the network is encoded exactly over the horizon
/// with interval-bound propagation and big-M constraints and solved with OR-Tools (HiGHS, CBC or SCIP).
/// </summary>
/// <remarks>
/// <para>The network is folded first (<see cref="FoldedReluNetwork"/>): identity neurons disappear into the affine maps,
/// leaving K ReLUs whose pre-activations a are affine in [x_t; u_t] and the earlier ReLUs. Bounds l &lt;= a &lt;= u come from
/// <see cref="FoldedReluNetwork.PropagateHorizon"/> (zonotopes from the known x_0 with the inputs free in their box,
/// intersected with intervals, the state box and the box of <see cref="MipMpcOptions.StateRadius"/> around x_0).
/// Program, for t = 0 .. H-1 and every ReLU:</para>
/// <list type="bullet">
/// <item>ReLU with l &gt;= 0 (stably active): z = a, no binary;</item>
/// <item>ReLU with u &lt;= 0 (stably inactive): z = 0, no variable;</item>
/// <item>otherwise: z &gt;= a, z &gt;= 0, z &lt;= a - l (1 - d), z &lt;= u d, d in {0, 1} (one binary).</item>
/// </list>
/// <para>x_{t+1} = A [x_t; u_t] + B z_t + d; u_min &lt;= u_t &lt;= u_max; optional state box on x_1 .. x_H; L1 cost
/// through auxiliary e &gt;= +-(x - g) (see <see cref="MipMpcOptions"/>). A time limit returns the best incumbent and its gap;
/// an infeasible program or no incumbent returns the fallback plan with a status saying so. The fallback plan,
/// rolled out through the network, is also given to CBC and SCIP as a complete hint (x, u, z, d, e); never to HiGHS,
/// whose OR-Tools 9.15 interface aborted the process on <c>SetHint</c>.</para>
/// <para>Trust region (<see cref="MipMpcOptions.TrustRegion"/>): with a warm-start plan, u_t is restricted to plan_t +- delta;
/// the per-step input boxes go into the bound propagation, so most ReLUs become provably stable (no binary). HiGHS gets
/// the warm start's cost as objective cutoff (it cannot take a hint). Optional LP bound tightening
/// (<see cref="MipMpcOptions.BoundTightening"/>, <see cref="Bounds.LpBoundTightener"/>) narrows the big-M bounds further.</para>
/// <para>Not real-time safe: each call builds a new OR-Tools model (allocates) and its duration depends on the solver.</para>
/// </remarks>
public sealed class MipMpcPlanner
{
    private readonly ReluDynamicsNetwork _network;
    private readonly FoldedReluNetwork _folded;
    private readonly FoldedReluNetwork _scaledFolded;
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
        _sx = options.StateScale ?? Enumerable.Repeat(1.0, network.StateSize).ToArray();
        _su = options.InputScale ?? Enumerable.Repeat(1.0, network.InputSize).ToArray();
        _folded = FoldedReluNetwork.Fold(network);
        _scaledFolded = _folded.Scaled(_sx, _su);
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
        double planCpu0 = ThreadCpuClock.NowMilliseconds();
        using var solver = CreateSolver(o.Backend)!;
        if (Environment.GetEnvironmentVariable("ROBOTICS_MIP_VERBOSE") is null) solver.SuppressOutput();
        else solver.EnableOutput();
        solver.SetNumThreads(o.Threads);
        solver.SetTimeLimit(Math.Max(1L, (long)Math.Ceiling(o.TimeLimit.TotalMilliseconds)));

        // Hint values: the fallback plan rolled out through the network, with every ReLU pre-activation.
        // Never to HiGHS: OR-Tools 9.15's HiGHS interface aborted the whole process on SetHint (observed; see docs/mip-mpc.md).
        var f = _scaledFolded;
        int kRelu = f.ReluCount, width = f.RowWidth;
        bool hint = o.WarmStart && fallback.Length > 0 && o.Backend != MipBackend.Highs;
        double[]? hintPre = null;
        double[]? hintStates = null;
        if (hint)
        {
            hintPre = new double[_h * kRelu];
            hintStates = new double[(_h + 1) * _n];
            x0.CopyTo(hintStates, 0);
            for (int t = 0; t < _h; t++)
            {
                _folded.Step(hintStates.AsSpan(t * _n, _n), fallback.AsSpan(t * _m, _m), hintStates.AsSpan((t + 1) * _n, _n), hintPre.AsSpan(t * kRelu, kRelu));
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

        // Bounds over the whole horizon (zonotopes intersected with intervals and the state boxes).
        var clipLo = new double[_n];
        var clipHi = new double[_n];
        for (int k = 0; k < _n; k++)
        {
            clipLo[k] = Math.Max(o.StateLow?[k] ?? double.NegativeInfinity, o.StateRadius is null ? double.NegativeInfinity : x0[k] - o.StateRadius[k]);
            clipHi[k] = Math.Min(o.StateHigh?[k] ?? double.PositiveInfinity, o.StateRadius is null ? double.PositiveInfinity : x0[k] + o.StateRadius[k]);
        }

        // Per-step input boxes: the input limits, intersected with the trust region around the warm-start plan if any.
        var uLo = new double[_h * _m];
        var uHi = new double[_h * _m];
        bool trust = o.TrustRegion is not null && fallback.Length > 0;
        for (int t = 0; t < _h; t++)
        {
            for (int j = 0; j < _m; j++)
            {
                double lo = o.InputLow[j], hi = o.InputHigh[j];
                if (trust)
                {
                    double c = Math.Clamp(fallback[t * _m + j], lo, hi);
                    lo = Math.Max(lo, c - o.TrustRegion![j]);
                    hi = Math.Min(hi, c + o.TrustRegion[j]);
                }

                uLo[t * _m + j] = lo;
                uHi[t * _m + j] = hi;
            }
        }

        var preLoAll = new double[_h * kRelu];
        var preHiAll = new double[_h * kRelu];
        var stLo = new double[(_h + 1) * _n];
        var stHi = new double[(_h + 1) * _n];
        _folded.PropagateHorizon(x0, uLo, uHi, _h, clipLo, clipHi, preLoAll, preHiAll, stLo, stHi);
        double tighteningMs = 0;
        int lpCount = 0;
        if (o.BoundTightening == MipBoundTightening.Lp && kRelu > 0)
        {
            // OBBT in the solver's (scaled) variables; pre-activations are not scaled.
            var tightenWatch = Stopwatch.StartNew();
            var sx0 = new double[_n];
            for (int k = 0; k < _n; k++) sx0[k] = x0[k] / _sx[k];
            var suLo = new double[_h * _m];
            var suHi = new double[_h * _m];
            for (int i = 0; i < suLo.Length; i++)
            {
                suLo[i] = uLo[i] / _su[i % _m];
                suHi[i] = uHi[i] / _su[i % _m];
            }

            var sLo = new double[stLo.Length];
            var sHi = new double[stHi.Length];
            for (int i = 0; i < sLo.Length; i++)
            {
                sLo[i] = stLo[i] / _sx[i % _n];
                sHi[i] = stHi[i] / _sx[i % _n];
            }

            lpCount = LpBoundTightener.Tighten(f, sx0, suLo, suHi, _h, o.TighteningSteps ?? _h, preLoAll, preHiAll, sLo, sHi);
            tighteningMs = tightenWatch.Elapsed.TotalMilliseconds;
        }
        int binaries = 0, stable = 0;
        var qStage = o.StateWeights;
        var qTerminal = o.TerminalWeights ?? o.StateWeights;
        string? infeasibleReason = null;
        var pre = f.PreActivationWeights;
        var outW = f.OutputWeights;
        // Columns of a coefficient row: v = [x_t; u_t] then z_t. A null entry is the constant 0 (a stably inactive ReLU).
        var columns = new Variable?[width];

        for (int t = 0; t < _h && infeasibleReason is null; t++)
        {
            inputVars[t] = new Variable[_m];
            for (int j = 0; j < _m; j++)
            {
                var u = solver.MakeNumVar(uLo[t * _m + j] / _su[j], uHi[t * _m + j] / _su[j], $"u{t}_{j}");
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

            for (int k = 0; k < _n; k++) columns[k] = stateVars[t][k];
            for (int j = 0; j < _m; j++) columns[_n + j] = inputVars[t][j];
            for (int r = 0; r < kRelu; r++) columns[_n + _m + r] = null;

            for (int r = 0; r < kRelu; r++)
            {
                double a = preLoAll[t * kRelu + r], c = preHiAll[t * kRelu + r], b = f.PreActivationBias[r];
                var row = pre.Slice(r * width, width);
                double hintA = hint ? hintPre![t * kRelu + r] : 0;
                if (c <= 0)
                {
                    stable++;   // stably inactive: z = 0, no variable
                    continue;
                }

                if (a >= 0)
                {
                    stable++;   // stably active: z = a
                    var z = solver.MakeNumVar(a, c, $"z{t}_{r}");
                    var eq = solver.MakeConstraint(b, b, "");
                    eq.SetCoefficient(z, 1);
                    AddRow(eq, row, columns, -1);
                    columns[_n + _m + r] = z;
                    if (hint) Hint(z, hintA);
                    continue;
                }

                binaries++;
                var y = solver.MakeNumVar(0, c, $"z{t}_{r}");
                var d = solver.MakeBoolVar($"d{t}_{r}");
                var above = solver.MakeConstraint(b, double.PositiveInfinity, "");     // y - a(v, z) >= b
                above.SetCoefficient(y, 1);
                AddRow(above, row, columns, -1);
                var below = solver.MakeConstraint(double.NegativeInfinity, b - a, ""); // y - a(v, z) - l d <= b - l
                below.SetCoefficient(y, 1);
                below.SetCoefficient(d, -a);
                AddRow(below, row, columns, -1);
                var gate = solver.MakeConstraint(double.NegativeInfinity, 0, "");        // y - u d <= 0
                gate.SetCoefficient(y, 1);
                gate.SetCoefficient(d, -c);
                columns[_n + _m + r] = y;
                if (hint)
                {
                    Hint(y, Math.Max(0, hintA));
                    Hint(d, hintA > 0 ? 1 : 0);
                }
            }

            // Next state, bounded by IBP intersected with the state box.
            stateVars[t + 1] = new Variable[_n];
            for (int k = 0; k < _n; k++)
            {
                double low = stLo[(t + 1) * _n + k], high = stHi[(t + 1) * _n + k];
                if (low > high)
                {
                    infeasibleReason = $"state {k} cannot stay inside its bounds at step {t + 1}: allowed [{clipLo[k]:G6}, {clipHi[k]:G6}] is out of reach";
                    break;
                }

                var x = solver.MakeNumVar(low / _sx[k], high / _sx[k], $"x{t + 1}_{k}");
                stateVars[t + 1][k] = x;
                double bias = f.OutputBias[k];
                var dyn = solver.MakeConstraint(bias, bias, "");   // x' - A v - B z = d
                dyn.SetCoefficient(x, 1);
                AddRow(dyn, outW.Slice(k * width, width), columns, -1);
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
            return Fallback(MipPlanStatus.FallbackInfeasible, "infeasible before solving: " + infeasibleReason, x0, g, fallback, binaries, stable, buildMs, 0, 0, tighteningMs, lpCount, 0, ThreadCpuClock.NowMilliseconds() - planCpu0);
        }

        if (hint && hintVars.Count > 0) solver.SetHint(hintVars.ToArray(), hintValues.ToArray());
        var specific = new System.Text.StringBuilder();
        double cutoff = double.NaN;
        if (o.Backend == MipBackend.Highs)
        {
            // OR-Tools 9.15's HiGHS wrapper ignores MPSolverParameters.RELATIVE_MIP_GAP (the log shows HiGHS's own 1e-4):
            // pass HiGHS's option directly.
            specific.Append(System.Globalization.CultureInfo.InvariantCulture, $"mip_rel_gap={o.RelativeGap:R}\n");
            if (Environment.GetEnvironmentVariable("ROBOTICS_MIP_VERBOSE") is null) specific.Append("output_flag=false\n");   // HiGHS printed its banner to stdout despite SuppressOutput
            if (o.CutoffAtWarmStart && fallback.Length > 0 && trust)
            {
                // HiGHS cannot take the plan as a hint (see above), but it can take its cost as an objective cutoff: nodes
                // that cannot beat the plan are pruned. "Infeasible" then means "nothing better than the plan".
                var rollout = new double[(_h + 1) * _n];
                cutoff = Cost(x0, g, fallback, rollout);
                if (double.IsFinite(cutoff)) specific.Append(System.Globalization.CultureInfo.InvariantCulture, $"objective_bound={cutoff * (1 + 1e-9) + 1e-12:R}\n");
                else cutoff = double.NaN;
            }
        }

        if (!string.IsNullOrEmpty(o.SolverParameters)) specific.Append(o.SolverParameters).Append('\n');
        if (specific.Length > 0) solver.SetSolverSpecificParametersAsString(specific.ToString());
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, o.RelativeGap);
        double cpu0 = ThreadCpuClock.NowMilliseconds();
        var solveWatch = Stopwatch.StartNew();
        var status = solver.Solve(parameters);
        double solveMs = solveWatch.Elapsed.TotalMilliseconds;
        double solveCpuMs = ThreadCpuClock.NowMilliseconds() - cpu0;
        double planCpuMs = ThreadCpuClock.NowMilliseconds() - planCpu0;
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
                TighteningMilliseconds = tighteningMs,
                LpCount = lpCount,
                SolveMilliseconds = solveMs,
                SolveCpuMilliseconds = solveCpuMs,
                TotalCpuMilliseconds = planCpuMs,
                Nodes = nodes,
                Backend = o.Backend,
                Message = optimal
                    ? $"optimal ({o.Backend}, {binaries} binaries, {solveMs:F1} ms)"
                    : $"time limit {o.TimeLimit.TotalMilliseconds:F0} ms reached: best incumbent, relative gap {gap:G3} ({o.Backend}, {binaries} binaries)",
            };
        }

        if (status == Solver.ResultStatus.INFEASIBLE && !double.IsNaN(cutoff))
        {
            // Infeasible under the cutoff: the solver proved (to its gap) that no plan in the trust region beats the warm
            // start, which is feasible there. The warm start is the MIP's answer.
            var states = new double[(_h + 1) * _n];
            double value = Cost(x0, g, fallback, states);
            return new MipPlanResult
            {
                Status = MipPlanStatus.Optimal,
                Controls = (double[])fallback.Clone(),
                PredictedStates = states,
                Objective = value,
                BestBound = value,
                RelativeGap = 0,
                BinaryCount = binaries,
                StableReluCount = stable,
                BuildMilliseconds = buildMs,
                TighteningMilliseconds = tighteningMs,
                LpCount = lpCount,
                SolveMilliseconds = solveMs,
                SolveCpuMilliseconds = solveCpuMs,
                TotalCpuMilliseconds = planCpuMs,
                Nodes = nodes,
                Backend = o.Backend,
                WarmStartOptimal = true,
                Message = $"optimal ({o.Backend}, {binaries} binaries, {solveMs:F1} ms): no plan in the trust region beats the warm start by more than the gap",
            };
        }

        var fallbackStatus = status == Solver.ResultStatus.INFEASIBLE ? MipPlanStatus.FallbackInfeasible : MipPlanStatus.FallbackNoSolution;
        string why = status switch
        {
            Solver.ResultStatus.INFEASIBLE => $"{o.Backend} proved the program infeasible (state or input bounds cannot be met)",
            Solver.ResultStatus.NOT_SOLVED => $"{o.Backend} found no feasible solution within {o.TimeLimit.TotalMilliseconds:F0} ms (status NOT_SOLVED after {solveMs:F1} ms)",
            _ => $"{o.Backend} returned {status}",
        };
        return Fallback(fallbackStatus, why, x0, g, fallback, binaries, stable, buildMs, solveMs, nodes, tighteningMs, lpCount, solveCpuMs, planCpuMs);
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
            _folded.Step(states.Slice(t * _n, _n), plan.Slice(t * _m, _m), states.Slice((t + 1) * _n, _n));
            var q = t + 1 == _h ? qTerminal : o.StateWeights;
            for (int k = 0; k < _n; k++) cost += q[k] * Math.Abs(states[(t + 1) * _n + k] - goal[k]);
        }

        return cost;
    }

    private MipPlanResult Fallback(MipPlanStatus status, string why, double[] x0, double[] g, double[] fallback, int binaries, int stable, double buildMs, double solveMs, long nodes, double tighteningMs, int lpCount, double solveCpuMs, double planCpuMs)
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
            TighteningMilliseconds = tighteningMs,
            LpCount = lpCount,
            SolveMilliseconds = solveMs,
            SolveCpuMilliseconds = solveCpuMs,
            TotalCpuMilliseconds = planCpuMs,
            Nodes = nodes,
            Backend = _options.Backend,
            Message = why + (none ? "; no fallback plan was given, so the plan is zero input" : "; using the fallback plan"),
        };
    }

    private static void AddRow(Constraint constraint, ReadOnlySpan<double> row, Variable?[] columns, double sign)
    {
        for (int i = 0; i < row.Length; i++)
        {
            var v = columns[i];
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
