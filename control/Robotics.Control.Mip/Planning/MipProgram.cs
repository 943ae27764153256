using System.Globalization;
using Google.OrTools.LinearSolver;

namespace Robotics.Control.Mip.Planning;

/// <summary>
/// A mixed-integer linear program in plain arrays (columns with bounds, costs and integrality; rows with bounds; a list
/// of coefficients), built once by <see cref="MipMpcPlanner"/> and handed to the chosen back end: OR-Tools' MPSolver
/// (HiGHS, CBC, SCIP) or HiGHS's own C API (<see cref="MipBackend.HighsNative"/>), which, unlike OR-Tools' HiGHS
/// wrapper, takes a starting solution and returns the incumbent at a time limit.
/// </summary>
internal sealed class MipProgram
{
    private readonly List<double> _colLo = [];
    private readonly List<double> _colHi = [];
    private readonly List<double> _cost = [];
    private readonly List<bool> _integer = [];
    private readonly List<double> _rowLo = [];
    private readonly List<double> _rowHi = [];
    private readonly List<int> _entryRow = [];
    private readonly List<int> _entryCol = [];
    private readonly List<double> _entryValue = [];

    /// <summary>Columns so far.</summary>
    public int ColumnCount => _colLo.Count;

    /// <summary>Rows so far.</summary>
    public int RowCount => _rowLo.Count;

    /// <summary>Adds a continuous column (or a binary with <paramref name="integer"/> and bounds [0, 1]); returns its index.</summary>
    public int AddColumn(double low, double high, bool integer = false)
    {
        _colLo.Add(low);
        _colHi.Add(high);
        _cost.Add(0);
        _integer.Add(integer);
        return _colLo.Count - 1;
    }

    /// <summary>Sets a column's objective coefficient (minimised).</summary>
    public void SetCost(int column, double cost) => _cost[column] = cost;

    /// <summary>Adds a row low &lt;= a x &lt;= high (either may be infinite); returns its index.</summary>
    public int AddRow(double low, double high)
    {
        _rowLo.Add(low);
        _rowHi.Add(high);
        return _rowLo.Count - 1;
    }

    /// <summary>Adds a coefficient to a row (a column appears at most once per row).</summary>
    public void Set(int row, int column, double value)
    {
        _entryRow.Add(row);
        _entryCol.Add(column);
        _entryValue.Add(value);
    }

    /// <summary>
    /// Solves the program.
    /// </summary>
    /// <param name="settings">Back end, time limit, gap, threads and extra parameters.</param>
    /// <param name="start">A complete feasible assignment to start from (its objective as incumbent), or null. CBC and SCIP take it as a hint, HiGHS native as its starting solution; OR-Tools' HiGHS never (its SetHint aborted the process).</param>
    /// <param name="highsCutoff">OR-Tools' HiGHS only: an objective cutoff, or NaN.</param>
    public MipSolution Solve(MipMpcOptions settings, double[]? start, double highsCutoff)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Backend == MipBackend.HighsNative ? SolveHighsNative(settings, start) : SolveOrTools(settings, start, highsCutoff);
    }

    private MipSolution SolveOrTools(MipMpcOptions o, double[]? start, double highsCutoff)
    {
        using var solver = CreateOrToolsSolver(o.Backend)
            ?? throw new InvalidOperationException($"OR-Tools could not create the {o.Backend} solver in this build.");
        bool verbose = Environment.GetEnvironmentVariable("ROBOTICS_MIP_VERBOSE") is not null;
        if (verbose) solver.EnableOutput();
        else solver.SuppressOutput();
        solver.SetNumThreads(o.Threads);
        solver.SetTimeLimit(Math.Max(1L, (long)Math.Ceiling(o.TimeLimit.TotalMilliseconds)));
        var vars = new Variable[ColumnCount];
        var objective = solver.Objective();
        objective.SetMinimization();
        for (int c = 0; c < vars.Length; c++)
        {
            vars[c] = _integer[c] ? solver.MakeIntVar(_colLo[c], _colHi[c], "") : solver.MakeNumVar(_colLo[c], _colHi[c], "");
            if (_cost[c] != 0) objective.SetCoefficient(vars[c], _cost[c]);
        }

        var rows = new Constraint[RowCount];
        for (int r = 0; r < rows.Length; r++) rows[r] = solver.MakeConstraint(_rowLo[r], _rowHi[r], "");
        for (int e = 0; e < _entryRow.Count; e++) rows[_entryRow[e]].SetCoefficient(vars[_entryCol[e]], _entryValue[e]);
        if (start is not null && o.Backend != MipBackend.Highs) solver.SetHint(vars, start);

        var specific = new System.Text.StringBuilder();
        if (o.Backend == MipBackend.Highs)
        {
            // OR-Tools 9.15's HiGHS wrapper ignores MPSolverParameters.RELATIVE_MIP_GAP (the log shows HiGHS's own 1e-4).
            specific.Append(CultureInfo.InvariantCulture, $"mip_rel_gap={o.RelativeGap:R}\n");
            if (!verbose) specific.Append("output_flag=false\n");   // HiGHS printed its banner to stdout despite SuppressOutput
            if (!double.IsNaN(highsCutoff)) specific.Append(CultureInfo.InvariantCulture, $"objective_bound={highsCutoff * (1 + 1e-9) + 1e-12:R}\n");
        }

        if (!string.IsNullOrEmpty(o.SolverParameters)) specific.Append(o.SolverParameters).Append('\n');
        if (specific.Length > 0) solver.SetSolverSpecificParametersAsString(specific.ToString());
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, o.RelativeGap);
        var status = solver.Solve(parameters);
        long nodes;
        try
        {
            nodes = solver.Nodes();
        }
        catch (ApplicationException)
        {
            nodes = 0;
        }

        if (status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)
        {
            var values = new double[vars.Length];
            for (int c = 0; c < vars.Length; c++) values[c] = vars[c].SolutionValue();
            double value = objective.Value();
            bool optimal = status == Solver.ResultStatus.OPTIMAL;
            double bound = optimal ? Math.Min(value, objective.BestBound()) : objective.BestBound();
            return new MipSolution(optimal ? MipSolutionKind.Optimal : MipSolutionKind.Incumbent, values, value, bound, nodes, "");
        }

        var kind = status == Solver.ResultStatus.INFEASIBLE ? MipSolutionKind.Infeasible : MipSolutionKind.NoSolution;
        string why = status switch
        {
            Solver.ResultStatus.INFEASIBLE => $"{o.Backend} proved the program infeasible (state or input bounds cannot be met)",
            Solver.ResultStatus.NOT_SOLVED => $"{o.Backend} found no feasible solution within {o.TimeLimit.TotalMilliseconds:F0} ms (status NOT_SOLVED)",
            _ => $"{o.Backend} returned {status}",
        };
        return new MipSolution(kind, null, double.NaN, double.NaN, nodes, why);
    }

    private MipSolution SolveHighsNative(MipMpcOptions o, double[]? start)
    {
        int nCol = ColumnCount, nRow = RowCount, nnz = _entryRow.Count;

        // Row-wise (CSR) matrix: a counting sort of the coefficients by row.
        var rowStart = new int[nRow + 1];
        foreach (int r in _entryRow) rowStart[r + 1]++;
        for (int r = 0; r < nRow; r++) rowStart[r + 1] += rowStart[r];
        var fill = (int[])rowStart.Clone();
        var index = new int[nnz];
        var value = new double[nnz];
        for (int e = 0; e < nnz; e++)
        {
            int slot = fill[_entryRow[e]]++;
            index[slot] = _entryCol[e];
            value[slot] = _entryValue[e];
        }

        var integrality = new int[nCol];
        for (int c = 0; c < nCol; c++) integrality[c] = _integer[c] ? HighsNative.VarTypeInteger : HighsNative.VarTypeContinuous;

        nint highs = HighsNative.Create();
        try
        {
            bool verbose = Environment.GetEnvironmentVariable("ROBOTICS_MIP_VERBOSE") is not null;
            HighsNative.SetBoolOption(highs, "output_flag", verbose ? 1 : 0);
            HighsNative.SetIntOption(highs, "threads", o.Threads);
            HighsNative.SetDoubleOption(highs, "time_limit", Math.Max(1e-3, o.TimeLimit.TotalSeconds));
            HighsNative.SetDoubleOption(highs, "mip_rel_gap", o.RelativeGap);
            foreach (var (name, text) in ParseParameters(o.SolverParameters))
            {
                if (HighsNative.SetOptionFromString(highs, name, text) == HighsNative.StatusError)
                {
                    return new MipSolution(MipSolutionKind.NoSolution, null, double.NaN, double.NaN, 0, $"HighsNative: HiGHS rejected the solver parameter '{name}={text}' (see HiGHS's option list)");
                }
            }

            int passed = HighsNative.PassMip(
                highs, nCol, nRow, nnz, HighsNative.MatrixFormatRowwise, HighsNative.ObjSenseMinimize, 0,
                [.. _cost], [.. _colLo], [.. _colHi], [.. _rowLo], [.. _rowHi], rowStart, index, value, integrality);
            if (passed == HighsNative.StatusError)
            {
                return new MipSolution(MipSolutionKind.NoSolution, null, double.NaN, double.NaN, 0, "HighsNative: HiGHS rejected the model (Highs_passMip returned an error)");
            }

            // A rejected start (e.g. infeasible after rounding) only costs the incumbent; HiGHS still solves.
            if (start is not null) HighsNative.SetSolution(highs, start, 0, 0, 0);
            HighsNative.Run(highs);
            int status = HighsNative.GetModelStatus(highs);
            HighsNative.GetInt64Info(highs, "mip_node_count", out long nodes);
            HighsNative.GetIntInfo(highs, "primal_solution_status", out int primal);
            if (status == HighsNative.ModelStatusInfeasible)
            {
                return new MipSolution(MipSolutionKind.Infeasible, null, double.NaN, double.NaN, nodes, "HighsNative proved the program infeasible (state or input bounds cannot be met)");
            }

            if (primal != HighsNative.SolutionStatusFeasible)
            {
                return new MipSolution(MipSolutionKind.NoSolution, null, double.NaN, double.NaN, nodes, $"HighsNative found no feasible solution within {o.TimeLimit.TotalMilliseconds:F0} ms (model status {status})");
            }

            var values = new double[nCol];
            HighsNative.GetSolution(highs, values, 0, 0, 0);
            HighsNative.GetDoubleInfo(highs, "objective_function_value", out double objective);
            HighsNative.GetDoubleInfo(highs, "mip_dual_bound", out double bound);
            bool optimal = status == HighsNative.ModelStatusOptimal;
            if (optimal) bound = Math.Min(objective, bound);
            return new MipSolution(optimal ? MipSolutionKind.Optimal : MipSolutionKind.Incumbent, values, objective, bound, nodes, status == HighsNative.ModelStatusTimeLimit ? "" : $"model status {status}");
        }
        finally
        {
            HighsNative.Destroy(highs);
        }
    }

    /// <summary>
    /// Why <see cref="MipBackend.HighsNative"/> cannot run here (the library is missing, or built with 64-bit HighsInt,
    /// which the declarations in <see cref="HighsNative"/> do not match), or null when it can. Checked once, at planner
    /// construction, so that a bad back end fails at configuration and not inside a tick.
    /// </summary>
    public static string? HighsNativeProblem()
    {
        try
        {
            nint highs = HighsNative.Create();
            int size = HighsNative.SizeofHighsInt(highs);
            HighsNative.Destroy(highs);
            return size == sizeof(int) ? null : $"libhighs.so.1 uses {size * 8}-bit HighsInt, the declarations expect 32-bit";
        }
        catch (DllNotFoundException e)
        {
            return "libhighs.so.1 (shipped by the Google.OrTools runtime package for linux-x64) could not be loaded: " + e.Message;
        }
    }

    /// <summary>OR-Tools' solver for a back end (null if this build lacks it). <see cref="MipBackend.HighsNative"/> maps to HiGHS.</summary>
    public static Solver? CreateOrToolsSolver(MipBackend backend) => Solver.CreateSolver(backend switch
    {
        MipBackend.Cbc => "CBC",
        MipBackend.Scip => "SCIP",
        _ => "HIGHS",
    });

    private static IEnumerable<(string Name, string Value)> ParseParameters(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) yield break;
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"solver_parameters: '{line}' is not 'name=value'. Write one HiGHS option per line, e.g. mip_heuristic_effort=0.", nameof(text));
            yield return (line[..eq].Trim(), line[(eq + 1)..].Trim());
        }
    }
}

/// <summary>What a back end returned for a <see cref="MipProgram"/>.</summary>
internal enum MipSolutionKind
{
    /// <summary>Solved to the relative gap.</summary>
    Optimal,

    /// <summary>Time limit: the best incumbent.</summary>
    Incumbent,

    /// <summary>Proved infeasible.</summary>
    Infeasible,

    /// <summary>No solution (time limit without incumbent, or an error; see the detail).</summary>
    NoSolution,
}

/// <summary>A back end's answer: the kind, the column values (null without a solution), objective, best bound, B&amp;B nodes and a detail message.</summary>
internal sealed record MipSolution(MipSolutionKind Kind, double[]? Values, double Objective, double Bound, long Nodes, string Detail);
