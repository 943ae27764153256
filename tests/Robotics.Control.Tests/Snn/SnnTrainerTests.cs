using Robotics.Control.Snn;
using Robotics.Core.Numerics;

namespace Robotics.Control.Tests.Snn;

public class SnnTrainerTests
{
    /// <summary>Blimp-like altitude plant written here: (m + m_a) w' = T - W_net - c w |w|.</summary>
    private sealed class TestBlimp : IOdeSystem
    {
        public int StateSize => 2;
        public int InputSize => 1;

        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
        {
            derivative[0] = state[1];
            derivative[1] = (input[0] - 0.03 - 0.18 * state[1] * Math.Abs(state[1])) / 0.69;
        }
    }

    private static SnnTrainingOptions Tiny(ulong seed, int workers) => new()
    {
        Seed = seed,
        Workers = workers,
        Profiles = 1,
        ProfileDurationS = 10,
        HoldMinS = 3,
        HoldMaxS = 4,
        Fast = new SnnPopulationSpec { Name = "pd", Neurons = 6 },
        Slow = new SnnPopulationSpec { Name = "i", Neurons = 2, CurrentLeakMin = 0.95, CurrentLeakMax = 1.0, OutputWeightMax = 0.01 },
        Single = new SnnPopulationSpec { Name = "single", Neurons = 4 },
        FastGenerations = 4,
        SlowGenerations = 3,
        SingleGenerations = 2,
        PopulationSize = 6,
    };

    [Fact]
    public void SameSeed_GivesTheSameBestNetworks_IndependentOfWorkers()
    {
        var a = new SnnTrainer(Tiny(9, 1), new TestBlimp()).Train();
        var b = new SnnTrainer(Tiny(9, 2), new TestBlimp()).Train();
        Assert.Equal(a.Fast.Genome, b.Fast.Genome);
        Assert.Equal(a.Slow.Genome, b.Slow.Genome);
        Assert.Equal(a.Single!.Genome, b.Single!.Genome);
        Assert.Equal(a.Fast.BestFitness, b.Fast.BestFitness);
        Assert.Equal(a.Fast.Definition.InputWeights, b.Fast.Definition.InputWeights);

        var c = new SnnTrainer(Tiny(10, 1), new TestBlimp()).Train();
        Assert.NotEqual(a.Fast.Genome, c.Fast.Genome);
    }

    [Fact]
    public void Fitness_IsDeterministic_AndBestPerGenerationIsRecorded()
    {
        var trainer = new SnnTrainer(Tiny(3, 1), new TestBlimp());
        var genome = new double[new SnnPopulationLayout(Tiny(3, 1).Fast).Dimension];
        Array.Fill(genome, 0.5);
        double f1 = trainer.Fitness(SnnTrainingStage.Fast, genome);
        double f2 = trainer.Fitness(SnnTrainingStage.Fast, genome);
        Assert.Equal(f1, f2);
        Assert.True(double.IsFinite(f1) && f1 > 0);
        var stage = trainer.Evolve(SnnTrainingStage.Fast, null);
        Assert.Equal(4, stage.BestPerGeneration.Length);
        Assert.True(double.IsFinite(stage.BestFitness) && stage.BestFitness >= stage.BestPerGeneration.Min());
    }

    [Fact]
    public void Options_TooManyNeurons_ThrowNamingTheBudget()
    {
        var o = new SnnTrainingOptions { Fast = new SnnPopulationSpec { Neurons = 150 } };
        var e = Assert.Throws<ArgumentException>(() => o.Validate());
        Assert.Contains("160", e.Message);
    }
}
