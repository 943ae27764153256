using Robotics.Control.Mip.Planning;

namespace Robotics.Control.Mip.Tests;

/// <summary>
/// Acceptance "MIP correctness": the MIP optimum equals brute-force enumeration over a control grid.
/// </summary>
/// <remarks>
/// Tolerance: the MIP optimises over the continuous box, so it must be at or below the grid's best (up to 1e-6);
/// and the grid's best is at most the cost change of moving each control by half a grid spacing h/2 away from the
/// MIP optimum: with Lx, Lu the network's Lipschitz bounds (infinity norm), |dx_{t+1}| &lt;= (1 + Lx)|dx_t| + Lu h/2,
/// and |dJ| &lt;= sum_t (sum_k q_k) |dx_t| + sum_t (sum_j r_j) h/2. The bound is computed from the weights in the test.
/// </remarks>
public sealed class BruteForceTests
{
    public static TheoryData<ulong, int, int, int, int, MipBoundTightening> Cases => new()
    {
        // seed, states, inputs, horizon, grid points per input, big-M bounds
        { 11UL, 2, 1, 3, 61, MipBoundTightening.Propagation },
        { 12UL, 2, 1, 3, 61, MipBoundTightening.Propagation },
        { 13UL, 3, 2, 2, 21, MipBoundTightening.Propagation },
        { 11UL, 2, 1, 3, 61, MipBoundTightening.Lp },
        { 13UL, 3, 2, 2, 21, MipBoundTightening.Lp },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_SmallNetwork_MatchesGridEnumeration(ulong seed, int n, int m, int horizon, int points, MipBoundTightening tightening)
    {
        var net = TestNetworks.Random(seed, n, m, [6, 5], mixed: true);
        var x0 = new double[n];
        var goal = new double[n];
        for (int k = 0; k < n; k++) goal[k] = 0.3 * (k + 1) * (seed % 2 == 0 ? -1 : 1);
        var q = Enumerable.Repeat(1.0, n).ToArray();
        var qT = Enumerable.Repeat(3.0, n).ToArray();
        var r = Enumerable.Repeat(0.05, m).ToArray();
        var options = new MipMpcOptions
        {
            Horizon = horizon,
            InputLow = Enumerable.Repeat(-1.0, m).ToArray(),
            InputHigh = Enumerable.Repeat(1.0, m).ToArray(),
            StateWeights = q,
            TerminalWeights = qT,
            InputWeights = r,
            RelativeGap = 1e-9,
            TimeLimit = TimeSpan.FromSeconds(30),
            BoundTightening = tightening,
        };

        var result = new MipMpcPlanner(net, options).Plan(x0, goal);

        Assert.Equal(MipPlanStatus.Optimal, result.Status);
        // The MIP's plan, rolled out independently, costs what the MIP says (the encoding is exact).
        double replayed = TestNetworks.Cost(net, x0, goal, result.Controls, horizon, q, qT, r);
        Assert.Equal(replayed, result.Objective, 6);

        // Brute force over the grid.
        double h = 2.0 / (points - 1);
        int dims = horizon * m;
        var index = new int[dims];
        var plan = new double[dims];
        double best = double.PositiveInfinity;
        while (true)
        {
            for (int i = 0; i < dims; i++) plan[i] = -1 + h * index[i];
            best = Math.Min(best, TestNetworks.Cost(net, x0, goal, plan, horizon, q, qT, r));
            int d = 0;
            while (d < dims && ++index[d] == points) index[d++] = 0;
            if (d == dims) break;
        }

        var (lx, lu) = TestNetworks.Lipschitz(net);
        double dx = 0, tolerance = 0;
        for (int t = 0; t < horizon; t++)
        {
            dx = (1 + lx) * dx + lu * h / 2;
            tolerance += (t + 1 == horizon ? qT.Sum() : q.Sum()) * dx + r.Sum() * h / 2;
        }

        Assert.True(result.Objective <= best + 1e-6, $"MIP {result.Objective} is above the grid's best {best}");
        Assert.True(best - result.Objective <= tolerance, $"grid best {best} exceeds MIP {result.Objective} by more than the Lipschitz tolerance {tolerance}");
    }
}
