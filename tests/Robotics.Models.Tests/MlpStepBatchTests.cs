using Robotics.Core.Randomness;
using Robotics.Models.Dynamics;

namespace Robotics.Models.Tests;

/// <summary>
/// The batched path of <see cref="MlpDynamicsModel.StepBatch"/> (two samples per pass over the weights): it must give
/// the rows of single <see cref="MlpDynamicsModel.Step"/> calls (the acceptance asks 1e-12; the kernels are built to be
/// bit-identical) and allocate nothing.
/// </summary>
public sealed class MlpStepBatchTests
{
    [Theory]
    [InlineData(new[] { 64, 64 }, "relu", 1000)]   // the benchmark's 2 x 64 shape (64-wide blocks)
    [InlineData(new[] { 32, 32 }, "relu", 37)]     // the pusher's 2 x 32 (32-wide blocks), odd batch: last sample single
    [InlineData(new[] { 48, 16 }, "relu", 10)]     // 32 + 16 blocks
    [InlineData(new[] { 20, 12 }, "relu", 9)]      // widths not multiples of 16: falls back to the single kernel
    [InlineData(new[] { 64, 64 }, "tanh", 8)]
    public void StepBatch_SingleMlp_EqualsSingleSteps(int[] hidden, string activation, int batch)
    {
        const int n = 5, m = 2;
        var model = ModelLoader.Create(TestModels.Mlp(91UL, n, m, hidden, activation));
        var rng = new Rng(7);
        var states = new double[batch * n];
        var inputs = new double[batch * m];
        for (int i = 0; i < states.Length; i++) states[i] = rng.NextUniform(-2, 2);
        for (int i = 0; i < inputs.Length; i++) inputs[i] = rng.NextUniform(-2, 2);
        // Some exact zeros reach the first layer as non-zero after normalisation, but ReLU zeros appear in layer 2.
        var batched = new double[batch * n];
        var single = new double[n];

        model.StepBatch(states, inputs, batched, batch);

        for (int b = 0; b < batch; b++)
        {
            model.Step(states.AsSpan(b * n, n), inputs.AsSpan(b * m, m), single);
            for (int k = 0; k < n; k++) Assert.True(Math.Abs(single[k] - batched[b * n + k]) <= 1e-12, $"sample {b} state {k}: single {single[k]:R}, batched {batched[b * n + k]:R}");
        }
    }

    [Fact]
    public void StepBatch_InPlace_EqualsSeparateOutput()
    {
        const int n = 3, m = 1, batch = 11;
        var model = ModelLoader.Create(TestModels.Mlp(5UL, n, m, [64, 64], "relu"));
        var rng = new Rng(3);
        var states = new double[batch * n];
        var inputs = new double[batch * m];
        for (int i = 0; i < states.Length; i++) states[i] = rng.NextUniform(-1, 1);
        for (int i = 0; i < inputs.Length; i++) inputs[i] = rng.NextUniform(-1, 1);
        var separate = new double[batch * n];
        model.StepBatch(states, inputs, separate, batch);

        model.StepBatch(states, inputs, states, batch);

        Assert.Equal(separate, states);
    }

    [Fact]
    public void StepBatch_SteadyState_AllocatesNothing()
    {
        const int n = 2, m = 1, batch = 1000;
        var model = ModelLoader.Create(TestModels.Mlp(8UL, n, m, [64, 64], "relu"));
        var states = new double[batch * n];
        var inputs = new double[batch * m];
        var next = new double[batch * n];
        model.StepBatch(states, inputs, next, batch);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) model.StepBatch(states, inputs, next, batch);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
