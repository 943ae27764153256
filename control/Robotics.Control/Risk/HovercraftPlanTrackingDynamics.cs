namespace Robotics.Control.Risk;

/// <summary>
/// The closed loop a risk check propagates for the hovercraft (<see cref="HovercraftParameters"/>) following an MPC
/// plan: the plant with its uncertain mass, drag and thrust gain carried as constant states, the plan's thrusts as
/// feed-forward, and a tracking feedback on the plan's predicted states.
/// </summary>
/// <remarks>
/// <para>State z = [x, y, θ, vx, vy, ω, m, c, g] (9-D; m, c, g constant: their derivatives are 0). With the plan's
/// thrusts (u_Lk, u_Rk) and reference state (x_r, y_r, θ_r, vx_r, vy_r, ω_r) at time t (controls held over each step,
/// states interpolated linearly), h = (cos θ, sin θ), n = (-sin θ, cos θ), e_p = p_r - p, e_v = v_r - v:</para>
/// <code>
/// F_fb = k_p h·e_p + k_v h·e_v;  τ_fb = k_lat n·e_p + k_lv n·e_v + k_θ (θ_r - θ) + k_ω (ω_r - ω)
/// u_L = sat(u_Lk + F_fb / 2 - τ_fb / (2 r));  u_R = sat(u_Rk + F_fb / 2 + τ_fb / (2 r))
/// F = g (u_L + u_R);  τ = g r (u_R - u_L);  I = m k²;  c_r = c ρ
/// vx' = (F cos θ - c vx) / m;  vy' = (F sin θ - c vy) / m;  ω' = (τ - c_r ω) / I
/// </code>
/// <para>Divergence (trace of ∂f/∂z; only ∂vx'/∂vx, ∂vy'/∂vy, ∂ω'/∂ω are non-zero on the diagonal). With s_L, s_R = 1
/// when the thruster is not saturated, else 0: ∂u_L/∂vx = s_L(-k_v cos θ / 2 - k_lv sin θ / (2 r)),
/// ∂u_R/∂vx = s_R(-k_v cos θ / 2 + k_lv sin θ / (2 r)), ∂u_L/∂vy = s_L(-k_v sin θ / 2 + k_lv cos θ / (2 r)),
/// ∂u_R/∂vy = s_R(-k_v sin θ / 2 - k_lv cos θ / (2 r)), ∂u_L/∂ω = s_L k_ω / (2 r), ∂u_R/∂ω = -s_R k_ω / (2 r). Then
/// g cos θ (∂u_L/∂vx + ∂u_R/∂vx) + g sin θ (∂u_L/∂vy + ∂u_R/∂vy) = -g k_v (s_L + s_R) / 2 (the lateral terms cancel) and
/// g r (∂u_R/∂ω - ∂u_L/∂ω) = -g k_ω (s_L + s_R) / 2, so</para>
/// <code>
/// ∇·f = -(2 c / m + c_r / I) - (s_L + s_R) / 2 · g (k_v / m + k_ω / I)
/// </code>
/// <para>(open loop: the drag terms only). Allocation-free after construction; the batched path gives the same numbers
/// as the per-sample one.</para>
/// </remarks>
public sealed class HovercraftPlanTrackingDynamics : IPlanTrackingDynamics
{
    private readonly double arm, gyration2, rotationalRatio, minThrust, maxThrust;
    private readonly double kp, kv, kLat, kLv, kTheta, kOmega;
    private readonly double[] nominalParameters;
    private readonly double[] controls;
    private readonly double[] states;
    private int horizon;
    private double step = 0.1;

    /// <summary>Creates the closed loop.</summary>
    /// <param name="maxHorizon">Largest plan length (steps) <see cref="SetPlan"/> accepts.</param>
    /// <param name="parameters">Known geometry and thrust limits (arm, radius of gyration, drag ratio, thrust range); mass, drag and gain come from the state.</param>
    /// <param name="positionGain">k_p, N/m (&gt;= 0; default 2).</param>
    /// <param name="velocityGain">k_v, N/(m/s) (&gt;= 0; default 2).</param>
    /// <param name="lateralGain">k_lat, N m/m (&gt;= 0; default 0.5).</param>
    /// <param name="lateralVelocityGain">k_lv, N m/(m/s) (&gt;= 0; default 0.3).</param>
    /// <param name="headingGain">k_θ, N m/rad (&gt;= 0; default 0.6).</param>
    /// <param name="yawRateGain">k_ω, N m/(rad/s) (&gt;= 0; default 0.2).</param>
    public HovercraftPlanTrackingDynamics(int maxHorizon, HovercraftParameters? parameters = null, double positionGain = 2.0, double velocityGain = 2.0,
        double lateralGain = 0.5, double lateralVelocityGain = 0.3, double headingGain = 0.6, double yawRateGain = 0.2)
    {
        if (maxHorizon < 1)
        {
            throw new ArgumentException($"maxHorizon must be >= 1 step, got {maxHorizon}.", nameof(maxHorizon));
        }

        if (!(positionGain >= 0) || !(velocityGain >= 0) || !(lateralGain >= 0) || !(lateralVelocityGain >= 0) || !(headingGain >= 0) || !(yawRateGain >= 0))
        {
            throw new ArgumentException($"Tracking gains must be >= 0 (got {positionGain}, {velocityGain}, {lateralGain}, {lateralVelocityGain}, {headingGain}, {yawRateGain}).");
        }

        var p = parameters ?? new HovercraftParameters();
        p.Validate();
        nominalParameters = [p.MassKg, p.DragNsM, p.ThrustGain];
        arm = p.ArmM;
        gyration2 = p.GyrationRadiusM * p.GyrationRadiusM;
        rotationalRatio = p.RotationalDragRatioM2;
        minThrust = p.MinThrustN;
        maxThrust = p.MaxThrustN;
        kp = positionGain;
        kv = velocityGain;
        kLat = lateralGain;
        kLv = lateralVelocityGain;
        kTheta = headingGain;
        kOmega = yawRateGain;
        controls = new double[maxHorizon * 2];
        states = new double[(maxHorizon + 1) * 6];
        MaxHorizon = maxHorizon;
    }

    /// <inheritdoc />
    public int StateSize => 9;

    /// <inheritdoc />
    public int PlanStateSize => 6;

    /// <summary>The estimate, then the nominal mass, drag and thrust gain (the parameters given at construction).</summary>
    /// <param name="estimate">[x, y, θ, vx, vy, ω].</param>
    /// <param name="center">Receives 9 values.</param>
    public void CenterAt(ReadOnlySpan<double> estimate, Span<double> center)
    {
        estimate[..6].CopyTo(center);
        nominalParameters.CopyTo(center[6..]);
    }

    /// <summary>Largest plan length in steps.</summary>
    public int MaxHorizon { get; }

    /// <summary>Sets the plan to track (copied; no allocation).</summary>
    /// <param name="plannedControls">H x 2 thrusts [u_L, u_R], row-major.</param>
    /// <param name="predictedStates">(H + 1) x 6 states, row-major.</param>
    /// <param name="planHorizon">H, at most <see cref="MaxHorizon"/>.</param>
    /// <param name="stepS">Seconds per plan step (&gt; 0).</param>
    public void SetPlan(ReadOnlySpan<double> plannedControls, ReadOnlySpan<double> predictedStates, int planHorizon, double stepS)
    {
        if (planHorizon < 1 || planHorizon > MaxHorizon || !(stepS > 0) || plannedControls.Length < planHorizon * 2 || predictedStates.Length < (planHorizon + 1) * 6)
        {
            throw new ArgumentException($"SetPlan: horizon {planHorizon} (1..{MaxHorizon}), step {stepS} s, controls {plannedControls.Length} (need {planHorizon * 2}), states {predictedStates.Length} (need {(planHorizon + 1) * 6}).");
        }

        plannedControls[..(planHorizon * 2)].CopyTo(controls);
        predictedStates[..((planHorizon + 1) * 6)].CopyTo(states);
        horizon = planHorizon;
        step = stepS;
    }

    /// <inheritdoc />
    public void Derivatives(double time, ReadOnlySpan<double> state, Span<double> derivative)
    {
        Reference(time, out var r);
        derivative[6] = 0;
        derivative[7] = 0;
        derivative[8] = 0;
        Evaluate(state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7], state[8], in r,
            out derivative[0], out derivative[1], out derivative[2], out derivative[3], out derivative[4], out derivative[5]);
    }

    /// <inheritdoc />
    public double Divergence(double time, ReadOnlySpan<double> state)
    {
        Reference(time, out var r);
        return Evaluate(state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7], state[8], in r,
            out _, out _, out _, out _, out _, out _);
    }

    /// <inheritdoc />
    public void DerivativesBatch(double time, ReadOnlySpan<double> states, int count, Span<double> derivatives, Span<double> divergences)
    {
        Reference(time, out var r);
        ReadOnlySpan<double> x = states.Slice(0, count);
        ReadOnlySpan<double> y = states.Slice(count, count);
        ReadOnlySpan<double> th = states.Slice(2 * count, count);
        ReadOnlySpan<double> vx = states.Slice(3 * count, count);
        ReadOnlySpan<double> vy = states.Slice(4 * count, count);
        ReadOnlySpan<double> w = states.Slice(5 * count, count);
        ReadOnlySpan<double> m = states.Slice(6 * count, count);
        ReadOnlySpan<double> c = states.Slice(7 * count, count);
        ReadOnlySpan<double> g = states.Slice(8 * count, count);
        Span<double> dx = derivatives.Slice(0, count);
        Span<double> dy = derivatives.Slice(count, count);
        Span<double> dth = derivatives.Slice(2 * count, count);
        Span<double> dvx = derivatives.Slice(3 * count, count);
        Span<double> dvy = derivatives.Slice(4 * count, count);
        Span<double> dw = derivatives.Slice(5 * count, count);
        derivatives.Slice(6 * count, 3 * count).Clear();
        for (int s = 0; s < count; s++)
        {
            divergences[s] = Evaluate(x[s], y[s], th[s], vx[s], vy[s], w[s], m[s], c[s], g[s], in r,
                out dx[s], out dy[s], out dth[s], out dvx[s], out dvy[s], out dw[s]);
        }
    }

    /// <summary>
    /// The thrusts the loop applies at <paramref name="time"/> for the plant state <paramref name="state"/>:
    /// u_L = sat(u_Lk + F_fb / 2 - τ_fb / (2 r)), u_R = sat(u_Rk + F_fb / 2 + τ_fb / (2 r)) (the law in the remarks; it
    /// does not depend on m, c, g). Allocation-free.
    /// </summary>
    /// <param name="time">Seconds since the start of the loaded plan.</param>
    /// <param name="state">[x, y, θ, vx, vy, ω] (further entries ignored).</param>
    /// <param name="command">Receives [u_L, u_R].</param>
    /// <returns>True.</returns>
    public bool TrackingCommand(double time, ReadOnlySpan<double> state, Span<double> command)
    {
        Reference(time, out var r);
        var (sin, cos) = Math.SinCos(state[2]);
        Law(sin, cos, state[0], state[1], state[2], state[3], state[4], state[5], in r, out double aL, out double aR);
        command[0] = Math.Clamp(aL, minThrust, maxThrust);
        command[1] = Math.Clamp(aR, minThrust, maxThrust);
        return true;
    }

    private void Law(double sin, double cos, double x, double y, double th, double vx, double vy, double w, in Ref r, out double aL, out double aR)
    {
        double ex = r.X - x, ey = r.Y - y, evx = r.Vx - vx, evy = r.Vy - vy;
        double forceFb = (kp * ((cos * ex) + (sin * ey))) + (kv * ((cos * evx) + (sin * evy)));
        double torqueFb = (kLat * ((-sin * ex) + (cos * ey))) + (kLv * ((-sin * evx) + (cos * evy))) + (kTheta * (r.Theta - th)) + (kOmega * (r.Omega - w));
        aL = r.UL + (0.5 * forceFb) - (torqueFb / (2 * arm));
        aR = r.UR + (0.5 * forceFb) + (torqueFb / (2 * arm));
    }

    private double Evaluate(double x, double y, double th, double vx, double vy, double w, double m, double c, double g, in Ref r,
        out double dx, out double dy, out double dth, out double dvx, out double dvy, out double dw)
    {
        var (sin, cos) = Math.SinCos(th);
        Law(sin, cos, x, y, th, vx, vy, w, in r, out double aL, out double aR);
        bool freeL = aL >= minThrust && aL <= maxThrust;
        bool freeR = aR >= minThrust && aR <= maxThrust;
        double uL = Math.Clamp(aL, minThrust, maxThrust);
        double uR = Math.Clamp(aR, minThrust, maxThrust);
        double force = g * (uL + uR);
        double torque = g * arm * (uR - uL);
        double inertia = m * gyration2;
        double rotationalDrag = c * rotationalRatio;
        dx = vx;
        dy = vy;
        dth = w;
        dvx = ((force * cos) - (c * vx)) / m;
        dvy = ((force * sin) - (c * vy)) / m;
        dw = (torque - (rotationalDrag * w)) / inertia;
        double free = 0.5 * ((freeL ? 1.0 : 0.0) + (freeR ? 1.0 : 0.0));
        return -((2 * c / m) + (rotationalDrag / inertia)) - (free * g * ((kv / m) + (kOmega / inertia)));
    }

    private readonly struct Ref
    {
        public readonly double UL, UR, X, Y, Theta, Vx, Vy, Omega;

        public Ref(double uL, double uR, double x, double y, double theta, double vx, double vy, double omega)
        {
            UL = uL;
            UR = uR;
            X = x;
            Y = y;
            Theta = theta;
            Vx = vx;
            Vy = vy;
            Omega = omega;
        }
    }

    private void Reference(double time, out Ref r)
    {
        // Control k holds over (t_k, t_{k+1}]; the state reference is interpolated inside the step.
        int k = (int)Math.Ceiling((time / step) - 1e-9) - 1;
        k = Math.Clamp(k, 0, horizon - 1);
        double f = Math.Clamp((time - (k * step)) / step, 0, 1);
        int a = 6 * k;
        int b = a + 6;
        r = new Ref(controls[2 * k], controls[(2 * k) + 1],
            states[a] + (f * (states[b] - states[a])),
            states[a + 1] + (f * (states[b + 1] - states[a + 1])),
            states[a + 2] + (f * (states[b + 2] - states[a + 2])),
            states[a + 3] + (f * (states[b + 3] - states[a + 3])),
            states[a + 4] + (f * (states[b + 4] - states[a + 4])),
            states[a + 5] + (f * (states[b + 5] - states[a + 5])));
    }
}
