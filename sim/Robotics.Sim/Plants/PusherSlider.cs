using Robotics.Core.Parameters;

namespace Robotics.Sim.Plants;

/// <summary>
/// Quasi-static planar pushing of a square box (the slider) on a table by a point pusher whose velocity is
/// commanded, with Coulomb friction at the pusher-box contact and an ellipsoidal limit surface for the
/// box-table friction (Lynch, Maekawa and Tanie 1992; Hogan and Rodriguez 2016).
/// </summary>
/// <remarks>
/// <para>State x = [box_x_m, box_y_m, box_yaw_rad, pusher_x_m, pusher_y_m] (box centre and yaw in the world frame,
/// pusher centre); input u = [pusher_vx_m_s, pusher_vy_m_s] (pusher velocity, world frame). The pusher is
/// kinematic: p' = u always.</para>
/// <para>Contact: the pusher (radius r) touches the box (half side a) when, in the box frame, it lies on the box grown
/// by r, i.e. max(|p_x|, |p_y|) = a + r; the face is the one of the larger coordinate, with inward normal n,
/// tangent t and contact point c on the box surface. No push when n·v &lt;= 0 (separating) or out of contact.</para>
/// <para>Limit surface: a box twist V = (v_x, v_y, omega) (box frame) answers a contact force f at c with
/// V ∝ (f_x, f_y, m / k^2), m = c_x f_y - c_y f_x, k = m_max / f_max = 0.3826 · side (uniform pressure on a square:
/// the mean distance of its points from the centre, s/6 (√2 + ln(1 + √2))). The friction cone edges f± = n ± mu t
/// give twists V± and contact-point velocities w± = (V_x - omega c_y, V_y + omega c_x) spanning the motion cone.
/// If the pusher velocity v (box frame) lies inside the cone it sticks: V = alpha V+ + beta V- with
/// alpha w+ + beta w- = v. Otherwise it slides along the nearer edge: V = kappa V± with n·(kappa w±) = n·v.</para>
/// <para>The box then moves with b' = R(yaw) (v_x, v_y), yaw' = omega. <see cref="Advance"/> integrates with explicit
/// Euler sub-steps of at most <c>max_substep_s</c> and removes any residual penetration of the pusher into the box by
/// moving the box along the contact normal (the first touch, and Euler's overshoot).</para>
/// <para>Parameters (type name <c>pusher_slider</c>): <c>box_side_m</c> 0.1 m, <c>pusher_radius_m</c> 0.005 m,
/// <c>pusher_friction</c> 0.3, <c>max_substep_s</c> 0.005 s.</para>
/// </remarks>
public sealed class PusherSlider : IPlant
{
    /// <summary>The type name used in scenario files.</summary>
    public const string PlantTypeName = "pusher_slider";

    private const double ContactTolerance = 1e-6;

    private static readonly ParameterDescriptor[] s_parameters =
    [
        ParameterDescriptor.Double("box_side_m", 0.1, "m", "Side length of the square box.", 1e-3, 10.0),
        ParameterDescriptor.Double("pusher_radius_m", 0.005, "m", "Radius of the pusher tip.", 0.0, 1.0),
        ParameterDescriptor.Double("pusher_friction", 0.3, "", "Pusher-box Coulomb friction coefficient.", 0.0, 5.0),
        ParameterDescriptor.Double("max_substep_s", 0.005, "s", "Longest internal Euler sub-step of Advance.", 1e-5, 1.0),
    ];

    private static readonly string[] s_stateNames = ["box_x_m", "box_y_m", "box_yaw_rad", "pusher_x_m", "pusher_y_m"];
    private static readonly string[] s_inputNames = ["pusher_vx_m_s", "pusher_vy_m_s"];

    private readonly double _half;
    private readonly double _reach;
    private readonly double _mu;
    private readonly double _k2;
    private readonly double _maxSubstep;
    private readonly double[] _derivative = new double[5];

    /// <summary>Creates the plant with the default parameters.</summary>
    public PusherSlider()
        : this(new PusherSliderParameters())
    {
    }

    /// <summary>Creates the plant.</summary>
    /// <exception cref="ArgumentException">A parameter is outside its range; the message names it and the fix.</exception>
    public PusherSlider(PusherSliderParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "box_side_m", nameof(parameters.BoxSideM), parameters.BoxSideM);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "pusher_radius_m", nameof(parameters.PusherRadiusM), parameters.PusherRadiusM);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "pusher_friction", nameof(parameters.PusherFriction), parameters.PusherFriction);
        PlantParameterGuard.Check(PlantTypeName, s_parameters, "max_substep_s", nameof(parameters.MaxSubstepS), parameters.MaxSubstepS);
        Options = parameters;
        _half = parameters.BoxSideM / 2;
        _reach = _half + parameters.PusherRadiusM;
        _mu = parameters.PusherFriction;
        double k = 0.3826 * parameters.BoxSideM;
        _k2 = k * k;
        _maxSubstep = parameters.MaxSubstepS;
    }

    /// <summary>The parameter descriptors (names, defaults, ranges, units) of this plant type.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters => s_parameters;

    /// <summary>Builds the plant from a parameter set declared with <see cref="Parameters"/>.</summary>
    public static PusherSlider FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new PusherSlider(new PusherSliderParameters
        {
            BoxSideM = parameters.GetDouble("box_side_m"),
            PusherRadiusM = parameters.GetDouble("pusher_radius_m"),
            PusherFriction = parameters.GetDouble("pusher_friction"),
            MaxSubstepS = parameters.GetDouble("max_substep_s"),
        });
    }

    /// <summary>The parameters this plant was built with.</summary>
    public PusherSliderParameters Options { get; }

    /// <inheritdoc />
    public string TypeName => PlantTypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => s_stateNames;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => s_inputNames;

    /// <inheritdoc />
    public int StateSize => 5;

    /// <inheritdoc />
    public int InputSize => 2;

    /// <inheritdoc />
    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double yaw = state[2], c = Math.Cos(yaw), s = Math.Sin(yaw);
        double dx = state[3] - state[0], dy = state[4] - state[1];
        double px = c * dx + s * dy, py = -s * dx + c * dy;          // pusher in the box frame
        double vx = c * input[0] + s * input[1], vy = -s * input[0] + c * input[1];
        derivative[0] = 0;
        derivative[1] = 0;
        derivative[2] = 0;
        derivative[3] = input[0];
        derivative[4] = input[1];

        if (Math.Max(Math.Abs(px), Math.Abs(py)) > _reach + ContactTolerance) return;

        // Face, inward normal n, tangent t, contact point on the box surface.
        double nx, ny, tx, ty, cx, cy;
        if (Math.Abs(px) >= Math.Abs(py))
        {
            double side = px >= 0 ? 1 : -1;
            nx = -side; ny = 0; tx = 0; ty = 1;
            cx = side * _half; cy = Math.Clamp(py, -_half, _half);
        }
        else
        {
            double side = py >= 0 ? 1 : -1;
            nx = 0; ny = -side; tx = 1; ty = 0;
            cx = Math.Clamp(px, -_half, _half); cy = side * _half;
        }

        double vn = nx * vx + ny * vy;
        if (vn <= 0) return;

        // Twists of the friction-cone edges and the contact-point velocities they cause.
        Twist(nx + _mu * tx, ny + _mu * ty, cx, cy, out double ax, out double ay, out double aw, out double wax, out double way);
        Twist(nx - _mu * tx, ny - _mu * ty, cx, cy, out double bx, out double by, out double bw, out double wbx, out double wby);

        // v = alpha w+ + beta w- (2 x 2 solve).
        double det = wax * wby - way * wbx;
        double alpha = (vx * wby - vy * wbx) / det;
        double beta = (wax * vy - way * vx) / det;
        double Vx, Vy, W;
        if (alpha >= 0 && beta >= 0)
        {
            Vx = alpha * ax + beta * bx;
            Vy = alpha * ay + beta * by;
            W = alpha * aw + beta * bw;
        }
        else
        {
            bool plus = alpha >= 0;    // beta < 0: v is outside on the w+ side
            double ex = plus ? ax : bx, ey = plus ? ay : by, ew = plus ? aw : bw;
            double wx = plus ? wax : wbx, wy = plus ? way : wby;
            double kappa = vn / (nx * wx + ny * wy);
            Vx = kappa * ex;
            Vy = kappa * ey;
            W = kappa * ew;
        }

        derivative[0] = c * Vx - s * Vy;
        derivative[1] = s * Vx + c * Vy;
        derivative[2] = W;
    }

    /// <summary>
    /// Explicit Euler sub-steps of at most <c>max_substep_s</c>, each followed by removing any penetration of the
    /// pusher into the (grown) box by moving the box along the contact normal. Allocation-free.
    /// </summary>
    public void Advance(double time, double step, Span<double> state, ReadOnlySpan<double> input)
    {
        int substeps = Math.Max(1, (int)Math.Ceiling(step / _maxSubstep - 1e-9));
        double h = step / substeps;
        for (int i = 0; i < substeps; i++)
        {
            Derivatives(time + i * h, state, input, _derivative);
            for (int k = 0; k < 5; k++) state[k] += h * _derivative[k];
            ResolvePenetration(state);
        }
    }

    private void Twist(double fx, double fy, double cx, double cy, out double vx, out double vy, out double w, out double wx, out double wy)
    {
        double moment = cx * fy - cy * fx;
        vx = fx;
        vy = fy;
        w = moment / _k2;
        wx = vx - w * cy;
        wy = vy + w * cx;
    }

    private void ResolvePenetration(Span<double> state)
    {
        double yaw = state[2], c = Math.Cos(yaw), s = Math.Sin(yaw);
        double dx = state[3] - state[0], dy = state[4] - state[1];
        double px = c * dx + s * dy, py = -s * dx + c * dy;
        double depthX = _reach - Math.Abs(px), depthY = _reach - Math.Abs(py);
        if (depthX <= 0 || depthY <= 0) return;

        // Push the box out along the face of least penetration (box frame), then rotate to the world frame.
        double mx = 0, my = 0;
        if (depthX <= depthY) mx = -(px >= 0 ? 1 : -1) * depthX;
        else my = -(py >= 0 ? 1 : -1) * depthY;
        state[0] += c * mx - s * my;
        state[1] += s * mx + c * my;
    }
}
