using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;

namespace Robotics.Control.Risk;

/// <summary>
/// MPC cost term for obstacles that may move (any <see cref="IPlanarObstacle"/>): at plan step t the obstacle is taken at
/// scenario time <c>TimeOffsetS + t · dt</c>. With clearance d = signed distance - footprint radius, each step adds
/// <c>(m - d)²</c> when d &lt; m (the safety margin, plus <see cref="AdditionalMarginM"/>) and the collision cost when
/// d &lt; 0. The risk gate raises <see cref="AdditionalInflationM"/> (or <see cref="AdditionalMarginM"/>) to replan
/// around a rejected plan.
/// </summary>
/// <remarks>Gradient by finite differences (the base class); sampling MPC does not use it.</remarks>
public sealed class MovingObstacleCost : CostTerm
{
    /// <summary>The term's name in parameter paths (<c>costs.moving_obstacle.*</c>).</summary>
    public const string TermName = "moving_obstacle";

    private readonly IReadOnlyList<IPlanarObstacle> obstacles;
    private int xIndex;
    private int yIndex;
    private double margin;
    private double footprint;
    private double collision;

    /// <summary>Creates the term.</summary>
    /// <param name="obstacles">The obstacles, in scenario time.</param>
    public MovingObstacleCost(IReadOnlyList<IPlanarObstacle> obstacles)
        : base(TermName, 10.0, "penalty for predicted positions near or inside (moving) obstacles.",
        [
            ParameterDescriptor.Integer("x_index", 0, "", "State index of the x position.", 0, 1000),
            ParameterDescriptor.Integer("y_index", 1, "", "State index of the y position.", 0, 1000),
            ParameterDescriptor.Double("safety_margin_m", 0.1, "m", "Clearance below which the quadratic penalty starts.", 0.0, 1e6),
            ParameterDescriptor.Double("footprint_radius_m", 0.2, "m", "Radius of the robot's disc footprint.", 0.0, 1e6),
            ParameterDescriptor.Double("collision_cost", 1000.0, "", "Cost per plan step in collision (before the weight).", 0.0, 1e12),
        ])
    {
        ArgumentNullException.ThrowIfNull(obstacles);
        this.obstacles = obstacles;
    }

    /// <summary>Clearance below which the penalty starts, m.</summary>
    public double SafetyMarginM
    {
        get => GetDouble("safety_margin_m");
        set => SetOrThrow("safety_margin_m", ParameterValue.FromDouble(value));
    }

    /// <summary>Radius of the robot's disc footprint, m.</summary>
    public double FootprintRadiusM
    {
        get => GetDouble("footprint_radius_m");
        set => SetOrThrow("footprint_radius_m", ParameterValue.FromDouble(value));
    }

    /// <summary>Extra margin on top of <see cref="SafetyMarginM"/>, m (set by a risk gate while replanning; default 0).</summary>
    public double AdditionalMarginM { get; set; }

    /// <summary>
    /// Extra inflation of the footprint, m (set by a risk gate while replanning; default 0): the collision cost and the
    /// margin then start this much further from each obstacle, which turns a rejected plan's risk into a hard clearance
    /// constraint for the replan.
    /// </summary>
    public double AdditionalInflationM { get; set; }

    /// <summary>Scenario time at the start of the plan, s.</summary>
    public double TimeOffsetS { get; set; }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        xIndex = Index("x_index", dimensions.ObservedStateSize, "the observed state");
        yIndex = Index("y_index", dimensions.ObservedStateSize, "the observed state");
        margin = GetDouble("safety_margin_m");
        footprint = GetDouble("footprint_radius_m");
        collision = GetDouble("collision_cost");
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        int n = input.StateSize;
        int batch = input.Batch;
        double w = Weight;
        double m = margin + AdditionalMarginM;
        double radius = footprint + AdditionalInflationM;
        for (int t = 1; t <= input.Horizon; t++)
        {
            double time = TimeOffsetS + (t * input.TimeStepS);
            ReadOnlySpan<double> x = input.States.Slice(t * batch * n, batch * n);
            for (int b = 0; b < batch; b++)
            {
                double px = x[(b * n) + xIndex];
                double py = x[(b * n) + yIndex];
                double c = 0;
                for (int o = 0; o < obstacles.Count; o++)
                {
                    double d = obstacles[o].SignedDistance(time, px, py) - radius;
                    if (d >= m)
                    {
                        continue;
                    }

                    c += (m - d) * (m - d);
                    if (d < 0)
                    {
                        c += collision;
                    }
                }

                costs[b] += w * c;
            }
        }
    }
}
