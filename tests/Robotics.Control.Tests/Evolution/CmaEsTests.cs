using Robotics.Control.Evolution;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Evolution;

public class CmaEsTests
{
    private static double Sphere(double[] x)
    {
        double s = 0.0;
        foreach (double v in x) s += (v - 0.3) * (v - 0.3);
        return s;
    }

    // Rotated ellipsoid (condition 1e4): needs the full covariance to be learned; the optimum is x = 0.3 (f = 0).
    private static double Ellipsoid(double[] x)
    {
        int n = x.Length;
        double s = 0.0;
        for (int i = 0; i < n; i++)
        {
            double y = 0.0;
            for (int j = 0; j <= i; j++) y += x[j] - 0.3;
            s += Math.Pow(1e4, i / (n - 1.0)) * y * y;
        }

        return s;
    }

    private static CmaEs Run(Func<double[], double> f, int n, bool diagonal, int generations, ulong seed, int workers = 1)
    {
        var cma = new CmaEs(new double[n], new CmaEsOptions { InitialSigma = 0.5, Diagonal = diagonal }, new Rng(seed));
        var evaluator = new ParallelFitness<object?>(workers, () => null, (_, x) => f(x));
        cma.Run(evaluator.Evaluate, generations);
        return cma;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sphere_ConvergesToTheOptimum(bool diagonal)
    {
        var cma = Run(Sphere, 10, diagonal, 300, 1);
        Assert.True(cma.BestFitness < 1e-12, $"best {cma.BestFitness}");
        foreach (double v in cma.BestSolution) Assert.Equal(0.3, v, 5);
    }

    [Fact]
    public void RotatedEllipsoid_FullCovariance_ConvergesToTheOptimum()
    {
        var cma = Run(Ellipsoid, 8, false, 600, 3);
        Assert.True(cma.BestFitness < 1e-10, $"best {cma.BestFitness}");
    }

    [Fact]
    public void SameSeed_SameSearch_AndWorkerCountDoesNotMatter()
    {
        var a = Run(Ellipsoid, 6, false, 50, 11, workers: 1);
        var b = Run(Ellipsoid, 6, false, 50, 11, workers: 2);
        var c = Run(Ellipsoid, 6, false, 50, 12, workers: 1);
        Assert.Equal(a.BestFitness, b.BestFitness);
        Assert.Equal(a.BestSolution.ToArray(), b.BestSolution.ToArray());
        Assert.Equal(a.Sigma, b.Sigma);
        Assert.NotEqual(a.BestSolution.ToArray(), c.BestSolution.ToArray());
    }

    [Fact]
    public void Defaults_FollowHansensTable()
    {
        var cma = new CmaEs(new double[10], new CmaEsOptions(), new Rng(1));
        Assert.Equal(4 + (int)Math.Floor(3 * Math.Log(10)), cma.PopulationSize); // 10
        Assert.Equal(5, cma.ParentCount);
    }

    [Fact]
    public void Bounds_CandidatesAreClampedIntoTheBox()
    {
        var cma = new CmaEs(new double[5], new CmaEsOptions { InitialSigma = 3.0, LowerBound = -1, UpperBound = 1 }, new Rng(2));
        foreach (var x in cma.Ask())
        {
            foreach (double v in x) Assert.InRange(v, -1.0, 1.0);
        }
    }

    [Fact]
    public void SymmetricEigen_ReconstructsTheMatrix()
    {
        const int n = 7;
        var rng = new Rng(5);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rng.NextUniform(-1, 1);
        }

        var v = new double[n * n];
        var d = new double[n];
        SymmetricEigen.Decompose(a, n, v, d, new double[n]);
        for (int i = 1; i < n; i++) Assert.True(d[i] >= d[i - 1]);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double rec = 0.0, dot = 0.0;
                for (int k = 0; k < n; k++)
                {
                    rec += v[i * n + k] * d[k] * v[j * n + k];
                    dot += v[k * n + i] * v[k * n + j];
                }

                Assert.Equal(a[i * n + j], rec, 12);
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 12);
            }
        }
    }
}
