using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>Obstacle distance: penalty for predicted positions near or inside circular obstacles. Term name <c>obstacle</c>.</summary>
/// <remarks>
/// <code>
/// d_{t,o} = |p_t - c_o| - r_o                           (signed distance from obstacle o's boundary)
/// J = weight * sum_{t=1..H} sum_o [ (margin - d)^2 if d &lt; margin ] + [ collision_cost if d &lt; 0 ]
/// </code>
/// <para>p_t = (x_{t,x_index}, x_{t,y_index}). Parameters (prefix <c>costs.obstacle.</c>): <c>weight</c> (default 10),
/// <c>enabled</c>, <c>obstacles</c> ([x_m, y_m, radius_m] per obstacle, flattened), <c>x_index</c> (0),
/// <c>y_index</c> (1), <c>safety_margin_m</c> (0.3), <c>collision_cost</c> (1000, added per step inside an
/// obstacle, before the weight).</para>
/// </remarks>
public sealed class ObstacleCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "obstacle";

    private double[] _obstacles = [];
    private int _xIndex, _yIndex;
    private double _margin, _collision;

    /// <summary>Creates the term with default parameters (no obstacles).</summary>
    public ObstacleCost()
        : base(TermName, 10.0, "penalty for predicted positions within the safety margin of (or inside) circular obstacles.",
        [
            ParameterDescriptor.DoubleArray("obstacles", [], "m", "Circular obstacles as [x_m, y_m, radius_m] triples, flattened."),
            ParameterDescriptor.Integer("x_index", 0, "", "State index of the x position.", 0, 1000),
            ParameterDescriptor.Integer("y_index", 1, "", "State index of the y position.", 0, 1000),
            ParameterDescriptor.Double("safety_margin_m", 0.3, "m", "Distance from an obstacle's boundary below which the quadratic penalty starts.", 0.0, 1e6),
            ParameterDescriptor.Double("collision_cost", 1000.0, "", "Cost added per plan step spent inside an obstacle (before the weight).", 0.0, 1e12),
        ])
    {
    }

    /// <summary>Obstacles [x, y, r]* (<c>costs.obstacle.obstacles</c>).</summary>
    public double[] Obstacles
    {
        get => GetArray("obstacles");
        set => SetOrThrow("obstacles", ParameterValue.FromDoubleArray(value));
    }

    /// <summary>Safety margin, metres (<c>costs.obstacle.safety_margin_m</c>).</summary>
    public double SafetyMarginM
    {
        get => GetDouble("safety_margin_m");
        set => SetOrThrow("safety_margin_m", ParameterValue.FromDouble(value));
    }

    /// <summary>Cost per step inside an obstacle (<c>costs.obstacle.collision_cost</c>).</summary>
    public double CollisionCost
    {
        get => GetDouble("collision_cost");
        set => SetOrThrow("collision_cost", ParameterValue.FromDouble(value));
    }

    /// <summary>State index of x (<c>costs.obstacle.x_index</c>).</summary>
    public int XIndex
    {
        get => (int)GetInteger("x_index");
        set => SetOrThrow("x_index", ParameterValue.FromInteger(value));
    }

    /// <summary>State index of y (<c>costs.obstacle.y_index</c>).</summary>
    public int YIndex
    {
        get => (int)GetInteger("y_index");
        set => SetOrThrow("y_index", ParameterValue.FromInteger(value));
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        _obstacles = GetArray("obstacles");
        if (_obstacles.Length % 3 != 0)
        {
            throw new ArgumentException($"Parameter '{FullName("obstacles")}' has {_obstacles.Length} values; give [x_m, y_m, radius_m] triples (a multiple of 3).");
        }

        for (int o = 0; o < _obstacles.Length; o += 3)
        {
            if (!double.IsFinite(_obstacles[o]) || !double.IsFinite(_obstacles[o + 1]) || !(_obstacles[o + 2] >= 0) || !double.IsFinite(_obstacles[o + 2]))
            {
                throw new ArgumentException($"Parameter '{FullName("obstacles")}': obstacle {o / 3} = [{_obstacles[o]}, {_obstacles[o + 1]}, {_obstacles[o + 2]}] needs a finite centre and a radius >= 0.");
            }
        }

        _xIndex = Index("x_index", dimensions.ObservedStateSize, "the observed state");
        _yIndex = Index("y_index", dimensions.ObservedStateSize, "the observed state");
        _margin = GetDouble("safety_margin_m");
        _collision = GetDouble("collision_cost");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        if (_obstacles.Length == 0) return;
        int n = input.StateSize, batch = input.Batch;
        double w = Weight;
        for (int t = 1; t <= input.Horizon; t++)
        {
            var x = input.States.Slice(t * batch * n, batch * n);
            for (int b = 0; b < batch; b++)
            {
                double px = x[b * n + _xIndex], py = x[b * n + _yIndex];
                double c = 0;
                for (int o = 0; o < _obstacles.Length; o += 3)
                {
                    double dx = px - _obstacles[o], dy = py - _obstacles[o + 1];
                    double reach = _obstacles[o + 2] + _margin, rho2 = dx * dx + dy * dy;
                    if (rho2 >= reach * reach) continue; // outside the margin: no cost, no square root
                    double d = Math.Sqrt(rho2) - _obstacles[o + 2];
                    c += (_margin - d) * (_margin - d);
                    if (d < 0) c += _collision;
                }

                costs[b] += w * c;
            }
        }
    }

    /// <inheritdoc />
    public override void AddGradient(in CostInput input, Span<double> stateGradient, Span<double> controlGradient)
    {
        int n = input.StateSize;
        for (int t = 1; t <= input.Horizon; t++)
        {
            double px = input.States[t * n + _xIndex], py = input.States[t * n + _yIndex];
            for (int o = 0; o < _obstacles.Length; o += 3)
            {
                double dx = px - _obstacles[o], dy = py - _obstacles[o + 1];
                double rho = Math.Sqrt(dx * dx + dy * dy);
                double d = rho - _obstacles[o + 2];
                if (d >= _margin || rho == 0) continue;
                double g = -2.0 * Weight * (_margin - d) / rho; // d/dp (margin - d)^2 = -2 (margin - d) (p - c) / |p - c|
                stateGradient[t * n + _xIndex] += g * dx;
                stateGradient[t * n + _yIndex] += g * dy;
            }
        }
    }
}
