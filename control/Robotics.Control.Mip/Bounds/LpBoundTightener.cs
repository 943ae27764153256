using Google.OrTools.LinearSolver;
using Robotics.Control.Mip.Networks;

namespace Robotics.Control.Mip.Bounds;

/// <summary>
/// Optimisation-based bound tightening (OBBT) of the ReLU pre-activation bounds of a <see cref="FoldedReluNetwork"/>
/// unrolled over a horizon: for each uncertain ReLU (l &lt; 0 &lt; u) and step, two LPs (min and max of its
/// pre-activation) over the LP relaxation of the steps before it, solved with GLOP.
/// </summary>
/// <remarks>
/// <para>The relaxation: x_0 fixed; per step the input box; every earlier ReLU encoded by its convex hull on its
/// (already tightened) bounds [l, u]: z = 0 if u &lt;= 0, z = a if l &gt;= 0, otherwise z &gt;= 0, z &gt;= a,
/// z &lt;= u (a - l) / (u - l) (the "triangle", which is also the projection of the big-M program with d relaxed to
/// [0, 1]); x_{t+1} = A [x_t; u_t] + B z_t + d with the given state bounds. The relaxation contains every trajectory the
/// MIP allows (every network trajectory inside the state bounds), so the optimum of each LP is a sound bound; each LP
/// value is widened by 1e-5 (1 + |value|) for the LP tolerances. Interval/zonotope propagation treats the inputs
/// of different steps and the ReLUs as independent boxes; the LP keeps every linear coupling, so it is tighter,
/// in particular for the later steps.</para>
/// <para>The ReLUs of one hidden layer do not depend on each other, so they are tightened against the same LP (only the
/// objective changes between their solves, which lets GLOP warm-start); their triangles are added before the next layer.</para>
/// <para>Cost: up to 2·K LPs per tightened step. Allocates (OR-Tools objects); design-time or once per plan.</para>
/// </remarks>
public static class LpBoundTightener
{
    /// <summary>
    /// Tightens <paramref name="preLow"/>/<paramref name="preHigh"/> in place for the first <paramref name="steps"/> steps.
    /// </summary>
    /// <param name="network">The network (may be a <see cref="FoldedReluNetwork.Scaled"/> copy: give every state and input quantity in its variables).</param>
    /// <param name="initialState">x_0 (length n).</param>
    /// <param name="inputLow">Per-step lower input bounds [H, m].</param>
    /// <param name="inputHigh">Per-step upper input bounds [H, m].</param>
    /// <param name="horizon">H.</param>
    /// <param name="steps">Steps to tighten (0 .. H); the bounds of later steps are left as given.</param>
    /// <param name="preLow">[H, K] lower pre-activation bounds, sound on entry (e.g. from <see cref="FoldedReluNetwork.PropagateHorizon"/>); tightened in place.</param>
    /// <param name="preHigh">[H, K] upper pre-activation bounds; tightened in place.</param>
    /// <param name="stateLow">[H + 1, n] lower state bounds (row 0 is ignored); part of the relaxation (hard bounds of the MIP).</param>
    /// <param name="stateHigh">[H + 1, n] upper state bounds.</param>
    /// <returns>The number of LPs solved.</returns>
    public static int Tighten(FoldedReluNetwork network, ReadOnlySpan<double> initialState, ReadOnlySpan<double> inputLow, ReadOnlySpan<double> inputHigh, int horizon, int steps,
        Span<double> preLow, Span<double> preHigh, ReadOnlySpan<double> stateLow, ReadOnlySpan<double> stateHigh)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.StateSize, m = network.InputSize, k = network.ReluCount, w = network.RowWidth;
        if (initialState.Length < n || inputLow.Length != horizon * m || inputHigh.Length != horizon * m || preLow.Length != horizon * k || preHigh.Length != horizon * k
            || stateLow.Length != (horizon + 1) * n || stateHigh.Length != (horizon + 1) * n)
        {
            throw new ArgumentException($"bound tightening: expected x_0 of {n}, inputs [{horizon}, {m}], pre-activations [{horizon}, {k}] and states [{horizon + 1}, {n}].", nameof(preLow));
        }

        steps = Math.Clamp(steps, 0, horizon);
        if (steps == 0 || k == 0) return 0;

        using var lp = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools could not create GLOP.");
        lp.SuppressOutput();
        var objective = lp.Objective();
        var pre = network.PreActivationWeights;
        var outW = network.OutputWeights;
        var columns = new Variable?[w];
        var state = new Variable[n];
        for (int q = 0; q < n; q++) state[q] = lp.MakeNumVar(initialState[q], initialState[q], "");
        int solved = 0;
        int layers = k == 0 ? 0 : network.ReluLayers[k - 1] + 1;
        for (int t = 0; t < steps; t++)
        {
            for (int q = 0; q < n; q++) columns[q] = state[q];
            for (int j = 0; j < m; j++) columns[n + j] = lp.MakeNumVar(inputLow[t * m + j], inputHigh[t * m + j], "");
            for (int r = 0; r < k; r++) columns[n + m + r] = null;

            for (int layer = 0, first = 0; layer < layers; layer++)
            {
                int end = first;
                while (end < k && network.ReluLayers[end] == layer) end++;
                for (int r = first; r < end; r++)
                {
                    int at = t * k + r;
                    if (!(preLow[at] < 0 && preHigh[at] > 0)) continue;
                    var row = pre.Slice(r * w, w);
                    double bias = network.PreActivationBias[r];
                    objective.Clear();
                    for (int c = 0; c < w; c++)
                    {
                        if (columns[c] is { } v && row[c] != 0) objective.SetCoefficient(v, row[c]);
                    }

                    objective.SetMinimization();
                    solved++;
                    if (lp.Solve() == Solver.ResultStatus.OPTIMAL)
                    {
                        double value = objective.Value() + bias;
                        preLow[at] = Math.Max(preLow[at], value - 1e-5 * (1 + Math.Abs(value)));
                    }

                    objective.SetMaximization();
                    solved++;
                    if (lp.Solve() == Solver.ResultStatus.OPTIMAL)
                    {
                        double value = objective.Value() + bias;
                        preHigh[at] = Math.Min(preHigh[at], value + 1e-5 * (1 + Math.Abs(value)));
                    }
                }

                for (int r = first; r < end; r++) columns[n + m + r] = Encode(lp, pre.Slice(r * w, w), network.PreActivationBias[r], columns, preLow[t * k + r], preHigh[t * k + r]);
                first = end;
            }

            for (int q = 0; q < n; q++)
            {
                var x = lp.MakeNumVar(stateLow[(t + 1) * n + q], Math.Max(stateLow[(t + 1) * n + q], stateHigh[(t + 1) * n + q]), "");
                double bias = network.OutputBias[q];
                var dyn = lp.MakeConstraint(bias, bias, "");   // x' - A v - B z = d
                dyn.SetCoefficient(x, 1);
                var row = outW.Slice(q * w, w);
                for (int c = 0; c < w; c++)
                {
                    if (columns[c] is { } v && row[c] != 0) dyn.SetCoefficient(v, -row[c]);
                }

                state[q] = x;
            }
        }

        return solved;
    }

    // The convex hull of z = relu(a) for a in [l, u]; null = the constant 0.
    private static Variable? Encode(Solver lp, ReadOnlySpan<double> row, double bias, Variable?[] columns, double l, double u)
    {
        if (u <= 0) return null;
        var z = lp.MakeNumVar(Math.Max(0, l), u, "");
        if (l >= 0)
        {
            var eq = lp.MakeConstraint(bias, bias, "");        // z - a(v) = c
            eq.SetCoefficient(z, 1);
            AddRow(eq, row, columns, -1);
            return z;
        }

        var above = lp.MakeConstraint(bias, double.PositiveInfinity, "");  // z - a(v) >= c
        above.SetCoefficient(z, 1);
        AddRow(above, row, columns, -1);
        double s = u / (u - l);                                           // z <= s (a - l)  <=>  z - s a(v) <= s (c - l)
        var hull = lp.MakeConstraint(double.NegativeInfinity, s * (bias - l), "");
        hull.SetCoefficient(z, 1);
        AddRow(hull, row, columns, -s);
        return z;
    }

    private static void AddRow(Constraint constraint, ReadOnlySpan<double> row, Variable?[] columns, double sign)
    {
        for (int i = 0; i < row.Length; i++)
        {
            if (columns[i] is { } v && row[i] != 0) constraint.SetCoefficient(v, sign * row[i]);
        }
    }
}
