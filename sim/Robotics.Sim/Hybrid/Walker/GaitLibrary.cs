using Robotics.Core.LinearAlgebra;

namespace Robotics.Sim.Hybrid.Walker;

/// <summary>
/// A library of compass-gait limit cycles indexed by slope: each gait is a fixed point of the Poincare map found by
/// Newton's method with a central-difference Jacobian, continued from one slope to the next.
/// </summary>
/// <remarks>Design-time (allocates). Newton: z &lt;- z - (J - I)^-1 (P(z) - z), until |P(z) - z| &lt; 1e-11 or 30 iterations.</remarks>
public sealed class GaitLibrary
{
    private readonly Gait[] _gaits;

    private GaitLibrary(Gait[] gaits) => _gaits = gaits;

    /// <summary>The gaits in increasing slope order.</summary>
    public IReadOnlyList<Gait> Gaits => _gaits;

    /// <summary>Default initial guess for the passive gait near slope 0.05 rad with the paper's parameters.</summary>
    public static WalkerSection DefaultGuess => new(-0.19, 1.1, 0.39);

    /// <summary>
    /// Builds the library for <paramref name="slopes"/> (sorted ascending, continuation from the one nearest to
    /// 0.05 rad outwards) with hip torque <paramref name="hipTorque"/>. Slopes without a converged gait are skipped.
    /// </summary>
    public static GaitLibrary Build(CompassGaitParameters parameters, IReadOnlyList<double> slopes, double hipTorque = 0.0, double step = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(slopes);
        var sorted = new double[slopes.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = slopes[i];
        }

        Array.Sort(sorted);
        var walker = new CompassGait(parameters);
        var map = new CompassGaitPoincareMap(walker, step);
        var found = new Gait?[sorted.Length];
        int start = 0;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (Math.Abs(sorted[i] - 0.05) < Math.Abs(sorted[start] - 0.05))
            {
                start = i;
            }
        }

        var guess = DefaultGuess;
        for (int i = start; i < sorted.Length; i++)
        {
            found[i] = FindGait(map, sorted[i], hipTorque, guess);
            if (found[i] is { } g)
            {
                guess = g.FixedPoint;
            }
        }

        guess = found[start]?.FixedPoint ?? DefaultGuess;
        for (int i = start - 1; i >= 0; i--)
        {
            found[i] = FindGait(map, sorted[i], hipTorque, guess);
            if (found[i] is { } g)
            {
                guess = g.FixedPoint;
            }
        }

        var list = new List<Gait>();
        foreach (var g in found)
        {
            if (g is not null)
            {
                list.Add(g);
            }
        }

        return new GaitLibrary(list.ToArray());
    }

    /// <summary>The gait whose slope is nearest to <paramref name="slope"/> (null when the library is empty).</summary>
    public Gait? Nearest(double slope)
    {
        Gait? best = null;
        for (int i = 0; i < _gaits.Length; i++)
        {
            if (best is null || Math.Abs(_gaits[i].SlopeRad - slope) < Math.Abs(best.SlopeRad - slope))
            {
                best = _gaits[i];
            }
        }

        return best;
    }

    /// <summary>Newton's method for the fixed point of the Poincare map at <paramref name="slope"/>; null when it does not converge.</summary>
    public static Gait? FindGait(CompassGaitPoincareMap map, double slope, double hipTorque, WalkerSection guess)
    {
        ArgumentNullException.ThrowIfNull(map);
        double saved = map.Walker.Slope;
        map.Walker.Slope = slope;
        try
        {
            var z = guess;
            double residual = double.PositiveInfinity;
            for (int it = 0; it < 30; it++)
            {
                if (!map.TryStep(z, hipTorque, out var pz))
                {
                    return null;
                }

                var f = new[] { pz.StanceAngleRad - z.StanceAngleRad, pz.StanceRateRadS - z.StanceRateRadS, pz.SwingRateRadS - z.SwingRateRadS };
                residual = Math.Max(Math.Abs(f[0]), Math.Max(Math.Abs(f[1]), Math.Abs(f[2])));
                if (residual < 1e-11)
                {
                    break;
                }

                var j = Jacobian(map, z, hipTorque);
                if (j is null)
                {
                    return null;
                }

                var a = new Matrix(3, 3);
                for (int r = 0; r < 3; r++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        a[r, c] = j[r * 3 + c] - (r == c ? 1.0 : 0.0);
                    }
                }

                var dz = a.Solve(Matrix.Column(f));
                z = new WalkerSection(z.StanceAngleRad - dz[0, 0], z.StanceRateRadS - dz[1, 0], z.SwingRateRadS - dz[2, 0]);
            }

            if (!(residual < 1e-9) || !map.TryStep(z, hipTorque, out _))
            {
                return null;
            }

            double period = map.LastImpactTime;
            var jac = Jacobian(map, z, hipTorque);
            var bu = TorqueSensitivity(map, z, hipTorque);
            if (jac is null || bu is null)
            {
                return null;
            }

            return new Gait(slope, hipTorque, z, period, jac, bu, residual);
        }
        finally
        {
            map.Walker.Slope = saved;
        }
    }

    /// <summary>Central-difference Jacobian dP/dz (row-major 3x3) at <paramref name="z"/>; null if a perturbed step fails.</summary>
    public static double[]? Jacobian(CompassGaitPoincareMap map, WalkerSection z, double hipTorque, double delta = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(map);
        var j = new double[9];
        for (int c = 0; c < 3; c++)
        {
            if (!map.TryStep(z.Add(c, delta), hipTorque, out var plus) || !map.TryStep(z.Add(c, -delta), hipTorque, out var minus))
            {
                return null;
            }

            for (int r = 0; r < 3; r++)
            {
                j[r * 3 + c] = (plus[r] - minus[r]) / (2.0 * delta);
            }
        }

        return j;
    }

    /// <summary>Central-difference dP/du (3 entries) at <paramref name="z"/>; null if a perturbed step fails.</summary>
    public static double[]? TorqueSensitivity(CompassGaitPoincareMap map, WalkerSection z, double hipTorque, double delta = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!map.TryStep(z, hipTorque + delta, out var plus) || !map.TryStep(z, hipTorque - delta, out var minus))
        {
            return null;
        }

        return [(plus[0] - minus[0]) / (2.0 * delta), (plus[1] - minus[1]) / (2.0 * delta), (plus[2] - minus[2]) / (2.0 * delta)];
    }
}
