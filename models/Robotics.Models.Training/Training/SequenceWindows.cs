using Robotics.Models.Artifacts;
using Robotics.Models.Training.Data;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Training;

/// <summary>
/// Windows of L steps for NARX training: normalised [y_k; u_k] in, normalised y_{k+1} - y_k out, the recurrent
/// layer starting from a zero hidden state at the first step of each window (as the managed evaluator does at
/// the start of a rollout). Windows start every L/2 steps.
/// </summary>
internal sealed class SequenceWindows : IDisposable
{
    private SequenceWindows(int count, Tensor inputs, Tensor targets)
    {
        Count = count;
        Inputs = inputs;
        Targets = targets;
    }

    public int Count { get; }

    public Tensor Inputs { get; }

    public Tensor Targets { get; }

    public static SequenceWindows Create(IReadOnlyList<Trajectory> trajectories, int length, NormalizationInfo norm)
    {
        int n = trajectories[0].StateSize, m = trajectories[0].InputSize;
        var inputs = new List<float>();
        var targets = new List<float>();
        int count = 0, stride = Math.Max(1, length / 2);
        foreach (var t in trajectories)
        {
            for (int s = 0; s + length <= t.Steps; s += stride, count++)
            {
                for (int k = s; k < s + length; k++)
                {
                    var y = t.State(k);
                    var u = t.Input(k);
                    var next = t.State(k + 1);
                    for (int i = 0; i < n; i++) inputs.Add((float)((y[i] - norm.InputMean[i]) / norm.InputStd[i]));
                    for (int j = 0; j < m; j++) inputs.Add((float)((u[j] - norm.InputMean[n + j]) / norm.InputStd[n + j]));
                    for (int i = 0; i < n; i++) targets.Add((float)((next[i] - y[i] - norm.OutputMean[i]) / norm.OutputStd[i]));
                }
            }
        }

        return new SequenceWindows(count, tensor(inputs.ToArray(), [count, length, n + m]), tensor(targets.ToArray(), [count, length, n]));
    }

    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}
