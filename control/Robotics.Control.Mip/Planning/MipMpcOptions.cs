namespace Robotics.Control.Mip.Planning;

/// <summary>
/// Settings of <see cref="MipMpcPlanner"/>. The cost is L1:
/// J = sum_{t=1}^{H-1} sum_k q_k |x_{t,k} - g_k| + sum_k qH_k |x_{H,k} - g_k| + sum_{t=0}^{H-1} sum_j r_j |u_{t,j}|.
/// </summary>
/// <remarks>
/// L1 only: OR-Tools' C# MPSolver has no quadratic terms, and through ModelBuilder HiGHS silently drops a quadratic
/// objective while SCIP did not converge (shared/reference/ml-deps.md section 4), so a quadratic cost would not be
/// solved by any back end reliably.
/// </remarks>
public sealed record MipMpcOptions
{
    /// <summary>Horizon H in model steps (1 .. 100).</summary>
    public int Horizon { get; init; } = 10;

    /// <summary>Lower input bounds u_min (length m, required).</summary>
    public required double[] InputLow { get; init; }

    /// <summary>Upper input bounds u_max (length m, required, &gt;= <see cref="InputLow"/>).</summary>
    public required double[] InputHigh { get; init; }

    /// <summary>Hard lower state bounds for x_1 .. x_H (length n), or null for none (interval bounds still make every variable bounded).</summary>
    public double[]? StateLow { get; init; }

    /// <summary>Hard upper state bounds for x_1 .. x_H (length n), or null for none.</summary>
    public double[]? StateHigh { get; init; }

    /// <summary>
    /// Hard bounds relative to the start: x_t in [x_0 - radius, x_0 + radius] for t = 1 .. H (length n), or null for
    /// none. Use the distance the plant can move in H steps: it keeps interval bounds (and so the big-M constants)
    /// from growing step after step, which otherwise makes the program numerically hard.
    /// </summary>
    public double[]? StateRadius { get; init; }

    /// <summary>
    /// Variable scaling (length n), or null for none: the program uses x_k / scale_k as its variables, so that state
    /// increments of millimetres are not lost in the solvers' 1e-6 feasibility tolerances. Use the typical
    /// magnitude of each state (e.g. the artifact's input standard deviation). The plan and cost do not change.
    /// </summary>
    public double[]? StateScale { get; init; }

    /// <summary>Input variable scaling (length m), or null for none (see <see cref="StateScale"/>).</summary>
    public double[]? InputScale { get; init; }

    /// <summary>Stage weights q (length n, &gt;= 0) on |x_t - g| for t = 1 .. H-1.</summary>
    public required double[] StateWeights { get; init; }

    /// <summary>Terminal weights qH (length n, &gt;= 0) on |x_H - g|; null = the stage weights.</summary>
    public double[]? TerminalWeights { get; init; }

    /// <summary>Input weights r (length m, &gt;= 0) on |u_t|; null = none.</summary>
    public double[]? InputWeights { get; init; }

    /// <summary>The back end (HiGHS by default).</summary>
    public MipBackend Backend { get; init; } = MipBackend.Highs;

    /// <summary>Solver time limit; when it ends the search the best incumbent is returned with its gap. Default 1 s.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Relative MIP gap at which the solver stops (default 1e-4, OR-Tools' default; 0 .. 1).</summary>
    public double RelativeGap { get; init; } = 1e-4;

    /// <summary>Solver threads (default 1: the machine is shared with the control loop).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Pass the fallback plan (rolled out through the network) to the solver: as a hint to CBC and SCIP, as the starting incumbent to <see cref="MipBackend.HighsNative"/>; ignored for <see cref="MipBackend.Highs"/>.</summary>
    public bool WarmStart { get; init; } = true;

    /// <summary>
    /// Trust region (length m, &gt; 0), or null for none: when a warm-start plan is given to
    /// <see cref="MipMpcPlanner.Plan"/>, u_t is restricted to [plan_t - delta, plan_t + delta] (intersected with the
    /// input limits), a local search around that plan as in BaB-ND. The plan stays feasible, so the solver always has
    /// an incumbent, and the smaller input boxes make most ReLUs provably stable. The optimum is then optimal within
    /// the region only. Ignored when no plan is given.
    /// </summary>
    public double[]? TrustRegion { get; init; }

    /// <summary>How the big-M bounds are computed (default <see cref="MipBoundTightening.Propagation"/>: on the pusher, LP tightening made almost no neuron stable that propagation had not, and costs 2 LPs per uncertain neuron; docs/results/mip-solve-time.md).</summary>
    public MipBoundTightening BoundTightening { get; init; } = MipBoundTightening.Propagation;

    /// <summary>With <see cref="MipBoundTightening.Lp"/>: how many steps (from the first) get LP-tightened bounds; null = all H.</summary>
    public int? TighteningSteps { get; init; }

    /// <summary>
    /// <see cref="MipBackend.Highs"/> with a trust region and a warm-start plan: pass the plan's cost as objective cutoff
    /// (default true). HiGHS cannot be given the plan as a hint through OR-Tools 9.15; the cutoff prunes every node that
    /// cannot beat the plan. <see cref="MipBackend.HighsNative"/> takes the plan itself instead.
    /// On the pusher it made no measurable difference (docs/results/mip-solve-time.md).
    /// </summary>
    public bool CutoffAtWarmStart { get; init; } = true;

    /// <summary>Extra solver-specific parameters in the back end's text format (HiGHS: <c>name=value</c> lines; SCIP: <c>name = value</c> lines), or null.</summary>
    public string? SolverParameters { get; init; }

    /// <summary>Checks every field against the sizes of the model.</summary>
    /// <exception cref="ArgumentException">A field is out of range; the message names it, the value, the range and the fix.</exception>
    public void Validate(int stateSize, int inputSize)
    {
        if (Horizon is < 1 or > 100) throw new ArgumentException($"horizon: expected 1 .. 100 steps, found {Horizon}. Use a shorter horizon; binaries grow with it.", nameof(Horizon));
        CheckLength(InputLow, inputSize, "input_low");
        CheckLength(InputHigh, inputSize, "input_high");
        for (int j = 0; j < inputSize; j++)
        {
            if (!double.IsFinite(InputLow[j]) || !double.IsFinite(InputHigh[j]) || InputLow[j] > InputHigh[j])
            {
                throw new ArgumentException($"input_low/input_high[{j}]: expected finite bounds with low <= high, found [{InputLow[j]}, {InputHigh[j]}]. Give finite input limits.", nameof(InputLow));
            }
        }

        if (StateLow is not null) CheckLength(StateLow, stateSize, "state_low");
        if (StateHigh is not null) CheckLength(StateHigh, stateSize, "state_high");
        if (StateRadius is not null)
        {
            CheckLength(StateRadius, stateSize, "state_radius");
            foreach (double r in StateRadius)
            {
                if (!(r > 0)) throw new ArgumentException($"state_radius: expected values > 0 (infinity allowed), found {r}.", nameof(StateRadius));
            }
        }

        if (TrustRegion is not null)
        {
            CheckLength(TrustRegion, inputSize, "trust_region");
            foreach (double d in TrustRegion)
            {
                if (!(d > 0) || !double.IsFinite(d)) throw new ArgumentException($"trust_region: expected finite values > 0 (input units), found {d}. Use null for no trust region.", nameof(TrustRegion));
            }
        }

        if (TighteningSteps is < 0 || TighteningSteps > Horizon) throw new ArgumentException($"tightening_steps: expected 0 .. {Horizon} (the horizon) or null for all, found {TighteningSteps}.", nameof(TighteningSteps));
        CheckScale(StateScale, stateSize, "state_scale");
        CheckScale(InputScale, inputSize, "input_scale");
        CheckWeights(StateWeights, stateSize, "state_weights");
        if (TerminalWeights is not null) CheckWeights(TerminalWeights, stateSize, "terminal_weights");
        if (InputWeights is not null) CheckWeights(InputWeights, inputSize, "input_weights");
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentException($"time_limit: expected > 0, found {TimeLimit}. Give the solver some time, e.g. 50 ms.", nameof(TimeLimit));
        if (RelativeGap is < 0 or > 1 || double.IsNaN(RelativeGap)) throw new ArgumentException($"relative_gap: expected 0 .. 1, found {RelativeGap}.", nameof(RelativeGap));
        if (Threads is < 1 or > 64) throw new ArgumentException($"threads: expected 1 .. 64, found {Threads}.", nameof(Threads));
    }

    private static void CheckLength(double[]? values, int expected, string name)
    {
        if (values is null || values.Length != expected)
        {
            throw new ArgumentException($"{name}: expected {expected} values (one per model signal), found {values?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.", name);
        }
    }

    private static void CheckScale(double[]? values, int expected, string name)
    {
        if (values is null) return;
        CheckLength(values, expected, name);
        foreach (double v in values)
        {
            if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentException($"{name}: expected finite values > 0, found {v}.", name);
        }
    }

    private static void CheckWeights(double[] values, int expected, string name)
    {
        CheckLength(values, expected, name);
        foreach (double w in values)
        {
            if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException($"{name}: expected finite weights >= 0, found {w}.", name);
        }
    }
}
