using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Training.Data;

namespace Robotics.Models.Training.Training;

/// <summary>
/// Prediction errors of any <see cref="IDynamicsModel"/> on recorded trajectories, in state units. Latent states
/// (recurrent models) start at zero at the start of each trajectory or rollout and are carried along.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>One-step and H-step open-loop RMSE per observed state.</summary>
    public static ValidationInfo Evaluate(IDynamicsModel model, IReadOnlyList<Trajectory> trajectories, int horizon) =>
        new(OneStepRmse(model, trajectories), OpenLoopRmse(model, trajectories, horizon), horizon);

    /// <summary>
    /// RMSE of x̂_{k+1} = F(x_k, u_k) against x_{k+1}, with measured x_k (teacher forcing; a recurrent model's
    /// hidden state is carried from its own previous step).
    /// </summary>
    public static double[] OneStepRmse(IDynamicsModel model, IReadOnlyList<Trajectory> trajectories)
    {
        int observed = model.StateSize - model.LatentSize;
        var sum = new double[observed];
        long count = 0;
        var state = new double[model.StateSize];
        var next = new double[model.StateSize];
        foreach (var t in trajectories)
        {
            Array.Clear(state);
            for (int k = 0; k < t.Steps; k++)
            {
                t.State(k).CopyTo(state);
                model.Step(state, t.Input(k), next);
                var truth = t.State(k + 1);
                for (int i = 0; i < observed; i++) sum[i] += Square(next[i] - truth[i]);
                next.AsSpan(observed).CopyTo(state.AsSpan(observed));
                count++;
            }
        }

        return sum.Select(s => Math.Sqrt(s / Math.Max(1, count))).ToArray();
    }

    /// <summary>
    /// RMSE over all steps 1..H of open-loop rollouts (the model fed its own predictions and the recorded inputs)
    /// started at k = 0, H, 2H, ... of each trajectory.
    /// </summary>
    public static double[] OpenLoopRmse(IDynamicsModel model, IReadOnlyList<Trajectory> trajectories, int horizon) =>
        OpenLoopErrors(model, trajectories, horizon, finalStepOnly: false);

    /// <summary>RMSE of the state H steps after the start of each rollout (the end-point error).</summary>
    public static double[] OpenLoopFinalRmse(IDynamicsModel model, IReadOnlyList<Trajectory> trajectories, int horizon) =>
        OpenLoopErrors(model, trajectories, horizon, finalStepOnly: true);

    private static double[] OpenLoopErrors(IDynamicsModel model, IReadOnlyList<Trajectory> trajectories, int horizon, bool finalStepOnly)
    {
        int observed = model.StateSize - model.LatentSize;
        var sum = new double[observed];
        long count = 0;
        var state = new double[model.StateSize];
        var next = new double[model.StateSize];
        foreach (var t in trajectories)
        {
            for (int start = 0; start + horizon <= t.Steps; start += horizon)
            {
                Array.Clear(state);
                t.State(start).CopyTo(state);
                for (int k = 0; k < horizon; k++)
                {
                    model.Step(state, t.Input(start + k), next);
                    next.CopyTo(state, 0);
                    if (finalStepOnly && k < horizon - 1) continue;
                    var truth = t.State(start + k + 1);
                    for (int i = 0; i < observed; i++) sum[i] += Square(state[i] - truth[i]);
                    count++;
                }
            }
        }

        return sum.Select(s => Math.Sqrt(s / Math.Max(1, count))).ToArray();
    }

    private static double Square(double v) => v * v;
}
