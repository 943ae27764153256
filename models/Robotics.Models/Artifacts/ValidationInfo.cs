namespace Robotics.Models.Artifacts;

/// <summary>Errors of the trained model on held-out validation trajectories, per state, in state units.</summary>
/// <param name="OneStepRmse">Root-mean-square one-step prediction error of each state.</param>
/// <param name="OpenLoopRmse">Root-mean-square error of each state over <paramref name="HorizonSteps"/>-step open-loop rollouts.</param>
/// <param name="HorizonSteps">Open-loop horizon H in steps.</param>
public sealed record ValidationInfo(double[] OneStepRmse, double[] OpenLoopRmse, int HorizonSteps);
