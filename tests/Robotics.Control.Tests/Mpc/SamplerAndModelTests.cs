using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Models;
using Robotics.Core.Randomness;

namespace Robotics.Control.Tests.Mpc;

public class SamplerAndModelTests
{
    [Fact]
    public void GaussianSampler_MomentsAndTailsOfStandardNormal()
    {
        // 400k samples: the sample mean has sd 1/sqrt(N) = 0.0016, the variance sd sqrt(2/N) = 0.0022;
        // P(|z| > 2) = 0.0455 and P(|z| > 3.5) = 4.65e-4 (normal table), binomial sd 3.3e-4 and 3.4e-5.
        var rng = new Rng(123);
        const int n = 400_000;
        double sum = 0, sumSquares = 0, sumCubes = 0;
        int beyond2 = 0, beyond35 = 0;
        for (int i = 0; i < n; i++)
        {
            double z = GaussianSampler.Next(rng);
            sum += z;
            sumSquares += z * z;
            sumCubes += z * z * z;
            if (Math.Abs(z) > 2) beyond2++;
            if (Math.Abs(z) > 3.5) beyond35++;
        }

        Assert.Equal(0.0, sum / n, 0.008);
        Assert.Equal(1.0, sumSquares / n, 0.011);
        Assert.Equal(0.0, sumCubes / n, 0.03); // skewness sd sqrt(15/N) = 0.006
        Assert.Equal(0.0455, beyond2 / (double)n, 0.0017);
        Assert.Equal(4.65e-4, beyond35 / (double)n, 1.7e-4);
    }

    [Fact]
    public void GaussianSampler_SameStream_SameSamples()
    {
        var a = new Rng(5).Fork("noise");
        var b = new Rng(5).Fork("noise");
        for (int i = 0; i < 1000; i++) Assert.Equal(GaussianSampler.Next(a), GaussianSampler.Next(b));
    }

    [Fact]
    public void KinematicBicycle_StraightLine_MovesVDtAlongHeading()
    {
        // yaw = pi/2, v = 2, dt = 0.1, no steering: y advances by 0.2, x by 0; a = 1 raises v by 0.1.
        var model = new KinematicBicycleDynamics(0.1);
        var next = new double[4];
        model.Step([0.0, 0.0, Math.PI / 2, 2.0], [1.0, 0.0], next);
        Assert.Equal(0.0, next[0], 12);
        Assert.Equal(0.2, next[1], 12);
        Assert.Equal(Math.PI / 2, next[2], 12);
        Assert.Equal(2.1, next[3], 12);
    }

    [Fact]
    public void KinematicBicycle_YawRateIsVTanDeltaOverL_SteeringSaturates()
    {
        var model = new KinematicBicycleDynamics(0.1, wheelbaseM: 0.5, maxSteeringAngleRad: 0.3);
        var next = new double[4];
        model.Step([0.0, 0.0, 0.0, 1.0], [0.0, 0.2], next);
        Assert.Equal(0.1 * 1.0 * Math.Tan(0.2) / 0.5, next[2], 12);
        model.Step([0.0, 0.0, 0.0, 1.0], [0.0, 1.0], next);
        Assert.Equal(0.1 * Math.Tan(0.3) / 0.5, next[2], 12);
    }

    [Fact]
    public void KinematicBicycle_Jacobians_MatchCentralDifferences()
    {
        var model = new KinematicBicycleDynamics(0.05);
        double[] x = [0.3, -0.2, 0.7, 1.5], u = [0.4, 0.1];
        var next = new double[4];
        var a = new double[16];
        var b = new double[8];
        model.Jacobians(x, u, next, a, b);
        var plus = new double[4];
        var minus = new double[4];
        for (int i = 0; i < 4; i++)
        {
            double s = x[i];
            x[i] = s + 1e-6; model.Step(x, u, plus);
            x[i] = s - 1e-6; model.Step(x, u, minus);
            x[i] = s;
            for (int k = 0; k < 4; k++) Assert.Equal((plus[k] - minus[k]) / 2e-6, a[k * 4 + i], 1e-7);
        }

        for (int j = 0; j < 2; j++)
        {
            double s = u[j];
            u[j] = s + 1e-6; model.Step(x, u, plus);
            u[j] = s - 1e-6; model.Step(x, u, minus);
            u[j] = s;
            for (int k = 0; k < 4; k++) Assert.Equal((plus[k] - minus[k]) / 2e-6, b[k * 2 + j], 1e-7);
        }
    }
}
