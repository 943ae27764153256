using Robotics.Core.Numerics;

namespace Robotics.Core.Tests;

public sealed class IntegratorTests
{
    /// <summary>x' = a x + u: exact solution x(t) = (x0 + u/a) e^{a t} - u/a.</summary>
    private sealed class LinearScalar(double a) : IOdeSystem
    {
        public int StateSize => 1;
        public int InputSize => 1;
        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative) =>
            derivative[0] = a * state[0] + input[0];
    }

    /// <summary>Unit harmonic oscillator x'' = -x as state [x, v].</summary>
    private sealed class Oscillator : IOdeSystem
    {
        public int StateSize => 2;
        public int InputSize => 0;
        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
        {
            derivative[0] = state[1];
            derivative[1] = -state[0];
        }
    }

    /// <summary>x' = t^3: exercises the time argument; exact x(t) = t^4 / 4, which RK4 integrates exactly.</summary>
    private sealed class TimeCubed : IOdeSystem
    {
        public int StateSize => 1;
        public int InputSize => 0;
        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative) =>
            derivative[0] = time * time * time;
    }

    private static double Rk4Error(double step)
    {
        var system = new LinearScalar(-2.0);
        var rk4 = new Rk4Integrator(1);
        Span<double> x = [1.0];
        ReadOnlySpan<double> u = [3.0];
        int n = (int)Math.Round(1.0 / step);
        for (int i = 0; i < n; i++) rk4.Step(system, i * step, step, x, u);
        double exact = (1.0 - 1.5) * Math.Exp(-2.0) + 1.5; // u/a = -1.5
        return Math.Abs(x[0] - exact);
    }

    [Fact]
    public void Rk4_IsFourthOrder()
    {
        // Halving the step divides the global error by 2^4 = 16 for a fourth-order method.
        double ratio = Rk4Error(0.02) / Rk4Error(0.01); // the ratio tends to 16 as the step shrinks
        Assert.InRange(ratio, 15.5, 16.5);
        Assert.True(Rk4Error(0.001) < 1e-12);
    }

    [Fact]
    public void Rk4_UsesStageTimes_PolynomialIsExact()
    {
        var rk4 = new Rk4Integrator(1);
        Span<double> x = [0.0];
        for (int i = 0; i < 10; i++) rk4.Step(new TimeCubed(), i * 0.2, 0.2, x, ReadOnlySpan<double>.Empty);
        Assert.Equal(Math.Pow(2.0, 4) / 4.0, x[0], 12);
    }

    [Fact]
    public void SemiImplicitEuler_ConservesItsModifiedEnergyExactly()
    {
        // For v' = -x then x' = v_new, Q = x^2 + v^2 - h x v is invariant (the map is symplectic), so the
        // energy oscillates within O(h) but does not drift, even over 10^5 steps.
        const double h = 0.01;
        var integrator = new SemiImplicitEulerIntegrator(2, 1);
        Span<double> s = [1.0, 0.0];
        double q0 = s[0] * s[0] + s[1] * s[1] - h * s[0] * s[1];
        for (int i = 0; i < 100_000; i++) integrator.Step(new Oscillator(), i * h, h, s, ReadOnlySpan<double>.Empty);
        double q = s[0] * s[0] + s[1] * s[1] - h * s[0] * s[1];
        Assert.Equal(q0, q, 10);
        Assert.InRange(s[0] * s[0] + s[1] * s[1], 1 - h, 1 + h);
    }

    [Fact]
    public void Steps_AllocateNothing()
    {
        var system = new Oscillator();
        var rk4 = new Rk4Integrator(2);
        var euler = new SemiImplicitEulerIntegrator(2, 1);
        var state = new double[] { 1.0, 0.0 };
        rk4.Step(system, 0, 0.01, state, ReadOnlySpan<double>.Empty);
        euler.Step(system, 0, 0.01, state, ReadOnlySpan<double>.Empty);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            rk4.Step(system, 0, 0.01, state, ReadOnlySpan<double>.Empty);
            euler.Step(system, 0, 0.01, state, ReadOnlySpan<double>.Empty);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void WrongStateLength_Throws()
    {
        var rk4 = new Rk4Integrator(2);
        Assert.Throws<ArgumentException>(() => rk4.Step(new Oscillator(), 0, 0.1, new double[3], ReadOnlySpan<double>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SemiImplicitEulerIntegrator(2, 2));
    }
}
