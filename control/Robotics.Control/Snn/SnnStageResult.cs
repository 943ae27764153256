namespace Robotics.Control.Snn;

/// <summary>The outcome of one evolution stage.</summary>
/// <param name="Stage">Stage.</param>
/// <param name="Definition">The best network found.</param>
/// <param name="Genome">Its genome (unit-cube coordinates).</param>
/// <param name="BestFitness">Its fitness.</param>
/// <param name="Generations">Generations run.</param>
/// <param name="Evaluations">Fitness evaluations run.</param>
/// <param name="BestPerGeneration">Best fitness of each generation.</param>
public sealed record SnnStageResult(SnnTrainingStage Stage, LifNetworkDefinition Definition, double[] Genome, double BestFitness,
    int Generations, long Evaluations, double[] BestPerGeneration);
