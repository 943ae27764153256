using Robotics.Control.Risk;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Risk;

/// <summary>The hovercraft closed loop: analytic divergence against a finite-difference Jacobian trace, open-loop value, batch = per-sample.</summary>
public sealed class HovercraftPlanTrackingDynamicsTests
{
    private const int H = 5;

    // A plan of H steps of 0.1 s: constant thrusts, a reference moving along x at 0.5 m/s with a slight turn.
    private static HovercraftPlanTrackingDynamics Loop(double uL, double uR, double gainScale = 1.0)
    {
        var dynamics = gainScale == 0
            ? new HovercraftPlanTrackingDynamics(H, null, 0, 0, 0, 0, 0, 0)
            : new HovercraftPlanTrackingDynamics(H);
        var controls = new double[H * 2];
        var states = new double[(H + 1) * 6];
        for (int k = 0; k < H; k++)
        {
            controls[2 * k] = uL;
            controls[(2 * k) + 1] = uR;
        }

        for (int k = 0; k <= H; k++)
        {
            double t = 0.1 * k;
            states[6 * k] = 0.5 * t;
            states[(6 * k) + 1] = 0.02 * t;
            states[(6 * k) + 2] = 0.1 * t;
            states[(6 * k) + 3] = 0.5;
            states[(6 * k) + 4] = 0.02;
            states[(6 * k) + 5] = 0.1;
        }

        dynamics.SetPlan(controls, states, H, 0.1);
        return dynamics;
    }

    private static double FiniteDifferenceTrace(IClosedLoopDynamics f, double t, double[] z)
    {
        const double eps = 1e-6;
        var plus = new double[9];
        var minus = new double[9];
        var zp = (double[])z.Clone();
        double trace = 0;
        for (int i = 0; i < 9; i++)
        {
            zp[i] = z[i] + eps;
            f.Derivatives(t, zp, plus);
            zp[i] = z[i] - eps;
            f.Derivatives(t, zp, minus);
            zp[i] = z[i];
            trace += (plus[i] - minus[i]) / (2 * eps);
        }

        return trace;
    }

    [Theory]
    [InlineData(0.5, 0.6)]  // thrusters inside their range: full feedback terms
    [InlineData(1.95, 0.4)] // left thruster near its limit: saturates for some states
    [InlineData(3.0, 3.0)]  // both saturated: drag terms only
    public void Divergence_EqualsFiniteDifferenceTraceOfJacobian(double uL, double uR)
    {
        var f = Loop(uL, uR);
        var rng = new Rng(11);
        int checkedStates = 0;
        for (int s = 0; s < 200; s++)
        {
            double[] z =
            [
                0.1 + (0.2 * rng.NextGaussian()), 0.2 * rng.NextGaussian(), 0.05 + (0.2 * rng.NextGaussian()),
                0.5 + (0.2 * rng.NextGaussian()), 0.2 * rng.NextGaussian(), 0.3 * rng.NextGaussian(),
                2.0 + (0.3 * rng.NextGaussian()), 1.0 + (0.2 * rng.NextGaussian()), 1.0 + (0.1 * rng.NextGaussian()),
            ];
            double t = 0.05 + (0.4 * rng.NextDouble());
            double fd = FiniteDifferenceTrace(f, t, z);
            double analytic = f.Divergence(t, z);

            // Skip states within the finite-difference step of a saturation kink (the trace jumps there).
            var zp = (double[])z.Clone();
            bool nearKink = false;
            for (int i = 3; i < 6 && !nearKink; i++)
            {
                zp[i] = z[i] + 1e-6;
                double a = f.Divergence(t, zp);
                zp[i] = z[i] - 1e-6;
                double b = f.Divergence(t, zp);
                zp[i] = z[i];
                nearKink = a != analytic || b != analytic;
            }

            if (nearKink)
            {
                continue;
            }

            checkedStates++;
            Assert.True(Math.Abs(fd - analytic) < 1e-5 * (1 + Math.Abs(analytic)), $"state {s}: finite difference {fd}, analytic {analytic}");
        }

        Assert.True(checkedStates > 150, $"only {checkedStates} states away from a saturation kink");
    }

    [Fact]
    public void Divergence_OpenLoop_IsMinusDragTerms()
    {
        // Gains 0: ∇·f = -(2 c / m + c_r / I). m = 2 kg, c = 1 N s/m, k = 0.25 m (I = 0.125 kg m²), ρ = 0.05 m² (c_r = 0.05):
        // -(1 + 0.4) = -1.4.
        var f = Loop(0.5, 0.5, gainScale: 0);
        double[] z = [0.3, -0.1, 0.2, 0.4, 0.1, 0.2, 2.0, 1.0, 1.0];
        Assert.Equal(-1.4, f.Divergence(0.2, z), 12);
    }

    [Fact]
    public void Divergence_Unsaturated_MatchesHandFormula()
    {
        // Both thrusters free: -(2c/m + c_r/I) - g (k_v/m + k_ω/I) with k_v = 2, k_ω = 0.2 (defaults),
        // m = 2, c = 1, g = 1.1, I = 0.125: -(1 + 0.4) - 1.1 (1 + 1.6) = -4.26.
        var f = Loop(0.5, 0.5);
        double[] z = [0.1, 0.002, 0.01, 0.5, 0.02, 0.1, 2.0, 1.0, 1.1];
        Assert.Equal(-4.26, f.Divergence(0.2, z), 12);
    }

    [Fact]
    public void DerivativesBatch_EqualsPerSample()
    {
        var f = Loop(1.2, 0.8);
        var rng = new Rng(3);
        const int n = 17;
        var soa = new double[9 * n];
        for (int i = 0; i < soa.Length; i++)
        {
            soa[i] = (i / n) >= 6 ? 1.0 + (0.1 * rng.NextGaussian()) : 0.3 * rng.NextGaussian();
        }

        var derivatives = new double[9 * n];
        var divergences = new double[n];
        f.DerivativesBatch(0.25, soa, n, derivatives, divergences);
        var z = new double[9];
        var d = new double[9];
        for (int s = 0; s < n; s++)
        {
            for (int i = 0; i < 9; i++)
            {
                z[i] = soa[(i * n) + s];
            }

            f.Derivatives(0.25, z, d);
            for (int i = 0; i < 9; i++)
            {
                Assert.Equal(d[i], derivatives[(i * n) + s]);
            }

            Assert.Equal(f.Divergence(0.25, z), divergences[s]);
        }
    }
    [Fact]
    public void TrackingCommand_LateralOffset_IsPlanThrustPlusHandDerivedTurn()
    {
        // At t = 0 the reference is plan state 0: (0, 0, 0, 0.5, 0.02, 0.1), thrusts (0.5, 0.5). The craft sits 0.1 m to
        // its left, all else on the reference: e_p = (0, -0.1), cos θ = 1, sin θ = 0, so F_fb = 0 and
        // τ_fb = k_lat · e_y = 0.5 · (-0.1) = -0.05 N m; u_L = 0.5 + 0.05 / (2 · 0.2) = 0.625, u_R = 0.5 - 0.125 = 0.375
        // (it turns right, back towards the plan).
        var f = Loop(0.5, 0.5);
        var command = new double[2];
        Assert.True(f.TrackingCommand(0.0, [0.0, 0.1, 0.0, 0.5, 0.02, 0.1], command));
        Assert.Equal(0.625, command[0], 12);
        Assert.Equal(0.375, command[1], 12);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(1.9, -0.9)]
    public void TrackingCommand_IsTheThrustTheCheckedLoopApplies(double uL, double uR)
    {
        // The command the gate executes, put through the plant equations (HovercraftParameters remarks) with the
        // nominal m = 2, c = 1, g = 1, r = 0.2, I = 0.125, c_r = 0.05, gives the checked loop's accelerations.
        var f = Loop(uL, uR);
        var rng = new Rng(5);
        var z = new double[9];
        var d = new double[9];
        var command = new double[2];
        for (int s = 0; s < 50; s++)
        {
            for (int i = 0; i < 6; i++)
            {
                z[i] = 0.4 * rng.NextGaussian();
            }

            z[6] = 2.0;
            z[7] = 1.0;
            z[8] = 1.0;
            double t = 0.5 * rng.NextDouble();
            f.Derivatives(t, z, d);
            f.TrackingCommand(t, z.AsSpan(0, 6), command);
            Assert.InRange(command[0], -1.0, 2.0);
            Assert.InRange(command[1], -1.0, 2.0);
            double force = command[0] + command[1];
            double torque = 0.2 * (command[1] - command[0]);
            Assert.Equal(((force * Math.Cos(z[2])) - z[3]) / 2.0, d[3], 12);
            Assert.Equal(((force * Math.Sin(z[2])) - z[4]) / 2.0, d[4], 12);
            Assert.Equal((torque - (0.05 * z[5])) / 0.125, d[5], 11);
        }
    }
}
