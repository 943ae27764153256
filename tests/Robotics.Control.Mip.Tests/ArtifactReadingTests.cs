using Robotics.Control.Mip.Networks;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Mip.Tests;

public sealed class ArtifactReadingTests
{
    // 3 -> 4 -> 2 MLP (n = 2, m = 1). Hidden neurons 0 and 1 form an exact ReLU pair (rows, bias and outgoing
    // columns negated): together they are the identity neuron a = 0.5 x0 - 0.25 x1 + 0.75 u + 0.1. Neuron 2 is a
    // plain ReLU; neuron 3 has an all-zero outgoing column (removed).
    private static ModelArtifact Artifact()
    {
        float[] w0 =
        [
            0.5f, -0.25f, 0.75f,
            -0.5f, 0.25f, -0.75f,
            1.0f, 0.5f, -1.0f,
            0.3f, 0.3f, 0.3f,
        ];
        float[] b0 = [0.1f, -0.1f, -0.2f, 0.4f];
        float[] w1 =
        [
            0.2f, -0.2f, 0.5f, 0.0f,
            -0.4f, 0.4f, 0.25f, 0.0f,
        ];
        float[] b1 = [0.01f, -0.02f];
        var metadata = new ModelMetadata
        {
            Name = "pair-test",
            Family = ModelFamily.Mlp,
            DtS = 0.1,
            State = [new SignalInfo("a_m", "m"), new SignalInfo("b_m", "m")],
            Inputs = [new SignalInfo("u_m_s", "m/s")],
            Normalization = new NormalizationInfo([0.1, -0.2, 0.0], [2.0, 0.5, 1.0], [0.01, 0.0], [0.5, 2.0]),
            Architecture = new ArchitectureInfo([4], "relu"),
        };
        return ModelArtifactWriter.Build(metadata,
        [
            new NamedTensor("0.weight", [4, 3], w0), new NamedTensor("0.bias", [4], b0),
            new NamedTensor("2.weight", [2, 4], w1), new NamedTensor("2.bias", [2], b1),
        ]);
    }

    [Fact]
    public void FromArtifact_ReluPair_BecomesOneIdentityNeuron_AndUnreadNeuronIsDropped()
    {
        var net = ReluDynamicsNetwork.FromArtifact(Artifact());

        Assert.Single(net.HiddenLayers);
        Assert.Equal(2, net.HiddenLayers[0].Outputs);
        Assert.Equal(1, net.ReluCount);
        Assert.Equal(1, net.IdentityCount);
        Assert.Equal(NeuronKind.Identity, net.HiddenLayers[0].Kinds[0]);
    }

    [Fact]
    public void FromArtifact_Step_EqualsManagedEvaluatorAndHandFormula()
    {
        var artifact = Artifact();
        var net = ReluDynamicsNetwork.FromArtifact(artifact);
        var managed = ModelLoader.Load(artifact);
        var rng = new Robotics.Core.Randomness.Rng(3);
        var a = new double[2];
        var b = new double[2];
        for (int s = 0; s < 200; s++)
        {
            double[] x = [rng.NextUniform(-2, 2), rng.NextUniform(-2, 2)];
            double[] u = [rng.NextUniform(-2, 2)];
            net.Step(x, u, a);
            managed.Step(x, u, b);

            // Tolerance 1e-5: the managed evaluator runs in float32. Hand formula: v = (z - mean) / std; p = 0.5 v0 - 0.25 v1 + 0.75 v2 + 0.1 (identity), q = relu(v0 + 0.5 v1 - v2 - 0.2);
            // o0 = 0.2 p + 0.5 q + 0.01, o1 = -0.4 p + 0.25 q - 0.02; x' = x + o * [0.5, 2] + [0.01, 0].
            double v0 = (x[0] - 0.1) / 2.0, v1 = (x[1] + 0.2) / 0.5, v2 = u[0];
            double p = 0.5 * v0 - 0.25 * v1 + 0.75 * v2 + 0.1;
            double q = Math.Max(0, v0 + 0.5 * v1 - v2 - 0.2);
            double e0 = x[0] + (0.2 * p + 0.5 * q + 0.01) * 0.5 + 0.01;
            double e1 = x[1] + (-0.4 * p + 0.25 * q - 0.02) * 2.0;

            Assert.True(Math.Abs(e0 - a[0]) < 1e-5, $"{e0} vs {a[0]}");
            Assert.True(Math.Abs(e1 - a[1]) < 1e-5, $"{e1} vs {a[1]}");
            Assert.True(Math.Abs(b[0] - a[0]) < 1e-5, $"{b[0]} vs {a[0]}");
            Assert.True(Math.Abs(b[1] - a[1]) < 1e-5, $"{b[1]} vs {a[1]}");
        }
    }
}
