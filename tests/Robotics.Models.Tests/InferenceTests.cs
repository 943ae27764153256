using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;
using Robotics.Models.Networks;

namespace Robotics.Models.Tests;

public class InferenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecurrentStep_GoldenModel_MatchesNumpyEquations(bool lstm)
    {
        // Expected values printed by tests/golden/models/recurrent_golden.py (float64 numpy, PyTorch cell equations).
        double[] gruNext = [0.416721597277, -0.50820847134, 0.265428310644, 0.189057551819, 0.238665114558];
        double[] lstmNext = [0.423490644417, -0.557045740664, 0.056121611401, 0.129801864897, 0.101885613769, 0.134819747433, 0.434070995565, 0.279399596387];
        var model = ModelLoader.Load(TestModels.RecurrentGolden(lstm));
        double[] state = lstm ? [0.4, -0.7, 0.2, -0.1, 0.05, -0.3, 0.6, 0.1] : [0.4, -0.7, 0.2, -0.1, 0.05];
        var next = new double[state.Length];
        model.Step(state, [1.5], next);
        var expected = lstm ? lstmNext : gruNext;
        Assert.Equal(expected.Length, model.StateSize);
        Assert.Equal(lstm ? 6 : 3, model.LatentSize);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - next[i]) < 1e-6, $"entry {i}: expected {expected[i]}, got {next[i]}");
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("mlp-tanh")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void Step_RandomWeights_MatchesDoubleReference(string kind)
    {
        var artifact = Families.Artifact(kind);
        var model = ModelLoader.Load(artifact, TestModels.NominalFactory);
        var rng = new Rng(7);
        var next = new double[model.StateSize];
        for (int trial = 0; trial < 20; trial++)
        {
            var state = TestModels.Points(rng, model.StateSize, 1.0);
            var input = TestModels.Points(rng, model.InputSize, 1.0);
            model.Step(state, input, next);
            double[] expected = Families.ReferenceStep(artifact, state, input);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - next[i]) < 1e-5, $"{kind} trial {trial} entry {i}: reference {expected[i]}, managed {next[i]}");
            }
        }
    }

    [Theory]
    [InlineData(91, 37)]   // outputs 64 + 16 + 8 + 3: every SIMD block size and the scalar tail
    [InlineData(5, 130)]
    [InlineData(1, 1)]
    public void DenseLayer_OddWidths_MatchesScalarDoubleReference(int outputs, int inputs)
    {
        var rng = new Rng(11);
        var w = TestModels.Random(rng, "w", 0.5, outputs, inputs).Data;
        var b = TestModels.Random(rng, "b", 0.5, outputs).Data;
        var x = TestModels.Random(rng, "x", 1.0, inputs).Data;
        x[0] = 0f; // exercises zero skipping
        var layer = new DenseLayer(w, b, inputs, Activation.Relu);
        var y = new float[outputs];
        layer.Forward(x, y);
        for (int j = 0; j < outputs; j++)
        {
            double s = b[j];
            for (int i = 0; i < inputs; i++) s += (double)w[j * inputs + i] * x[i];
            Assert.True(Math.Abs(Math.Max(s, 0) - y[j]) < 1e-5, $"output {j}: {Math.Max(s, 0)} vs {y[j]}");
        }
    }

    [Fact]
    public void Analytic_Rk4Step_MatchesClosedFormOfUndampedOscillator()
    {
        // x'' = -4 x (k = 4, c = 0, u = 0): x(t) = cos(2t) from x0 = 1, v0 = 0. RK4 with dt = 0.01 over 100 steps has
        // global error O(dt^4) ~ 1e-8 here; 1e-7 leaves room.
        var model = new AnalyticDynamicsModel(new TestOscillator(4, 0), 0.01, ["x_m", "v_m_s"], ["f_n"]);
        double[] x = [1, 0];
        var next = new double[2];
        for (int k = 0; k < 100; k++)
        {
            model.Step(x, [0.0], next);
            next.CopyTo(x, 0);
        }

        Assert.Equal(Math.Cos(2.0), x[0], 7);
        Assert.Equal(-2 * Math.Sin(2.0), x[1], 7);
    }

    [Fact]
    public void Residual_ZeroCorrectionWeights_EqualsNominalModel()
    {
        var artifact = TestModels.Residual(5, [4]);
        var zeroed = Robotics.Models.Artifacts.ModelArtifactWriter.Build(
            artifact.Metadata with { Normalization = artifact.Metadata.Normalization with { OutputMean = [0, 0] } },
            artifact.Metadata.Tensors.Select(t => new Robotics.Models.Artifacts.NamedTensor(t.Name, t.Shape, new float[t.Length])).ToArray());
        var model = ModelLoader.Load(zeroed, TestModels.NominalFactory);
        var nominal = new AnalyticDynamicsModel(new TestOscillator(4, 0.5), 0.01, ["x0_m", "x1_m"], ["u0_n"]);
        var a = new double[2];
        var b = new double[2];
        model.Step([0.3, -0.2], [0.7], a);
        nominal.Step([0.3, -0.2], [0.7], b);
        Assert.Equal(b, a);
    }
}

/// <summary>The model kinds the family-wide tests run over.</summary>
internal static class Families
{
    public static Robotics.Models.Artifacts.ModelArtifact Artifact(string kind) => kind switch
    {
        "mlp-relu" => TestModels.Mlp(1, 3, 2, [32, 24], "relu"),
        "mlp-tanh" => TestModels.Mlp(2, 4, 1, [20, 20], "tanh"),
        "ensemble" => TestModels.Mlp(3, 2, 1, [16, 16], "tanh", members: 4, name: "test-ensemble"),
        "gru" => TestModels.Recurrent(4, lstm: false, 2, 1, 8),
        "lstm" => TestModels.Recurrent(5, lstm: true, 2, 1, 8),
        "residual" => TestModels.Residual(6, [16]),
        _ => throw new ArgumentException(kind),
    };

    public static double[] ReferenceStep(Robotics.Models.Artifacts.ModelArtifact a, double[] state, double[] input)
    {
        switch (a.Metadata.Family)
        {
            case "gru":
            case "lstm":
                return Reference.RecurrentStep(a, state, input).Next;
            case "residual":
                var nominal = new AnalyticDynamicsModel(TestModels.NominalFactory(a.Metadata.Architecture.Nominal!), a.Metadata.DtS,
                    a.Metadata.State.Select(s => s.Name).ToArray(), a.Metadata.Inputs.Select(s => s.Name).ToArray());
                var nominalNext = new double[state.Length];
                nominal.Step(state, input, nominalNext);
                return Reference.FeedForwardStep(a, state, input, nominalNext);
            default:
                return Reference.FeedForwardStep(a, state, input);
        }
    }
}
