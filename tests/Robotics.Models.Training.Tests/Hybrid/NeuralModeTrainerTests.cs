using Robotics.Core.Randomness;
using Robotics.Models.Training.Hybrid;
using Xunit.Abstractions;

namespace Robotics.Models.Training.Tests.Hybrid;

/// <summary>The learned per-mode controller and Lyapunov function of the icy car mode (issue 11 item 2, learned variant).</summary>
public sealed class NeuralModeTrainerTests
{
    private static readonly NeuralModeOptions Fast = new() { Seed = 5, Epochs = 120, Samples = 256, RelabelEvery = 40 };

    private static readonly Lazy<NeuralModeResult> Trained = new(() => NeuralModeTrainer.Train(Fast, TextWriter.Null));

    private readonly ITestOutputHelper _output;

    /// <summary>Creates the tests.</summary>
    public NeuralModeTrainerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Train_ReducesDecreaseLoss_OnTheSameStates()
    {
        // Derived check: the loss before training is measured in the same run on the same states (the first labelling's
        // converging set); training minimises L_dec + L_cls, so the decrease term must end lower than it started.
        var result = Trained.Value;
        _output.WriteLine($"decrease {result.InitialDecreaseLoss:E3} -> {result.FinalDecreaseLoss:E3}, classification {result.InitialClassificationLoss:E3} -> {result.FinalClassificationLoss:E3}");
        Assert.True(result.InitialDecreaseLoss > 0, "the untrained V should violate the decrease condition somewhere");
        Assert.True(result.FinalDecreaseLoss < result.InitialDecreaseLoss,
            $"decrease loss did not fall: {result.InitialDecreaseLoss:E3} -> {result.FinalDecreaseLoss:E3}");
        Assert.True(result.FinalClassificationLoss < result.InitialClassificationLoss,
            $"classification loss did not fall: {result.InitialClassificationLoss:E3} -> {result.FinalClassificationLoss:E3}");
    }

    [Fact]
    public void Lyapunov_ZeroAtOperatingPoint_PositiveAwayFromIt()
    {
        // By construction V(x*) = ||phi(0) - phi(0)||^2 + eps * 0 = 0 exactly, and V(x) >= eps ||z||^2 > 0 for x != x*
        // (the network term is a square). The residual is tanh(N(0)) - tanh(N(0)) = 0 at x*, and -K 0 = 0, so u(x*) = 0.
        var policy = Trained.Value.Policy;
        double[] xStar = [0, 0, Fast.SpeedMS, 0, 0];
        Assert.Equal(0.0, policy.Lyapunov(xStar));
        var u = new double[2];
        policy.Compute(xStar, u);
        Assert.Equal(0.0, u[0]);
        Assert.Equal(0.0, u[1]);

        var rng = new Rng(91);
        var x = new double[5];
        for (int s = 0; s < 500; s++)
        {
            double zz = 0;
            double scale = Math.Pow(10, -4 * rng.NextDouble());
            for (int i = 0; i < 5; i++)
            {
                double z = scale * rng.NextUniform(-1, 1);
                zz += z * z;
                x[i] = xStar[i] + (z * Fast.Box[i]);
            }

            double v = policy.Lyapunov(x);
            Assert.True(v > 0, $"V = {v} at a state {Math.Sqrt(zz):E2} (scaled) from x*");
            Assert.True(v >= Fast.Epsilon * zz * (1 - 1e-12), $"V = {v} below eps ||z||^2 = {Fast.Epsilon * zz}");
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Default_RoaTable_PrintsComparisonWithLqr()
    {
        // Reproduces docs/results/hybrid-neural.md (default options, 1000 estimation + 1000 held-out samples, seed 2023).
        var options = new NeuralModeOptions();
        var writer = new StringWriter();
        var result = NeuralModeTrainer.Train(options, writer);
        var rows = NeuralModeEvaluation.Evaluate(result.Policy, options, 1000, 1000, 2023);
        _output.WriteLine(writer.ToString());
        _output.WriteLine(NeuralModeEvaluation.ToMarkdown(rows));
        Assert.Equal(5, rows.Count);
    }
}
