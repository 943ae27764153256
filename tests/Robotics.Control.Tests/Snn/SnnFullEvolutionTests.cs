using Robotics.Control.Snn;
using Robotics.Core.Numerics;

namespace Robotics.Control.Tests.Snn;

/// <summary>The full default evolution (minutes): excluded from the default test run.</summary>
public class SnnFullEvolutionTests
{
    private sealed class TestBlimp : IOdeSystem
    {
        public int StateSize => 2;
        public int InputSize => 1;

        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
        {
            double u = Math.Abs(input[0]) < 0.01 ? 0.0 : Math.Clamp(input[0], -0.1, 0.2);
            derivative[0] = state[1];
            derivative[1] = (u - 0.03 - 0.01 * state[1] - 0.18 * state[1] * Math.Abs(state[1])) / 0.69;
        }
    }

    // A controller without an integrator cannot hold a 0.03 N net weight at zero error (its output at e = 0 is
    // fixed), so the evolved slow population must reduce the steady-state error of the fast population alone.
    [Fact]
    [Trait("Category", "Slow")]
    public void DefaultEvolution_SlowPopulationRemovesTheBuoyancyOffset()
    {
        var options = new SnnTrainingOptions { Workers = 2, SingleGenerations = 0 };
        var result = new SnnTrainer(options, new TestBlimp()).Train();
        var profile = AltitudeProfile.Step(1.0, 1.5, 5.0, 45.0);
        var combined = AltitudeBenchmark.Run(result.CreateCombinedController(), new TestBlimp(), profile, options.Loop, 7);
        var fastOnly = AltitudeBenchmark.Run(
            new SnnAltitudeController([result.Fast.Definition], options.CreateEncoder(), 0.0, -0.1, 0.2), new TestBlimp(), profile, options.Loop, 7);
        Assert.True(combined.SteadyStateErrorM < fastOnly.SteadyStateErrorM,
            $"combined {combined.SteadyStateErrorM} m vs fast only {fastOnly.SteadyStateErrorM} m");
        Assert.Equal(160, result.CreateCombinedController().NeuronCount);
    }
}
