using Robotics.Control.Risk;
using Robotics.Core.LinearAlgebra;

namespace Robotics.Models.Training.Density;

/// <summary>
/// What a density network is trained for: a closed loop x' = f(t, x) with its analytic divergence, the box of initial
/// states it must cover, and the horizon (step x steps).
/// </summary>
/// <param name="Name">Short name (artifact names use it).</param>
/// <param name="Dynamics">The closed loop.</param>
/// <param name="BoxMin">Lower corner of the initial-state box.</param>
/// <param name="BoxMax">Upper corner of the initial-state box.</param>
/// <param name="Step">Seconds per plan step.</param>
/// <param name="Steps">Steps of the horizon.</param>
public sealed record DensityProblem(string Name, IClosedLoopDynamics Dynamics, double[] BoxMin, double[] BoxMax, double Step, int Steps)
{
    /// <summary>The problems the CLI knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["linear", "bicycle"];

    /// <summary>One line saying what the closed loop is.</summary>
    public string Description { get; init; } = "";

    /// <summary>The initial-state distribution of the risk check (its ±5σ box is <see cref="BoxMin"/>..<see cref="BoxMax"/>).</summary>
    public IInitialDistribution? Initial { get; init; }

    /// <summary>Obstacles of the risk comparison.</summary>
    public IReadOnlyList<IPlanarObstacle> Obstacles { get; init; } = [];

    /// <summary>Footprint radius of the risk comparison, m.</summary>
    public double FootprintRadius { get; init; }

    /// <summary>P(collision at the last step) by an independent method (quadrature), when known.</summary>
    public double? Truth { get; init; }

    /// <summary>Horizon, seconds.</summary>
    public double Horizon => Step * Steps;

    /// <summary>System matrix of the linear case: A = [[-0.5, 1], [0, -1]], tr A = -1.5 (the risk tests' system).</summary>
    public static Matrix LinearA => Matrix.FromRows([-0.5, 1.0], [0.0, -1.0]);

    /// <summary>Mean of the linear case's Gaussian initial state, [0, 2] (covariance 0.09 I).</summary>
    public static double[] LinearMean => [0.0, 2.0];

    /// <summary>
    /// The linear case of tests/Robotics.Control.Tests/Risk: x' = A x, x0 ~ N([0, 2], 0.09 I), covered over its ±5σ box
    /// [-1.5, 1.5] x [0.5, 3.5], 20 steps of 0.1 s. Closed form: log ρ_t(x_t) = log ρ0(x0) - t tr A = log ρ0(x0) + 1.5 t.
    /// </summary>
    /// <returns>The problem.</returns>
    public static DensityProblem Linear() =>
        new("linear", new LinearClosedLoopDynamics(LinearA), [-1.5, 0.5], [1.5, 3.5], 0.1, 20)
        {
            Description = "x' = A x, A = [[-0.5, 1], [0, -1]] (tr A = -1.5: the exact change of log-density is +1.5 t), x0 ~ N([0, 2], 0.09 I)",
            Initial = new GaussianInitialDistribution(LinearMean, Matrix.Diagonal(0.09, 0.09)),
            Obstacles = [new CircleObstacle(1.6, 0.27, 0.2)],
            FootprintRadius = 0.1,
            Truth = 1.6623284725e-02, // tests/golden/risk/disc_probability.py (scipy quadrature), P at t = 2 s
        };

    /// <summary>
    /// The closed loop of the risk gate (<see cref="BicyclePlanTrackingDynamics"/>, default gains) tracking a fixed plan:
    /// constant speed 2 m/s on a left arc (steering 0.15 rad) from the origin, 20 steps of 0.1 s; initial deviation
    /// and actuation biases with the driving scenario's standard deviations (0.03 m, 0.03 m, 0.02 rad, 0.03 m/s,
    /// 0.15 m/s², 0.03 rad); a disc of radius 0.3 m just outside the arc's end, footprint 0.2 m.
    /// </summary>
    /// <returns>The problem.</returns>
    public static DensityProblem Bicycle()
    {
        const int steps = 20;
        const double step = 0.1, wheelbase = 0.3302, steering = 0.15, speed = 2.0;
        var controls = new double[steps * 2];
        var states = new double[(steps + 1) * 4];
        states[3] = speed;
        double yawRate = speed * Math.Tan(steering) / wheelbase;
        for (int k = 0; k < steps; k++)
        {
            controls[(2 * k) + 1] = steering;

            // Constant speed and steering: an exact circular arc.
            double t = (k + 1) * step;
            double yaw = yawRate * t;
            double radius = wheelbase / Math.Tan(steering);
            states[(4 * (k + 1)) + 0] = radius * Math.Sin(yaw);
            states[(4 * (k + 1)) + 1] = radius * (1 - Math.Cos(yaw));
            states[(4 * (k + 1)) + 2] = yaw;
            states[(4 * (k + 1)) + 3] = speed;
        }

        var dynamics = new BicyclePlanTrackingDynamics(steps);
        dynamics.SetPlan(controls, states, steps, step);
        double[] std = [0.03, 0.03, 0.02, 0.03, 0.15, 0.03];
        double[] mean = [0, 0, 0, speed, 0, 0];
        var initial = new GaussianInitialDistribution(mean, Matrix.Diagonal(std.Select(s => s * s).ToArray()));
        var min = mean.Zip(std, (m, s) => m - (5 * s)).ToArray();
        var max = mean.Zip(std, (m, s) => m + (5 * s)).ToArray();

        // The disc sits radially outside the arc's end point (the spread is widest there).
        double endX = states[4 * steps], endY = states[(4 * steps) + 1];
        double centreX = 0, centreY = wheelbase / Math.Tan(steering);
        double dx = endX - centreX, dy = endY - centreY, norm = Math.Sqrt((dx * dx) + (dy * dy));
        double offset = BicycleObstacleOffset;
        return new DensityProblem("bicycle", dynamics, min, max, step, steps)
        {
            Description = "kinematic bicycle tracking a fixed 2 m/s arc plan (BicyclePlanTrackingDynamics: state x, y, yaw, speed, acceleration bias, steering bias), Gaussian deviation and biases",
            Initial = initial,
            Obstacles = [new CircleObstacle(endX + (dx / norm * offset), endY + (dy / norm * offset), 0.3)],
            FootprintRadius = 0.2,
        };
    }

    /// <summary>Distance from the bicycle plan's end point to the obstacle's centre, m (radially outwards).</summary>
    public const double BicycleObstacleOffset = 0.575;

    /// <summary>The problem called <paramref name="name"/>.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <returns>The problem.</returns>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static DensityProblem Create(string name) => name switch
    {
        "linear" => Linear(),
        "bicycle" => Bicycle(),
        _ => throw new ArgumentException($"Unknown density problem '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
    };
}
