using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Networks;

namespace Robotics.Models.Tests;

/// <summary>
/// A 2-2-1 ReLU network worked by hand: W1 = [[1, -1], [2, 1]], b1 = [0.5, -1], W2 = [[3, -2]], b2 = [0.25].
/// At x = [1, 2]: z1 = [-0.5, 3], a1 = [0, 3], y = -6 + 0.25 = -5.75, dy/dx = -2 [2, 1] = [-4, -2] (neuron 1 is off).
/// At x = [2, -1]: z1 = [3.5, 2], y = 10.5 - 4 + 0.25 = 6.75, dy/dx = 3 [1, -1] - 2 [2, 1] = [-1, -5].
/// </summary>
public class HandComputedTests
{
    private static readonly float[] W1 = [1, -1, 2, 1];
    private static readonly float[] B1 = [0.5f, -1];
    private static readonly float[] W2 = [3, -2];
    private static readonly float[] B2 = [0.25f];

    private static MlpNetwork Net() => new([new DenseLayer(W1, B1, 2, Activation.Relu), new DenseLayer(W2, B2, 2, Activation.Identity)]);

    private static ModelArtifact Artifact(NormalizationInfo norm, bool ensemble = false)
    {
        var tensors = new List<NamedTensor>();
        void Member(string prefix, float sign)
        {
            tensors.Add(new NamedTensor(prefix + "0.weight", [2, 2], W1));
            tensors.Add(new NamedTensor(prefix + "0.bias", [2], B1));
            tensors.Add(new NamedTensor(prefix + "2.weight", [1, 2], W2.Select(v => sign * v).ToArray()));
            tensors.Add(new NamedTensor(prefix + "2.bias", [1], B2.Select(v => sign * v).ToArray()));
        }

        if (ensemble)
        {
            Member("members.0.", 1);
            Member("members.1.", -1);
        }
        else
        {
            Member("", 1);
        }

        var meta = TestModels.Metadata("hand", ensemble ? ModelFamily.Ensemble : ModelFamily.Mlp, 1, 1,
            new ArchitectureInfo([2], "relu", EnsembleSize: ensemble ? 2 : 1), norm);
        return ModelArtifactWriter.Build(meta, tensors);
    }

    [Theory]
    [InlineData(1f, 2f, -5.75f, -4f, -2f)]
    [InlineData(2f, -1f, 6.75f, -1f, -5f)]
    public void Forward_TwoTwoOneRelu_MatchesHandComputation(float x0, float x1, float y, float j0, float j1)
    {
        var net = Net();
        var output = new float[1];
        net.Forward([x0, x1], output);
        Assert.Equal(y, output[0]);

        var jacobian = new double[2];
        net.Jacobian([x0, x1], output, jacobian);
        Assert.Equal(j0, jacobian[0]);
        Assert.Equal(j1, jacobian[1]);
    }

    [Fact]
    public void MlpModel_IdentityNormalization_AddsNetworkOutputToState()
    {
        // x = 1, u = 2: x' = 1 + (-5.75) = -4.75; dF/dx = 1 - 4 = -3, dF/du = -2.
        var model = ModelLoader.Load(Artifact(TestModels.Identity(1, 1)));
        var next = new double[1];
        var dfdx = new double[1];
        var dfdu = new double[1];
        model.Jacobians([1.0], [2.0], next, dfdx, dfdu);
        Assert.Equal(-4.75, next[0], 12);
        Assert.Equal(-3.0, dfdx[0], 12);
        Assert.Equal(-2.0, dfdu[0], 12);
    }

    [Fact]
    public void MlpModel_WithNormalization_AppliesMeanAndStdBothWays()
    {
        // input_mean [1, 0], input_std [2, 4]: x = 3, u = 8 normalise to [1, 2], network output -5.75;
        // output std 0.5, mean 0.1: x' = 3 + (-5.75 * 0.5 + 0.1) = 0.225.
        // dF/dx = 1 + 0.5 * (-4) / 2 = 0, dF/du = 0.5 * (-2) / 4 = -0.25.
        var model = ModelLoader.Load(Artifact(new NormalizationInfo([1, 0], [2, 4], [0.1], [0.5])));
        var next = new double[1];
        var dfdx = new double[1];
        var dfdu = new double[1];
        model.Jacobians([3.0], [8.0], next, dfdx, dfdu);
        Assert.Equal(0.225, next[0], 6);
        Assert.Equal(0.0, dfdx[0], 6);
        Assert.Equal(-0.25, dfdu[0], 6);
    }

    [Fact]
    public void Ensemble_OppositeMembers_MeanCancelsAndDisagreementIsHalfTheGap()
    {
        // Member 2 is member 1 negated: outputs -5.75 and +5.75 at [1, 2]. Mean 0, so x' = x; population std 5.75.
        var model = (MlpDynamicsModel)ModelLoader.Load(Artifact(TestModels.Identity(1, 1), ensemble: true));
        var next = new double[1];
        model.Step([1.0], [2.0], next);
        Assert.Equal(1.0, next[0], 12);
        var spread = new double[1];
        model.Disagreement([1.0], [2.0], spread);
        Assert.Equal(5.75, spread[0], 6);
        Assert.Equal(2, model.MemberCount);
    }
}
