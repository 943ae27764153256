using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Tests.Mpc;

public class CostTermTests
{
    // Two samples, H = 2, n = 2 (observed 2), m = 1; time-major layout (t, b).
    // states: t0 both [0, 0]; t1: b0 [1, 0], b1 [0, 2]; t2: b0 [2, 1], b1 [-1, 0]
    private static readonly double[] States = [0, 0, 0, 0, 1, 0, 0, 2, 2, 1, -1, 0];
    // controls: t0: b0 1, b1 -2; t1: b0 3, b1 0
    private static readonly double[] Controls = [1, -2, 3, 0];
    // reference rows t = 0..2
    private static readonly double[] Reference = [0, 0, 1, 1, 2, 0];
    private static readonly double[] Previous = [0.5];

    private static MpcDimensions Dims => new(2, 2, 1, 2, 2, 0.1, ["p", "v"], ["u"]);

    private static double[] Evaluate(ICostTerm term)
    {
        term.Configure(Dims);
        var costs = new double[2];
        var input = new CostInput(States, Controls, Reference, Previous, 2, 2, 2, 1, 2, 0.1);
        term.AddCosts(input, costs);
        return costs;
    }

    [Fact]
    public void Goal_WeightedSquaredDistanceToFinalReference()
    {
        // goal = [2, 0]; q = [1, 3]; running factor 0.5, terminal 2, weight 2.
        // b0: t1 (1-2)^2 + 3*0 = 1 -> 0.5; t2 0 + 3*1 = 3 -> 6; total 6.5 * 2 = 13
        // b1: t1 (0-2)^2 + 3*4 = 16 -> 8; t2 9 + 0 = 9 -> 18; total 26 * 2 = 52
        var costs = Evaluate(new GoalCost { Weight = 2, StateWeights = [1, 3], RunningFactor = 0.5, TerminalFactor = 2 });
        Assert.Equal([13.0, 52.0], costs);
    }

    [Fact]
    public void Reference_SquaredDistanceToReferenceAtSameStep()
    {
        // b0: t1 vs [1,1]: 0 + 1 = 1; t2 vs [2,0]: 0 + 1 = 1 -> 2.  b1: t1: 1 + 1 = 2; t2: 9 + 0 = 9 -> 11
        Assert.Equal([2.0, 11.0], Evaluate(new ReferenceTrackingCost()));
    }

    [Fact]
    public void Goal_AngleIndex_WrapsError()
    {
        var term = new GoalCost { StateWeights = [1, 0], AngleIndices = [0], RunningFactor = 0 };
        term.Configure(new MpcDimensions(2, 2, 1, 1, 1, 0.1, ["yaw", "v"], ["u"]));
        var costs = new double[1];
        // yaw 3.0 vs goal -3.0: wrapped difference 6 - 2 pi = -0.2832
        term.AddCosts(new CostInput([0, 0, 3.0, 0], [0], [0, 0, -3.0, 0], [0], 1, 1, 2, 1, 2, 0.1), costs);
        Assert.Equal(Math.Pow(6.0 - 2 * Math.PI, 2), costs[0], 12);
    }

    [Fact]
    public void ControlEffort_AboutNominal()
    {
        // r = 1, nominal 1, weight 0.5: b0 (0 + 4) * 0.5 = 2; b1 (9 + 1) * 0.5 = 5
        Assert.Equal([2.0, 5.0], Evaluate(new ControlEffortCost { Weight = 0.5, NominalInput = [1.0] }));
    }

    [Fact]
    public void ControlRate_IncludesJumpFromPreviousControl()
    {
        // previous 0.5: b0 (1-0.5)^2 + (3-1)^2 = 4.25; b1 (-2-0.5)^2 + (0+2)^2 = 10.25
        Assert.Equal([4.25, 10.25], Evaluate(new ControlRateCost { Weight = 1 }));
        Assert.Equal([4.0, 4.0], Evaluate(new ControlRateCost { Weight = 1, IncludePrevious = false }));
    }

    [Fact]
    public void StateBounds_QuadraticOutsideOnly()
    {
        // velocity (index 1) in [-0.5, 1.5]: b0 t2 v = 1 inside -> 0; b1 t1 v = 2 -> 0.25; b1 t2 v = 0 -> 0
        var term = new StateBoundsCost { Weight = 4 };
        term.StateIndices = [1];
        term.Lower = [-0.5];
        term.Upper = [1.5];
        Assert.Equal([0.0, 1.0], Evaluate(term));
    }

    [Fact]
    public void InputBounds_QuadraticOutsideOnly()
    {
        // [-1, 2]: b0 u = 3 -> 1; b1 u = -2 -> 1
        Assert.Equal([1.0, 1.0], Evaluate(new InputBoundsCost { Weight = 1, Lower = [-1], Upper = [2] }));
    }

    [Fact]
    public void Obstacle_MarginPenaltyAndCollisionCost()
    {
        // Disc at (2, 1) radius 0.5, margin 0.5, collision 10, weight 1; position = (p, v) here (x_index 0, y_index 1).
        // b0: t1 (1,0): d = sqrt2 - 0.5 = 0.914 > 0.5 -> 0; t2 (2,1): d = -0.5 -> (1.0)^2 + 10 = 11
        // b1: t1 (0,2): d = sqrt5 - 0.5 = 1.736 -> 0; t2 (-1,0): d = sqrt10 - 0.5 -> 0
        Assert.Equal([11.0, 0.0], Evaluate(new ObstacleCost { Weight = 1, Obstacles = [2, 1, 0.5], SafetyMarginM = 0.5, CollisionCost = 10 }));
    }

    [Fact]
    public void Path_DistanceToNearestReferencePoint()
    {
        // reference points (0,0), (1,1), (2,0). b0: t1 (1,0): nearest d^2 = 1; t2 (2,1): 1 -> 2. b1: t1 (0,2): min(4, 2, 8) = 2; t2 (-1,0): 1 -> 3
        Assert.Equal([2.0, 3.0], Evaluate(new PathCost()));
    }

    [Theory]
    [InlineData("goal")]
    [InlineData("reference")]
    [InlineData("path")]
    [InlineData("control_effort")]
    [InlineData("control_rate")]
    [InlineData("state_bounds")]
    [InlineData("input_bounds")]
    [InlineData("obstacle")]
    public void AddGradient_AgreesWithCentralDifferences(string name)
    {
        var term = CostTermCatalog.Create(name);
        if (term is StateBoundsCost sb)
        {
            sb.StateIndices = [0, 1];
            sb.Lower = [-0.2, -1];
            sb.Upper = [0.3, 0.1];
        }

        if (term is InputBoundsCost ib)
        {
            ib.Lower = [-0.1];
            ib.Upper = [0.2];
        }

        if (term is ObstacleCost ob) ob.Obstacles = [0.5, 0.4, 0.3];
        int h = 4, n = 2, m = 1;
        term.Configure(new MpcDimensions(n, n, m, h, 1, 0.1, ["x", "y"], ["u"]));
        double[] states = [0.1, -0.2, 0.33, 0.15, 0.6, 0.5, 0.45, 0.2, -0.3, 0.7];
        double[] controls = [0.4, -0.3, 0.25, 0.05];
        double[] reference = [0, 0, 0.2, 0.1, 0.4, 0.3, 0.6, 0.4, 0.8, 0.5];
        double[] previous = [0.1];
        var gx = new double[(h + 1) * n];
        var gu = new double[h * m];
        term.AddGradient(new CostInput(states, controls, reference, previous, 1, h, n, m, n, 0.1), gx, gu);

        double Cost()
        {
            var c = new double[1];
            term.AddCosts(new CostInput(states, controls, reference, previous, 1, h, n, m, n, 0.1), c);
            return c[0];
        }

        double Fd(double[] v, int k)
        {
            double s = v[k];
            v[k] = s + 1e-6;
            double plus = Cost();
            v[k] = s - 1e-6;
            double minus = Cost();
            v[k] = s;
            return (plus - minus) / 2e-6;
        }

        for (int k = n; k < states.Length; k++) Assert.Equal(Fd(states, k), gx[k], 1e-5);
        for (int k = 0; k < controls.Length; k++) Assert.Equal(Fd(controls, k), gu[k], 1e-5);
    }

    [Fact]
    public void CostSet_Breakdown_ValuesAreEachTermsCost()
    {
        var set = new MpcCostSet([new GoalCost(), new ControlEffortCost { Weight = 1 }]);
        set.Configure(new MpcDimensions(1, 1, 1, 1, 1, 1.0, ["x"], ["u"]));
        // x0 = 0, u = 0.5, x1 = 0.5, goal 2: goal (1.5)^2 = 2.25, effort 0.25; total 2.5
        double total = set.EvaluateBreakdown(new CostInput([0, 0.5], [0.5], [2, 2], [0], 1, 1, 1, 1, 1, 1.0));
        Assert.Equal(2.5, total);
        Assert.Equal(2.25, set.Breakdown.ValueOf("goal"));
        Assert.Equal(0.9, set.Breakdown.ShareOf("goal"), 12);
        Assert.Equal(0.1, set.Breakdown.ShareOf("control_effort"), 12);
    }

    [Fact]
    public void CostSet_DisabledTerm_ReportsZeroAndDoesNotCount()
    {
        var effort = new ControlEffortCost { Weight = 1 };
        var set = new MpcCostSet([new GoalCost(), effort]);
        set.Configure(new MpcDimensions(1, 1, 1, 1, 1, 1.0, ["x"], ["u"]));
        Assert.True(set.TrySet("costs.control_effort.enabled", ParameterValue.FromBool(false)).IsValid);
        double total = set.EvaluateBreakdown(new CostInput([0, 0.5], [0.5], [2, 2], [0], 1, 1, 1, 1, 1, 1.0));
        Assert.Equal(2.25, total);
        Assert.Equal(0.0, set.Breakdown.ValueOf("control_effort"));
    }

    [Fact]
    public void TrySetParameter_AfterConfigure_WrongLength_RejectedAndUnchanged()
    {
        var goal = new GoalCost();
        goal.Configure(new MpcDimensions(2, 2, 1, 1, 1, 1.0, ["p", "v"], ["u"]));
        var check = goal.TrySetParameter("costs.goal.state_weights", ParameterValue.FromDoubleArray([1, 2, 3]));
        Assert.False(check.IsValid);
        Assert.Contains("costs.goal.state_weights", check.Message);
        Assert.Empty(goal.StateWeights);
    }

    [Fact]
    public void Weight_Negative_RejectedWithRange()
    {
        var e = Assert.Throws<ArgumentException>(() => new GoalCost { Weight = -1 });
        Assert.Contains("costs.goal.weight", e.Message);
        Assert.Contains("[0, ", e.Message);
    }
}
