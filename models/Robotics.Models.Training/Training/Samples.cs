using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Data;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Training;

/// <summary>
/// One-step transitions as network rows: inputs [x_k; u_k] and targets x_{k+1} - x_k, or x_{k+1} - F_nominal(x_k, u_k)
/// for residual models.
/// </summary>
internal sealed class Samples
{
    private Samples(int stateSize, int inputSize, double[] inputs, double[] targets)
    {
        StateSize = stateSize;
        InputSize = inputSize;
        Inputs = inputs;
        Targets = targets;
    }

    public int StateSize { get; }

    public int InputSize { get; }

    public int Count => Targets.Length / StateSize;

    public double[] Inputs { get; }

    public double[] Targets { get; }

    public static Samples FromTrajectories(IReadOnlyList<Trajectory> trajectories, IDynamicsModel? nominal)
    {
        int n = trajectories[0].StateSize, m = trajectories[0].InputSize;
        int count = trajectories.Sum(t => t.Steps);
        var inputs = new double[count * (n + m)];
        var targets = new double[count * n];
        var predicted = new double[n];
        int row = 0;
        foreach (var t in trajectories)
        {
            for (int k = 0; k < t.Steps; k++, row++)
            {
                t.State(k).CopyTo(inputs.AsSpan(row * (n + m), n));
                t.Input(k).CopyTo(inputs.AsSpan(row * (n + m) + n, m));
                if (nominal is null) t.State(k).CopyTo(predicted);
                else nominal.Step(t.State(k), t.Input(k), predicted);
                var next = t.State(k + 1);
                for (int i = 0; i < n; i++) targets[row * n + i] = next[i] - predicted[i];
            }
        }

        return new Samples(n, m, inputs, targets);
    }

    /// <summary>Mean and standard deviation of every input and target column (std 1 for constant columns).</summary>
    public NormalizationInfo Normalization()
    {
        var (inMean, inStd) = ColumnStatistics(Inputs, StateSize + InputSize);
        var (outMean, outStd) = ColumnStatistics(Targets, StateSize);
        return new NormalizationInfo(inMean, inStd, outMean, outStd);
    }

    public Tensor NormalizedInputs(NormalizationInfo norm) => ToTensor(Inputs, StateSize + InputSize, norm.InputMean, norm.InputStd);

    public Tensor NormalizedTargets(NormalizationInfo norm) => ToTensor(Targets, StateSize, norm.OutputMean, norm.OutputStd);

    internal static (double[] Mean, double[] Std) ColumnStatistics(double[] rows, int columns)
    {
        int count = rows.Length / columns;
        var mean = new double[columns];
        var std = new double[columns];
        for (int r = 0; r < count; r++)
        {
            for (int c = 0; c < columns; c++) mean[c] += rows[r * columns + c];
        }

        for (int c = 0; c < columns; c++) mean[c] /= count;
        for (int r = 0; r < count; r++)
        {
            for (int c = 0; c < columns; c++) std[c] += Math.Pow(rows[r * columns + c] - mean[c], 2);
        }

        for (int c = 0; c < columns; c++)
        {
            std[c] = Math.Sqrt(std[c] / count);
            // A constant column (e.g. an unused input) carries no information: leave it unscaled.
            if (!(std[c] > 1e-9 * Math.Max(1.0, Math.Abs(mean[c])))) std[c] = 1.0;
        }

        return (mean, std);
    }

    internal static Tensor ToTensor(double[] rows, int columns, double[] mean, double[] std)
    {
        var values = new float[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            int c = i % columns;
            values[i] = (float)((rows[i] - mean[c]) / std[c]);
        }

        return tensor(values, [rows.Length / columns, columns]);
    }
}
