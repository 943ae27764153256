namespace Robotics.Models.Training.Hybrid;

/// <summary>One row of <see cref="NeuralModeEvaluation"/>: a controller with its V and one acceptance criterion.</summary>
/// <param name="Controller">"lqr" or "neural".</param>
/// <param name="Criterion">"converge" (the paper's line search) or "converge+decrease" (also V lower at every step, as CarModeRollout).</param>
/// <param name="Level">Estimated level c: the largest accepted V below the smallest V of a rejected estimation sample.</param>
/// <param name="InsideFraction">Fraction of the held-out box samples with V &lt;= c (RoA volume fraction of the box).</param>
/// <param name="InsideConvergingFraction">Of the held-out samples inside, the fraction whose nonlinear rollout converges.</param>
/// <param name="InsideAcceptedFraction">Of the held-out samples inside, the fraction that meet the criterion.</param>
/// <param name="BoxConvergingFraction">Fraction of all held-out samples whose rollout converges (the true basin's share of the box).</param>
public sealed record NeuralModeRoaRow(string Controller, string Criterion, double Level, double InsideFraction,
    double InsideConvergingFraction, double InsideAcceptedFraction, double BoxConvergingFraction);
