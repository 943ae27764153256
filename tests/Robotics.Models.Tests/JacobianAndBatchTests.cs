using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;
using Robotics.Models.Networks;

namespace Robotics.Models.Tests;

public class JacobianAndBatchTests
{
    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("mlp-tanh")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void Jacobians_MatchCentralDifferencesOfStep(string kind)
    {
        // Central differences of the float32 model with step h = 1e-3: truncation O(h^2 |F'''|) ~ 1e-6 and rounding
        // ~ 1e-7 |F| / h ~ 1e-4 (states are O(1)), so 2e-3 absolute (relative for large entries) separates a correct
        // Jacobian from a wrong one (wrong entries are off by O(0.1) or more). ReLU kinks: seeded points, checked once.
        var model = (IDifferentiableDynamicsModel)ModelLoader.Load(Families.Artifact(kind), TestModels.NominalFactory);
        int n = model.StateSize, m = model.InputSize;
        var rng = new Rng(23);
        var dfdx = new double[n * n];
        var dfdu = new double[n * m];
        var next = new double[n];
        var plus = new double[n];
        var minus = new double[n];
        const double h = 1e-3;
        for (int trial = 0; trial < 5; trial++)
        {
            var x = TestModels.Points(rng, n, 0.8);
            var u = TestModels.Points(rng, m, 0.8);
            model.Jacobians(x, u, next, dfdx, dfdu);
            var stepped = new double[n];
            model.Step(x, u, stepped);
            for (int k = 0; k < n; k++) Assert.Equal(stepped[k], next[k], 12);

            for (int col = 0; col < n + m; col++)
            {
                var xp = (double[])x.Clone();
                var up = (double[])u.Clone();
                var xm = (double[])x.Clone();
                var um = (double[])u.Clone();
                if (col < n) { xp[col] += h; xm[col] -= h; } else { up[col - n] += h; um[col - n] -= h; }
                model.Step(xp, up, plus);
                model.Step(xm, um, minus);
                for (int row = 0; row < n; row++)
                {
                    double fd = (plus[row] - minus[row]) / (2 * h);
                    double analytic = col < n ? dfdx[row * n + col] : dfdu[row * m + col - n];
                    Assert.True(Math.Abs(fd - analytic) <= 2e-3 * Math.Max(1, Math.Abs(fd)),
                        $"{kind} trial {trial}: d F[{row}] / d {(col < n ? $"x[{col}]" : $"u[{col - n}]")}: analytic {analytic}, central difference {fd}");
                }
            }
        }
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void StepBatch_EqualsSingleStepsBitForBit(string kind)
    {
        var model = ModelLoader.Load(Families.Artifact(kind), TestModels.NominalFactory);
        int n = model.StateSize, m = model.InputSize, batch = 33;
        var rng = new Rng(3);
        var states = TestModels.Points(rng, batch * n, 1.0);
        var inputs = TestModels.Points(rng, batch * m, 1.0);
        var batched = new double[batch * n];
        model.StepBatch(states, inputs, batched, batch);
        var single = new double[n];
        for (int b = 0; b < batch; b++)
        {
            model.Step(states.AsSpan(b * n, n), inputs.AsSpan(b * m, m), single);
            Assert.Equal(single, batched.AsSpan(b * n, n).ToArray());
        }
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void Step_InPlace_EqualsSeparateOutput(string kind)
    {
        var model = (IDifferentiableDynamicsModel)ModelLoader.Load(Families.Artifact(kind), TestModels.NominalFactory);
        int n = model.StateSize, m = model.InputSize;
        var rng = new Rng(8);
        var x = TestModels.Points(rng, n, 0.7);
        var u = TestModels.Points(rng, m, 0.7);
        var separate = new double[n];
        model.Step(x, u, separate);
        var inPlace = (double[])x.Clone();
        model.Step(inPlace, u, inPlace);
        Assert.Equal(separate, inPlace);
        var viaJacobians = (double[])x.Clone();
        model.Jacobians(viaJacobians, u, viaJacobians, new double[n * n], new double[n * m]);
        Assert.Equal(separate, viaJacobians);
    }

    [Fact]
    public void MlpForwardBatch_EqualsForwardBitForBit()
    {
        var network = Robotics.Models.Networks.MlpNetwork.FromArtifact(TestModels.Mlp(9, 3, 1, [64, 64], "relu"), "", 4, [64, 64], 3, Activation.Relu);
        var rng = new Rng(4);
        const int batch = 17;
        var inputs = TestModels.Random(rng, "x", 2.0, batch, 4).Data;
        var outputs = new float[batch * 3];
        network.ForwardBatch(inputs, outputs, batch);
        var one = new float[3];
        for (int b = 0; b < batch; b++)
        {
            network.Forward(inputs.AsSpan(b * 4, 4), one);
            Assert.Equal(one, outputs.AsSpan(b * 3, 3).ToArray());
        }
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("mlp-tanh")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void StepJacobiansAndBatch_AllocateNothingInSteadyState(string kind)
    {
        var model = (IDifferentiableDynamicsModel)ModelLoader.Load(Families.Artifact(kind), TestModels.NominalFactory);
        int n = model.StateSize, m = model.InputSize, batch = 8;
        var x = new double[n];
        var u = new double[m];
        var next = new double[n];
        var dfdx = new double[n * n];
        var dfdu = new double[n * m];
        var xs = new double[batch * n];
        var us = new double[batch * m];
        var nexts = new double[batch * n];
        var spread = new double[n];
        var uncertain = model as IUncertainDynamicsModel;

        void Run()
        {
            for (int k = 0; k < 50; k++)
            {
                x[0] = 0.01 * k;
                model.Step(x, u, next);
                model.Jacobians(x, u, next, dfdx, dfdu);
                model.StepBatch(xs, us, nexts, batch);
                uncertain?.Disagreement(x, u, spread);
            }
        }

        Run(); // warm-up: JIT and tiering
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void MlpForward_2x64_AllocatesNothing()
    {
        var network = Robotics.Models.Networks.MlpNetwork.FromArtifact(TestModels.Mlp(9, 2, 1, [64, 64], "relu"), "", 3, [64, 64], 2, Activation.Relu);
        var input = new float[] { 0.1f, -0.2f, 0.3f };
        var output = new float[2];
        var batchIn = new float[3 * 1024];
        var batchOut = new float[2 * 1024];
        network.Forward(input, output);
        network.ForwardBatch(batchIn, batchOut, 1024);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++) network.Forward(input, output);
        network.ForwardBatch(batchIn, batchOut, 1024);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
