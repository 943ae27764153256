using Robotics.Models.Artifacts;
using Robotics.Models.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Training;

/// <summary>
/// Windows of K steps for the multi-step loss: the network is rolled out from x_s on the recorded inputs and the
/// squared state error (in units of each state's standard deviation) is averaged over the K predicted states.
/// </summary>
internal sealed class RolloutWindows : IDisposable
{
    private readonly Tensor _start, _inputs, _targets, _xMean, _xStd, _uMean, _uStd, _dMean, _dStd;
    private readonly int _steps;

    private RolloutWindows(int count, int steps, Tensor start, Tensor inputs, Tensor targets, NormalizationInfo norm, int n)
    {
        Count = count;
        _steps = steps;
        _start = start;
        _inputs = inputs;
        _targets = targets;
        _xMean = Row(norm.InputMean[..n]);
        _xStd = Row(norm.InputStd[..n]);
        _uMean = Row(norm.InputMean[n..]);
        _uStd = Row(norm.InputStd[n..]);
        _dMean = Row(norm.OutputMean);
        _dStd = Row(norm.OutputStd);
    }

    public int Count { get; }

    public static RolloutWindows Create(IReadOnlyList<Trajectory> trajectories, int steps, NormalizationInfo norm)
    {
        int n = trajectories[0].StateSize, m = trajectories[0].InputSize;
        var start = new List<float>();
        var inputs = new List<float>();
        var targets = new List<float>();
        int count = 0;
        foreach (var t in trajectories)
        {
            for (int s = 0; s + steps <= t.Steps; s++, count++)
            {
                foreach (double v in t.State(s)) start.Add((float)v);
                for (int k = 0; k < steps; k++)
                {
                    foreach (double v in t.Input(s + k)) inputs.Add((float)v);
                    foreach (double v in t.State(s + k + 1)) targets.Add((float)v);
                }
            }
        }

        return new RolloutWindows(count, steps,
            tensor(start.ToArray(), [count, n]), tensor(inputs.ToArray(), [count, steps, m]), tensor(targets.ToArray(), [count, steps, n]), norm, n);
    }

    /// <summary>The rollout loss over the windows <paramref name="index"/> (all windows when null).</summary>
    public Tensor Loss(nn.Module<Tensor, Tensor> net, Tensor? index)
    {
        var x = index is null ? _start : _start.index_select(0, index);
        var u = index is null ? _inputs : _inputs.index_select(0, index);
        var target = index is null ? _targets : _targets.index_select(0, index);
        Tensor loss = zeros(1);
        for (int k = 0; k < _steps; k++)
        {
            var input = cat([(x - _xMean) / _xStd, (u.select(1, k) - _uMean) / _uStd], 1);
            x = x + net.forward(input) * _dStd + _dMean;
            loss = loss + ((x - target.select(1, k)) / _xStd).pow(2).mean();
        }

        return loss / _steps;
    }

    public void Dispose()
    {
        foreach (var t in new[] { _start, _inputs, _targets, _xMean, _xStd, _uMean, _uStd, _dMean, _dStd }) t.Dispose();
    }

    private static Tensor Row(double[] values) => tensor(values.Select(v => (float)v).ToArray(), [1, values.Length]);
}
