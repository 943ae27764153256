using Robotics.Control.Pid;
using Robotics.Control.Snn;
using Robotics.Core.Numerics;

namespace Robotics.Control.Tests.Snn;

public class AltitudeBenchmarkTests
{
    /// <summary>The blimp of BlimpParameters' defaults, written out here: deadband 0.01 N, limits [-0.1, 0.2] N.</summary>
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

    // Golden values from tests/golden/blimp_pid_tune.py (golden(): an independent numpy loop of the same plant and
    // PID equations, noise-free 1 -> 1.5 m step at 5 s, 45 s at 100 Hz).
    [Fact]
    public void PidStep_NoiseFree_MatchesIndependentPythonLoop()
    {
        var pid = new PidController(new PidParameters
        {
            Kp = 0.3, Ki = 0.03, Kd = 0.6, DerivativeFilterTimeS = 0.2, OutputMin = -0.1, OutputMax = 0.2,
        }, 2, 1);
        var settings = new AltitudeLoopSettings { SensorNoiseStdM = 0.0 };
        var m = AltitudeBenchmark.Run(pid, new TestBlimp(), AltitudeProfile.Step(1.0, 1.5, 5.0, 45.0), settings, seed: 1);
        Assert.Equal(12.3964074425, m.OvershootPercent, 6);
        Assert.Equal(13.34, m.SettlingTimeS, 9);
        Assert.Equal(0, m.UnsettledHolds);
        Assert.Equal(0.0455396656186, m.SteadyStateErrorM, 9);
        Assert.Equal(0.00125994558572, m.OscillationRmsMS, 9);
        Assert.Equal(0.113558414221, m.RmseM, 9);
        Assert.Equal(0.0365320413895, m.ThrustRmsN, 9);
        Assert.Equal(0.0, m.SpikesPerSecond);
    }

    [Fact]
    public void Profiles_EvaluateTheirHolds()
    {
        var stairs = AltitudeProfile.Staircase([1.0, 1.25, 1.5], 10.0);
        Assert.Equal(30.0, stairs.DurationS);
        Assert.Equal(1.0, stairs.Evaluate(9.999));
        Assert.Equal(1.25, stairs.Evaluate(10.0));
        Assert.Equal(1.5, stairs.Evaluate(29.0));
        var random = AltitudeProfile.RandomSteps(new Robotics.Core.Randomness.Rng(1), 1.0, 0.5, 2.0, 8, 12, 40);
        for (int i = 1; i < random.HoldCount; i++)
        {
            Assert.InRange(random.Setpoint(i), 0.5, 2.0);
            Assert.InRange(random.HoldStart(i) - random.HoldStart(i - 1), 8.0, 12.0);
        }
    }
}
