using System.Diagnostics;
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
/// rolled out through the network, is also given to CBC and SCIP as a complete hint (x, u, z, d, e) and to
/// <see cref="MipBackend.HighsNative"/> as its starting incumbent; never to <see cref="MipBackend.Highs"/>, whose
/// OR-Tools 9.15 interface aborted the process on <c>SetHint</c>. The program is built once in plain arrays
/// (<see cref="MipProgram"/>) and handed to the back end.</para>
/// <para>Trust region (<see cref="MipMpcOptions.TrustRegion"/>): with a warm-start plan, u_t is restricted to plan_t +- delta;
/// the per-step input boxes go into the bound propagation, so most ReLUs become provably stable (no binary).
/// <see cref="MipBackend.Highs"/> gets the warm start's cost as objective cutoff (it cannot take a hint). Optional LP bound tightening
/// (<see cref="MipMpcOptions.BoundTightening"/>, <see cref="Bounds.LpBoundTightener"/>) narrows the big-M bounds further.</para>
/// <para>Not real-time safe: each call builds a new program (allocates) and its duration depends on the solver.</para>
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
        using (var probe = MipProgram.CreateOrToolsSolver(options.Backend))
        {
            if (probe is null) throw new ArgumentException($"backend: OR-Tools could not create the {options.Backend} solver in this build.", nameof(options));
        }

        if (options.Backend == MipBackend.HighsNative && MipProgram.HighsNativeProblem() is { } problem)
        {
            throw new ArgumentException($"backend: HighsNative cannot run here: {problem}. Use backend Highs (HiGHS through OR-Tools).", nameof(options));
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
        // Hint values: the fallback plan rolled out through the network, with every ReLU pre-activation.
        // Never to OR-Tools' HiGHS: its 9.15 interface aborted the whole process on SetHint (observed; see docs/mip-mpc.md).
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

        var program = new MipProgram();
        var hintColumns = new List<int>();
        var hintValues = new List<double>();
        void Hint(int column, double value)
        {
            hintColumns.Add(column);
            hintValues.Add(value);
        }

        var stateVars = new int[_h + 1][];
        var inputVars = new int[_h][];
        stateVars[0] = new int[_n];
        for (int k = 0; k < _n; k++)
        {
            stateVars[0][k] = program.AddColumn(x0[k] / _sx[k], x0[k] / _sx[k]);
            if (hint) Hint(stateVars[0][k], x0[k] / _sx[k]);
        }

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
        // Columns of a coefficient row: v = [x_t; u_t] then z_t; -1 is the constant 0 (a stably inactive ReLU).
        var columns = new int[width];

        for (int t = 0; t < _h && infeasibleReason is null; t++)
        {
            inputVars[t] = new int[_m];
            for (int j = 0; j < _m; j++)
            {
                int u = program.AddColumn(uLo[t * _m + j] / _su[j], uHi[t * _m + j] / _su[j]);
                inputVars[t][j] = u;
                if (hint) Hint(u, fallback[t * _m + j] / _su[j]);
                double r = (o.InputWeights?[j] ?? 0) * _su[j];
                if (r > 0)
                {
                    int e = program.AddColumn(0, double.PositiveInfinity);
                    AddAbs(program, e, u, 0);
                    program.SetCost(e, r);
                    if (hint) Hint(e, Math.Abs(fallback[t * _m + j] / _su[j]));
                }
            }

            for (int k = 0; k < _n; k++) columns[k] = stateVars[t][k];
            for (int j = 0; j < _m; j++) columns[_n + j] = inputVars[t][j];
            for (int r = 0; r < kRelu; r++) columns[_n + _m + r] = -1;

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
                    int z = program.AddColumn(a, c);
                    int eq = program.AddRow(b, b);
                    program.Set(eq, z, 1);
                    AddRow(program, eq, row, columns, -1);
                    columns[_n + _m + r] = z;
                    if (hint) Hint(z, hintA);
                    continue;
                }

                binaries++;
                int y = program.AddColumn(0, c);
                int d = program.AddColumn(0, 1, integer: true);
                int above = program.AddRow(b, double.PositiveInfinity);     // y - a(v, z) >= b
                program.Set(above, y, 1);
                AddRow(program, above, row, columns, -1);
                int below = program.AddRow(double.NegativeInfinity, b - a); // y - a(v, z) - l d <= b - l
                program.Set(below, y, 1);
                program.Set(below, d, -a);
                AddRow(program, below, row, columns, -1);
                int gate = program.AddRow(double.NegativeInfinity, 0);       // y - u d <= 0
                program.Set(gate, y, 1);
                program.Set(gate, d, -c);
                columns[_n + _m + r] = y;
                if (hint)
                {
                    Hint(y, Math.Max(0, hintA));
                    Hint(d, hintA > 0 ? 1 : 0);
                }
            }

            // Next state, bounded by IBP intersected with the state box.
            stateVars[t + 1] = new int[_n];
            for (int k = 0; k < _n; k++)
            {
                double low = stLo[(t + 1) * _n + k], high = stHi[(t + 1) * _n + k];
                if (low > high)
                {
                    infeasibleReason = $"state {k} cannot stay inside its bounds at step {t + 1}: allowed [{clipLo[k]:G6}, {clipHi[k]:G6}] is out of reach";
                    break;
                }

                int x = program.AddColumn(low / _sx[k], high / _sx[k]);
                stateVars[t + 1][k] = x;
                double bias = f.OutputBias[k];
                int dyn = program.AddRow(bias, bias);   // x' - A v - B z = d
                program.Set(dyn, x, 1);
                AddRow(program, dyn, outW.Slice(k * width, width), columns, -1);
                if (hint) Hint(x, hintStates![(t + 1) * _n + k] / _sx[k]);
                double q = (t + 1 == _h ? qTerminal[k] : qStage[k]) * _sx[k];
                if (q > 0)
                {
                    int e = program.AddColumn(0, double.PositiveInfinity);
                    AddAbs(program, e, x, g[k] / _sx[k]);
                    program.SetCost(e, q);
                    if (hint) Hint(e, Math.Abs(hintStates![(t + 1) * _n + k] - g[k]) / _sx[k]);
                }
            }
        }

        double buildMs = total.Elapsed.TotalMilliseconds;
        if (infeasibleReason is not null)
        {
            var before = new PlanStats(binaries, stable, buildMs, tighteningMs, lpCount, 0, 0, ThreadCpuClock.NowMilliseconds() - planCpu0, 0);
            return Fallback(MipPlanStatus.FallbackInfeasible, "infeasible before solving: " + infeasibleReason, x0, g, fallback, before);
        }

        double[]? start = null;
        if (hint)
        {
            // Every column has exactly one hint value (the plan's rollout), so this is a complete assignment.
            start = new double[program.ColumnCount];
            for (int i = 0; i < hintColumns.Count; i++) start[hintColumns[i]] = hintValues[i];
        }

        double cutoff = double.NaN;
        if (o.Backend == MipBackend.Highs && o.CutoffAtWarmStart && fallback.Length > 0 && trust)
        {
            // OR-Tools' HiGHS cannot take the plan as a hint (see above), but it can take its cost as an objective cutoff:
            // nodes that cannot beat the plan are pruned. "Infeasible" then means "nothing better than the plan".
            var rollout = new double[(_h + 1) * _n];
            cutoff = Cost(x0, g, fallback, rollout);
            if (!double.IsFinite(cutoff)) cutoff = double.NaN;
        }

        double cpu0 = ThreadCpuClock.NowMilliseconds();
        var solveWatch = Stopwatch.StartNew();
        var solution = program.Solve(o, start, cutoff);
        double solveMs = solveWatch.Elapsed.TotalMilliseconds;
        double solveCpuMs = ThreadCpuClock.NowMilliseconds() - cpu0;
        var stats = new PlanStats(binaries, stable, buildMs, tighteningMs, lpCount, solveMs, solveCpuMs, ThreadCpuClock.NowMilliseconds() - planCpu0, solution.Nodes);

        if (solution.Values is { } values)
        {
            var controls = new double[_h * _m];
            var states = new double[(_h + 1) * _n];
            for (int t = 0; t < _h; t++)
            {
                for (int j = 0; j < _m; j++) controls[t * _m + j] = Math.Clamp(values[inputVars[t][j]] * _su[j], o.InputLow[j], o.InputHigh[j]);
            }

            for (int t = 0; t <= _h; t++)
            {
                for (int k = 0; k < _n; k++) states[t * _n + k] = values[stateVars[t][k]] * _sx[k];
            }

            double value = solution.Objective, bound = solution.Bound;
            double gap = double.IsFinite(bound) ? Math.Max(0, value - bound) / Math.Max(Math.Abs(value), 1e-9) : double.NaN;
            bool optimal = solution.Kind == MipSolutionKind.Optimal;
            string message = optimal
                ? $"optimal ({o.Backend}, {binaries} binaries, {solveMs:F1} ms)"
                : $"time limit {o.TimeLimit.TotalMilliseconds:F0} ms reached: best incumbent, relative gap {gap:G3} ({o.Backend}, {binaries} binaries)";
            return Result(optimal ? MipPlanStatus.Optimal : MipPlanStatus.TimeLimitIncumbent, controls, states, value, bound, gap, stats, message);
        }

        if (solution.Kind == MipSolutionKind.Infeasible && !double.IsNaN(cutoff))
        {
            // Infeasible under the cutoff: the solver proved (to its gap) that no plan in the trust region beats the warm
            // start, which is feasible there. The warm start is the MIP's answer.
            var states = new double[(_h + 1) * _n];
            double value = Cost(x0, g, fallback, states);
            return Result(MipPlanStatus.Optimal, (double[])fallback.Clone(), states, value, value, 0, stats,
                $"optimal ({o.Backend}, {binaries} binaries, {solveMs:F1} ms): no plan in the trust region beats the warm start by more than the gap", warmStartOptimal: true);
        }

        var fallbackStatus = solution.Kind == MipSolutionKind.Infeasible ? MipPlanStatus.FallbackInfeasible : MipPlanStatus.FallbackNoSolution;
        return Fallback(fallbackStatus, solution.Detail + $" after {solveMs:F1} ms", x0, g, fallback, stats);
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

    private MipPlanResult Fallback(MipPlanStatus status, string why, double[] x0, double[] g, double[] fallback, PlanStats stats)
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
        return Result(none ? MipPlanStatus.NoPlan : status, controls, states, cost, double.NaN, double.NaN, stats,
            why + (none ? "; no fallback plan was given, so the plan is zero input" : "; using the fallback plan"));
    }

    private MipPlanResult Result(MipPlanStatus status, double[] controls, double[] states, double objective, double bound, double gap, PlanStats stats, string message, bool warmStartOptimal = false) => new()
    {
        Status = status,
        Controls = controls,
        PredictedStates = states,
        Objective = objective,
        BestBound = bound,
        RelativeGap = gap,
        BinaryCount = stats.Binaries,
        StableReluCount = stats.Stable,
        BuildMilliseconds = stats.BuildMs,
        TighteningMilliseconds = stats.TighteningMs,
        LpCount = stats.LpCount,
        SolveMilliseconds = stats.SolveMs,
        SolveCpuMilliseconds = stats.SolveCpuMs,
        TotalCpuMilliseconds = stats.PlanCpuMs,
        Nodes = stats.Nodes,
        Backend = _options.Backend,
        WarmStartOptimal = warmStartOptimal,
        Message = message,
    };

    private static void AddRow(MipProgram program, int constraint, ReadOnlySpan<double> row, int[] columns, double sign)
    {
        for (int i = 0; i < row.Length; i++)
        {
            int v = columns[i];
            if (v >= 0 && row[i] != 0) program.Set(constraint, v, sign * row[i]);
        }
    }

    // e >= v - c and e >= c - v.
    private static void AddAbs(MipProgram program, int e, int v, double c)
    {
        int up = program.AddRow(-c, double.PositiveInfinity);
        program.Set(up, e, 1);
        program.Set(up, v, -1);
        int down = program.AddRow(c, double.PositiveInfinity);
        program.Set(down, e, 1);
        program.Set(down, v, 1);
    }

    // What every result reports about the program and its solve.
    private readonly record struct PlanStats(int Binaries, int Stable, double BuildMs, double TighteningMs, int LpCount, double SolveMs, double SolveCpuMs, double PlanCpuMs, long Nodes);
}
