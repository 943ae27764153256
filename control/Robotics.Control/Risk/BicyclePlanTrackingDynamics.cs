namespace Robotics.Control.Risk;

/// <summary>
/// The closed loop a risk check propagates for a kinematic bicycle following an MPC plan under uncertainty: the plant,
/// the plan's controls as feed-forward, a tracking feedback on the plan's predicted states, and unknown constant
/// actuation biases carried as extra states.
/// </summary>
/// <remarks>
/// <para>State z = [x_m, y_m, yaw_rad, speed_m_s, acceleration_bias_m_s2, steering_bias_rad] (rear-axle reference).
/// With the plan's control (a_k, δ_k) and reference state (x_r, y_r, ψ_r, v_r) at time t (controls held over each
/// step, states interpolated linearly):</para>
/// <para>e_lat = -sin ψ_r (x - x_r) + cos ψ_r (y - y_r); δ = sat(δ_k - k_ψ (ψ - ψ_r) - k_lat e_lat + b_δ);
/// a = a_k + k_v (v_r - v) + b_a;</para>
/// <para>x' = v cos ψ, y' = v sin ψ, ψ' = v tan δ / L, v' = a, b_a' = 0, b_δ' = 0.</para>
/// <para>Divergence (trace of the Jacobian): ∂ψ'/∂ψ + ∂v'/∂v = -k_ψ v / (L cos² δ) (0 when the steering saturates) - k_v.</para>
/// <para>Allocation-free after construction; the batched path gives the same numbers as the per-sample one.</para>
/// </remarks>
public sealed class BicyclePlanTrackingDynamics : IPlanTrackingDynamics
{
    private readonly double wheelbase;
    private readonly double maxSteering;
    private readonly double speedGain;
    private readonly double yawGain;
    private readonly double lateralGain;
    private readonly double[] controls;
    private readonly double[] states;
    private int horizon;
    private double step = 0.1;

    /// <summary>Creates the closed loop.</summary>
    /// <param name="maxHorizon">Largest plan length (steps) <see cref="SetPlan"/> accepts.</param>
    /// <param name="wheelbaseM">Wheelbase L, m (&gt; 0).</param>
    /// <param name="maxSteeringRad">Steering saturation, rad (&gt; 0).</param>
    /// <param name="speedGain">k_v, 1/s (&gt;= 0).</param>
    /// <param name="yawGain">k_ψ, rad/rad (&gt;= 0).</param>
    /// <param name="lateralGain">k_lat, rad/m (&gt;= 0).</param>
    public BicyclePlanTrackingDynamics(int maxHorizon, double wheelbaseM = 0.3302, double maxSteeringRad = 0.4189,
        double speedGain = 1.5, double yawGain = 1.0, double lateralGain = 1.5)
    {
        if (maxHorizon < 1)
        {
            throw new ArgumentException($"maxHorizon must be >= 1 step, got {maxHorizon}.", nameof(maxHorizon));
        }

        if (!(wheelbaseM > 0) || !(maxSteeringRad > 0) || !(speedGain >= 0) || !(yawGain >= 0) || !(lateralGain >= 0))
        {
            throw new ArgumentException($"Tracking loop needs wheelbase > 0 m (got {wheelbaseM}), max steering > 0 rad (got {maxSteeringRad}) and gains >= 0 (got {speedGain}, {yawGain}, {lateralGain}).");
        }

        wheelbase = wheelbaseM;
        maxSteering = maxSteeringRad;
        this.speedGain = speedGain;
        this.yawGain = yawGain;
        this.lateralGain = lateralGain;
        controls = new double[maxHorizon * 2];
        states = new double[(maxHorizon + 1) * 4];
        MaxHorizon = maxHorizon;
    }

    /// <inheritdoc />
    public int StateSize => 6;

    /// <inheritdoc />
    public int PlanStateSize => 4;

    /// <summary>The estimate, then zero actuation biases.</summary>
    /// <param name="estimate">[x, y, yaw, v].</param>
    /// <param name="center">Receives 6 values.</param>
    public void CenterAt(ReadOnlySpan<double> estimate, Span<double> center)
    {
        estimate[..4].CopyTo(center);
        center[4] = 0;
        center[5] = 0;
    }

    /// <summary>Largest plan length in steps.</summary>
    public int MaxHorizon { get; }

    /// <summary>Sets the plan to track (copied; no allocation).</summary>
    /// <param name="plannedControls">H x 2 controls [a, δ], row-major.</param>
    /// <param name="predictedStates">(H + 1) x 4 states, row-major.</param>
    /// <param name="planHorizon">H, at most <see cref="MaxHorizon"/>.</param>
    /// <param name="stepS">Seconds per plan step (&gt; 0).</param>
    public void SetPlan(ReadOnlySpan<double> plannedControls, ReadOnlySpan<double> predictedStates, int planHorizon, double stepS)
    {
        if (planHorizon < 1 || planHorizon > MaxHorizon || !(stepS > 0) || plannedControls.Length < planHorizon * 2 || predictedStates.Length < (planHorizon + 1) * 4)
        {
            throw new ArgumentException($"SetPlan: horizon {planHorizon} (1..{MaxHorizon}), step {stepS} s, controls {plannedControls.Length} (need {planHorizon * 2}), states {predictedStates.Length} (need {(planHorizon + 1) * 4}).");
        }

        plannedControls[..(planHorizon * 2)].CopyTo(controls);
        predictedStates[..((planHorizon + 1) * 4)].CopyTo(states);
        horizon = planHorizon;
        step = stepS;
    }

    /// <inheritdoc />
    public void Derivatives(double time, ReadOnlySpan<double> state, Span<double> derivative)
    {
        Reference(time, out double ak, out double dk, out double xr, out double yr, out double yawr, out double vr);
        derivative[5] = 0;
        derivative[4] = 0;
        Evaluate(state[0], state[1], state[2], state[3], state[4], state[5], ak, dk, xr, yr, yawr, vr,
            out derivative[0], out derivative[1], out derivative[2], out derivative[3]);
    }

    /// <inheritdoc />
    public double Divergence(double time, ReadOnlySpan<double> state)
    {
        Reference(time, out double ak, out double dk, out double xr, out double yr, out double yawr, out double vr);
        return Evaluate(state[0], state[1], state[2], state[3], state[4], state[5], ak, dk, xr, yr, yawr, vr, out _, out _, out _, out _);
    }

    /// <inheritdoc />
    public void DerivativesBatch(double time, ReadOnlySpan<double> states, int count, Span<double> derivatives, Span<double> divergences)
    {
        Reference(time, out double ak, out double dk, out double xr, out double yr, out double yawr, out double vr);
        ReadOnlySpan<double> x = states.Slice(0, count);
        ReadOnlySpan<double> y = states.Slice(count, count);
        ReadOnlySpan<double> yaw = states.Slice(2 * count, count);
        ReadOnlySpan<double> v = states.Slice(3 * count, count);
        ReadOnlySpan<double> ba = states.Slice(4 * count, count);
        ReadOnlySpan<double> bd = states.Slice(5 * count, count);
        Span<double> dx = derivatives.Slice(0, count);
        Span<double> dy = derivatives.Slice(count, count);
        Span<double> dyaw = derivatives.Slice(2 * count, count);
        Span<double> dv = derivatives.Slice(3 * count, count);
        derivatives.Slice(4 * count, 2 * count).Clear();
        for (int s = 0; s < count; s++)
        {
            divergences[s] = Evaluate(x[s], y[s], yaw[s], v[s], ba[s], bd[s], ak, dk, xr, yr, yawr, vr, out dx[s], out dy[s], out dyaw[s], out dv[s]);
        }
    }

    private double Evaluate(double x, double y, double yaw, double v, double ba, double bd, double ak, double dk, double xr, double yr,
        double yawr, double vr, out double dx, out double dy, out double dyaw, out double dv)
    {
        var (sr, cr) = Math.SinCos(yawr);
        double lateral = (-sr * (x - xr)) + (cr * (y - yr));
        double steeringCommand = dk - (yawGain * (yaw - yawr)) - (lateralGain * lateral) + bd;
        bool saturated = Math.Abs(steeringCommand) > maxSteering;
        double steering = Math.Clamp(steeringCommand, -maxSteering, maxSteering);
        var (s, c) = Math.SinCos(yaw);
        double cosSteer = Math.Cos(steering);
        dx = v * c;
        dy = v * s;
        dyaw = v * Math.Tan(steering) / wheelbase;
        dv = ak + (speedGain * (vr - v)) + ba;
        double yawTerm = saturated ? 0.0 : -yawGain * v / (wheelbase * cosSteer * cosSteer);
        return yawTerm - speedGain;
    }

    private void Reference(double time, out double ak, out double dk, out double xr, out double yr, out double yawr, out double vr)
    {
        // Control k holds over (t_k, t_{k+1}]; the state reference is interpolated inside the step.
        int k = (int)Math.Ceiling((time / step) - 1e-9) - 1;
        k = Math.Clamp(k, 0, horizon - 1);
        double f = Math.Clamp((time - (k * step)) / step, 0, 1);
        ak = controls[2 * k];
        dk = controls[(2 * k) + 1];
        int a = 4 * k;
        int b = a + 4;
        xr = states[a] + (f * (states[b] - states[a]));
        yr = states[a + 1] + (f * (states[b + 1] - states[a + 1]));
        yawr = states[a + 2] + (f * (states[b + 2] - states[a + 2]));
        vr = states[a + 3] + (f * (states[b + 3] - states[a + 3]));
    }
}
