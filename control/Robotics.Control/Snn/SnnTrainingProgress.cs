namespace Robotics.Control.Snn;

/// <summary>Progress of <see cref="SnnTrainer"/> after one CMA-ES generation.</summary>
/// <param name="Stage">The stage being evolved.</param>
/// <param name="Generation">Completed generations of this stage.</param>
/// <param name="Generations">Generations planned for this stage.</param>
/// <param name="BestFitness">Best fitness so far in this stage.</param>
/// <param name="GenerationBest">Best fitness of this generation.</param>
/// <param name="Sigma">CMA-ES step size.</param>
/// <param name="Evaluations">Fitness evaluations so far in this stage.</param>
public readonly record struct SnnTrainingProgress(SnnTrainingStage Stage, int Generation, int Generations, double BestFitness,
    double GenerationBest, double Sigma, long Evaluations);
