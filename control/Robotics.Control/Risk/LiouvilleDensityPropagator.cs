namespace Robotics.Control.Risk;

/// <summary>
/// Carries samples and their log-density along closed-loop trajectories: RK4 on the augmented system
/// <c>x' = f(t, x)</c>, <c>(log ρ)' = -∇·f(t, x)</c> (the Liouville equation along characteristics), and
/// <c>(log V)' = +∇·f</c> for the cell each sample stands for, so the mass ρ·V stays what it was.
/// </summary>
/// <remarks>Allocation-free after construction.</remarks>
public sealed class LiouvilleDensityPropagator
{
    private readonly double[] k1;
    private readonly double[] k2;
    private readonly double[] k3;
    private readonly double[] k4;
    private readonly double[] tmp;

    /// <summary>Creates a propagator for states of dimension <paramref name="dimension"/>.</summary>
    /// <param name="dimension">The state dimension.</param>
    public LiouvilleDensityPropagator(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        tmp = new double[dimension];
    }

    /// <summary>The state dimension.</summary>
    public int Dimension { get; }

    /// <summary>Advances every sample from <paramref name="time"/> by <paramref name="step"/> seconds.</summary>
    /// <param name="dynamics">The closed-loop dynamics.</param>
    /// <param name="time">Start of the step, seconds.</param>
    /// <param name="step">Step length, seconds.</param>
    /// <param name="set">The samples, updated in place.</param>
    public void Step(IClosedLoopDynamics dynamics, double time, double step, DensitySampleSet set)
    {
        ArgumentNullException.ThrowIfNull(dynamics);
        ArgumentNullException.ThrowIfNull(set);
        if (dynamics.StateSize != Dimension || set.Dimension != Dimension)
        {
            throw new ArgumentException($"Dimensions differ: propagator {Dimension}, dynamics {dynamics.StateSize}, samples {set.Dimension}.");
        }

        int n = Dimension;
        double half = 0.5 * step;
        for (int s = 0; s < set.Count; s++)
        {
            Span<double> x = set.State(s);
            dynamics.Derivatives(time, x, k1);
            double d1 = dynamics.Divergence(time, x);
            for (int i = 0; i < n; i++)
            {
                tmp[i] = x[i] + (half * k1[i]);
            }

            dynamics.Derivatives(time + half, tmp, k2);
            double d2 = dynamics.Divergence(time + half, tmp);
            for (int i = 0; i < n; i++)
            {
                tmp[i] = x[i] + (half * k2[i]);
            }

            dynamics.Derivatives(time + half, tmp, k3);
            double d3 = dynamics.Divergence(time + half, tmp);
            for (int i = 0; i < n; i++)
            {
                tmp[i] = x[i] + (step * k3[i]);
            }

            dynamics.Derivatives(time + step, tmp, k4);
            double d4 = dynamics.Divergence(time + step, tmp);
            double sixth = step / 6.0;
            for (int i = 0; i < n; i++)
            {
                x[i] += sixth * (k1[i] + (2.0 * k2[i]) + (2.0 * k3[i]) + k4[i]);
            }

            double integral = sixth * (d1 + (2.0 * d2) + (2.0 * d3) + d4);
            set.LogDensities[s] -= integral;
            set.LogVolumes[s] += integral;
        }
    }
}
