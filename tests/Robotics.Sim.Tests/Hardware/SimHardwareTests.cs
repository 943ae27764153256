using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Sim.Faults;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Hardware;

public class SimHardwareTests
{
    private static readonly SimTime Period = SimTime.FromMilliseconds(1);

    private static SimHardware CreateActive(SimHardwareOptions options, double[]? initial = null, ulong seed = 1, FaultSchedule? faults = null,
        IPlant? plant = null)
    {
        var hardware = new SimHardware(plant ?? new MassSpringDamper(), initial ?? [1.0, 0.0], options, new Rng(seed), faults);
        Assert.Equal(HardwareResult.Ok, hardware.Configure());
        Assert.Equal(HardwareResult.Ok, hardware.Activate());
        return hardware;
    }

    private static SimTime Tick(long k) => Period * k;

    [Fact]
    public void Write_WhenNotActive_ReturnsNotActive()
    {
        var hardware = new SimHardware(new MassSpringDamper(), [0.0, 0.0], new SimHardwareOptions(), new Rng(1));
        Assert.Equal(HardwareResult.NotActive, hardware.Write(SimTime.Zero, Period, [1.0]));
        hardware.Configure();
        Assert.Equal(HardwareResult.NotActive, hardware.Write(SimTime.Zero, Period, [1.0]));
        Assert.Equal(0.0, hardware.AppliedCommand[0]);
    }

    [Fact]
    public void Lifecycle_ReadWriteDeactivate_FollowsContract()
    {
        var hardware = new SimHardware(new MassSpringDamper(), [0.0, 0.0],
            new SimHardwareOptions { SafeCommand = [0.5], CommandMin = [-1], CommandMax = [1] }, new Rng(1));
        double[] state = new double[2];
        Assert.Equal(HardwareLifecycleState.Unconfigured, hardware.LifecycleState);
        Assert.Equal(HardwareResult.NotActive, hardware.Read(SimTime.Zero, Period, state));

        Assert.Equal(HardwareResult.Ok, hardware.Configure());
        Assert.Equal(HardwareResult.Ok, hardware.Read(SimTime.Zero, Period, state));
        Assert.Equal(0.5, hardware.AppliedCommand[0]); // the safe command drives the plant until the first write

        Assert.Equal(HardwareResult.Ok, hardware.Activate());
        Assert.Equal(HardwareResult.Ok, hardware.Write(SimTime.Zero, Period, [0.9]));
        Assert.Equal(0.9, hardware.AppliedCommand[0]);

        Assert.Equal(HardwareResult.Ok, hardware.Deactivate());
        Assert.Equal(0.5, hardware.AppliedCommand[0]);
        Assert.Equal(HardwareResult.NotActive, hardware.Write(Tick(1), Period, [0.9]));
        Assert.Equal(HardwareResult.Ok, hardware.Read(Tick(1), Period, state));

        hardware.Shutdown();
        Assert.Equal(HardwareResult.NotActive, hardware.Read(Tick(2), Period, state));
    }

    [Fact]
    public void Interfaces_ArePlantNames_WithZeroSafeCommandByDefault()
    {
        var hardware = new SimHardware(new CartPole(), [0, 0.1, 0, 0], new SimHardwareOptions(), new Rng(1));
        Assert.Equal(["cart_position_m", "pole_angle_rad", "cart_velocity_m_s", "pole_angular_velocity_rad_s"], hardware.Interfaces.StateInterfaces);
        Assert.Equal(["force_n"], hardware.Interfaces.CommandInterfaces);
        Assert.Equal([0.0], hardware.Interfaces.SafeCommand);
        Assert.Equal("cart_pole", hardware.Name);
    }

    [Theory]
    [InlineData(0.0)]      // one sub-step per 1 ms period
    [InlineData(0.00025)]  // four sub-steps
    [InlineData(0.0003)]   // 0.3 + 0.3 + 0.3 + 0.1 ms
    public void ZeroNoise_ReproducesPlantExactly(double integrationStep)
    {
        var hardware = CreateActive(new SimHardwareOptions { IntegrationStepSeconds = integrationStep });
        var reference = new MassSpringDamper();
        double[] expected = [1.0, 0.0];
        long stepNs = integrationStep > 0 ? SimTime.FromSeconds(integrationStep).Nanoseconds : Period.Nanoseconds;
        double[] measured = new double[2];
        double command = 0.0; // the safe command until the first write

        for (long k = 0; k < 1000; k++)
        {
            SimTime now = Tick(k);
            // Reference: advance from the previous tick to now in the same integer-nanosecond sub-steps.
            if (k > 0)
            {
                long t = Tick(k - 1).Nanoseconds;
                while (t < now.Nanoseconds)
                {
                    long h = Math.Min(stepNs, now.Nanoseconds - t);
                    reference.Advance(t / 1e9, h / 1e9, expected, [command]);
                    t += h;
                }
            }

            Assert.Equal(HardwareResult.Ok, hardware.Read(now, Period, measured));
            Assert.Equal(expected, measured);
            Assert.Equal(now, hardware.Time);
            command = Math.Sin(0.01 * k);
            Assert.Equal(HardwareResult.Ok, hardware.Write(now, Period, [command]));
        }

        Assert.Equal(SimTime.FromMilliseconds(999), hardware.Time); // exact: no drift
        Assert.Equal(expected, hardware.TrueState.ToArray());
    }

    private static double[] MeasurementSequence(ulong seed, int count)
    {
        var hardware = CreateActive(new SimHardwareOptions { SensorNoiseStd = [0.01, 0.02] }, seed: seed);
        var values = new double[2 * count];
        for (int k = 0; k < count; k++)
        {
            hardware.Read(Tick(k), Period, values.AsSpan(2 * k, 2));
            hardware.Write(Tick(k), Period, [0.1]);
        }

        return values;
    }

    [Fact]
    public void SameSeed_GivesIdenticalMeasurements_DifferentSeedsDiffer()
    {
        double[] a = MeasurementSequence(42, 500);
        double[] b = MeasurementSequence(42, 500);
        double[] c = MeasurementSequence(43, 500);
        Assert.Equal(a, b);
        int equal = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == c[i]) equal++;
        Assert.Equal(0, equal);
    }

    [Fact]
    public void NoiseStd_Over20kReads_WithinThreePercentOfConfigured()
    {
        // Plant at rest with zero force stays exactly at 0, so measurements are pure noise. For N Gaussian samples
        // the sample standard deviation s has relative standard error 1/sqrt(2(N-1)) = 0.5 % at N = 20000: the 3 %
        // bound is 6 standard errors (false-failure probability ~ 2e-9, and the seed is fixed anyway). The mean's
        // standard error is sigma/sqrt(N), so |mean| < 6 sigma / sqrt(N).
        double[] sigma = [0.1, 0.02];
        var hardware = CreateActive(new SimHardwareOptions { SensorNoiseStd = sigma }, initial: [0.0, 0.0], seed: 7);
        const int n = 20_000;
        double[] sum = new double[2], sumSquares = new double[2];
        double[] measured = new double[2];
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(HardwareResult.Ok, hardware.Read(Tick(k), Period, measured));
            for (int i = 0; i < 2; i++)
            {
                sum[i] += measured[i];
                sumSquares[i] += measured[i] * measured[i];
            }
        }

        Assert.Equal([0.0, 0.0], hardware.TrueState.ToArray());
        for (int i = 0; i < 2; i++)
        {
            double mean = sum[i] / n;
            double std = Math.Sqrt((sumSquares[i] - n * mean * mean) / (n - 1));
            Assert.True(Math.Abs(std / sigma[i] - 1) < 0.03, $"channel {i}: std {std} vs {sigma[i]}");
            Assert.True(Math.Abs(mean) < 6 * sigma[i] / Math.Sqrt(n), $"channel {i}: mean {mean}");
        }
    }

    [Fact]
    public void NoiseBurst_MultipliesStdInsideItsWindow()
    {
        // 2000 samples inside and outside: relative standard error of s is 1/sqrt(2*1999) = 1.6 %, bound 10 %.
        var faults = new FaultSchedule([new ScheduledFault(FaultKind.NoiseBurst, Tick(2000), Tick(2000), channel: 0, magnitude: 10.0)]);
        var hardware = CreateActive(new SimHardwareOptions { SensorNoiseStd = [0.01, 0.01] }, initial: [0.0, 0.0], faults: faults);
        double[] measured = new double[2];
        double outside0 = 0, inside0 = 0, inside1 = 0;
        for (int k = 0; k < 4000; k++)
        {
            hardware.Read(Tick(k), Period, measured);
            if (k < 2000) outside0 += measured[0] * measured[0];
            else
            {
                inside0 += measured[0] * measured[0];
                inside1 += measured[1] * measured[1];
            }
        }

        Assert.True(Math.Abs(Math.Sqrt(outside0 / 2000) / 0.01 - 1) < 0.1);
        Assert.True(Math.Abs(Math.Sqrt(inside0 / 2000) / 0.1 - 1) < 0.1);
        Assert.True(Math.Abs(Math.Sqrt(inside1 / 2000) / 0.01 - 1) < 0.1); // channel 1 unaffected
    }

    [Fact]
    public void Quantization_RoundsToStep()
    {
        // Read at time 0 (no integration): 0.123456 -> 12.3456 steps of 0.01 -> 0.12; -0.98765 -> -98.765 -> -0.99.
        var hardware = CreateActive(new SimHardwareOptions { Quantization = [0.01, 0.01] }, initial: [0.123456, -0.98765]);
        double[] measured = new double[2];
        hardware.Read(SimTime.Zero, Period, measured);
        Assert.Equal(0.12, measured[0], 1e-15);
        Assert.Equal(-0.99, measured[1], 1e-15);

        // While moving, every measurement is a multiple of the step within half a step of the truth.
        for (int k = 1; k < 500; k++)
        {
            hardware.Read(Tick(k), Period, measured);
            for (int i = 0; i < 2; i++)
            {
                double steps = measured[i] / 0.01;
                Assert.Equal(Math.Round(steps), steps, 1e-9);
                Assert.True(Math.Abs(measured[i] - hardware.TrueState[i]) <= 0.005 + 1e-12);
            }
        }
    }

    [Fact]
    public void Delay_OfKTicks_ReturnsTrueStateFromKTicksEarlier()
    {
        const int k = 3;
        var hardware = CreateActive(new SimHardwareOptions { SensorDelayTicks = k });
        var history = new List<double[]>();
        double[] measured = new double[2];
        for (int tick = 0; tick < 200; tick++)
        {
            Assert.Equal(HardwareResult.Ok, hardware.Read(Tick(tick), Period, measured));
            history.Add(hardware.TrueState.ToArray());
            Assert.Equal(history[Math.Max(0, tick - k)], measured);
            hardware.Write(Tick(tick), Period, [Math.Cos(0.05 * tick)]);
        }

        Assert.NotEqual(history[0], history[^1]);
    }

    [Fact]
    public void Dropout_ReturnsErrorOnlyInsideItsWindow()
    {
        var start = SimTime.FromMilliseconds(100);
        var duration = SimTime.FromMilliseconds(50);
        var faults = new FaultSchedule([new ScheduledFault(FaultKind.SensorDropout, start, duration)]);
        var hardware = CreateActive(new SimHardwareOptions(), faults: faults);
        double[] measured = new double[2];
        var step = SimTime.FromMilliseconds(10);
        for (int i = 0; i <= 30; i++)
        {
            SimTime now = step * i;
            var result = hardware.Read(now, step, measured);
            bool inside = now >= start && now < start + duration;
            Assert.Equal(inside ? HardwareResult.Error : HardwareResult.Ok, result);
            Assert.Equal(now, hardware.Time); // the plant keeps moving during the dropout
        }
    }

    [Fact]
    public void Dropout_OnOneChannel_MarksOnlyThatChannel()
    {
        var faults = new FaultSchedule([new ScheduledFault(FaultKind.SensorDropout, SimTime.Zero, Tick(10), channel: 1)]);
        var hardware = CreateActive(new SimHardwareOptions(), faults: faults);
        double[] measured = new double[2];
        Assert.Equal(HardwareResult.Error, hardware.Read(Tick(1), Period, measured));
        Assert.True(double.IsFinite(measured[0]));
        Assert.True(double.IsNaN(measured[1]));
    }

    [Fact]
    public void StuckActuator_HoldsValueFromFaultStart()
    {
        var faults = new FaultSchedule([new ScheduledFault(FaultKind.StuckActuator, Tick(50), Tick(50), channel: 0)]);
        var hardware = CreateActive(new SimHardwareOptions(), faults: faults);
        var reference = new MassSpringDamper();
        double[] expected = [1.0, 0.0];
        double[] measured = new double[2];
        double applied = 0.0;
        for (int k = 0; k < 150; k++)
        {
            if (k > 0) reference.Advance((k - 1) * 1e-3, 1e-3, expected, [applied]);
            hardware.Read(Tick(k), Period, measured);
            Assert.Equal(expected, measured);

            double command = k < 50 ? 1.0 : 5.0;
            hardware.Write(Tick(k), Period, [command]);
            applied = k is >= 50 and < 100 ? 1.0 : command; // stuck at the value applied when the fault started
            Assert.Equal(applied, hardware.AppliedCommand[0]);
        }
    }

    [Fact]
    public void ActuatorLimits_ClipCommands()
    {
        var hardware = CreateActive(new SimHardwareOptions { CommandMin = [-2.0], CommandMax = [2.0] });
        var reference = new MassSpringDamper();
        double[] expected = [1.0, 0.0];
        double[] measured = new double[2];
        for (int k = 0; k < 100; k++)
        {
            hardware.Read(Tick(k), Period, measured);
            Assert.Equal(expected, measured);
            double command = k % 2 == 0 ? 10.0 : -10.0;
            hardware.Write(Tick(k), Period, [command]);
            Assert.Equal(Math.Sign(command) * 2.0, hardware.AppliedCommand[0]);
            reference.Advance(k * 1e-3, 1e-3, expected, [Math.Sign(command) * 2.0]);
        }
    }

    [Fact]
    public void Read_TimeGoingBackwards_ReturnsErrorAndKeepsState()
    {
        var hardware = CreateActive(new SimHardwareOptions());
        double[] measured = new double[2];
        hardware.Read(Tick(10), Period, measured);
        double[] before = hardware.TrueState.ToArray();
        Assert.Equal(HardwareResult.Error, hardware.Read(Tick(5), Period, measured));
        Assert.Equal(before, hardware.TrueState.ToArray());
        Assert.Equal(Tick(10), hardware.Time);
    }

    [Fact]
    public void Write_NonFiniteCommand_IsRefusedAndPreviousCommandKept()
    {
        var hardware = CreateActive(new SimHardwareOptions());
        hardware.Write(SimTime.Zero, Period, [0.7]);
        Assert.Equal(HardwareResult.Error, hardware.Write(SimTime.Zero, Period, [double.NaN]));
        Assert.Equal(0.7, hardware.AppliedCommand[0]);
    }

    [Fact]
    public void ReadWrite_SteadyState_AllocateNothing()
    {
        var faults = new FaultSchedule(
        [
            new ScheduledFault(FaultKind.NoiseBurst, Tick(100), Tick(300), magnitude: 3),
            new ScheduledFault(FaultKind.SensorDropout, Tick(500), Tick(100)),
            new ScheduledFault(FaultKind.StuckActuator, Tick(700), Tick(100), channel: 0),
        ]);
        var hardware = CreateActive(new SimHardwareOptions
        {
            SensorNoiseStd = [0.01, 0.01, 0.01, 0.01],
            Quantization = [0.001, 0, 0, 0.001],
            SensorDelayTicks = 2,
            IntegrationStepSeconds = 0.00025,
            CommandMin = [-10],
            CommandMax = [10],
        }, initial: [0, 0.1, 0, 0], faults: faults, plant: new CartPole());
        double[] measured = new double[4];
        double[] command = [0.5];
        for (int k = 0; k < 50; k++)
        {
            hardware.Read(Tick(k), Period, measured);
            hardware.Write(Tick(k), Period, command);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 50; k < 1050; k++)
        {
            hardware.Read(Tick(k), Period, measured);
            hardware.Write(Tick(k), Period, command);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Options_WrongArrayLength_ThrowsNamingFieldValueAndFix()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new SimHardware(new CartPole(), [0, 0, 0, 0], new SimHardwareOptions { SensorNoiseStd = [0.1, 0.1] }, new Rng(1)));
        Assert.Contains("sensor_noise_std", ex.Message);
        Assert.Contains("2 values", ex.Message);
        Assert.Contains("4 states", ex.Message);
    }

    [Fact]
    public void Options_InvalidValues_Throw()
    {
        var plant = new MassSpringDamper();
        Assert.Contains("command_min[0]", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0], new SimHardwareOptions { CommandMin = [1], CommandMax = [-1] }, new Rng(1))).Message);
        Assert.Contains("safe_command[0]", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0], new SimHardwareOptions { CommandMin = [1], CommandMax = [2] }, new Rng(1))).Message);
        Assert.Contains("quantization", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0], new SimHardwareOptions { Quantization = [-0.1, 0] }, new Rng(1))).Message);
        Assert.Contains("sensor_delay_ticks", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0], new SimHardwareOptions { SensorDelayTicks = -1 }, new Rng(1))).Message);
        Assert.Contains("integration_step_s", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0], new SimHardwareOptions { IntegrationStepSeconds = double.NaN }, new Rng(1))).Message);
        Assert.Contains("initial state", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0, 0], new SimHardwareOptions(), new Rng(1))).Message);
        Assert.Contains("channel 1", Assert.Throws<ArgumentException>(() =>
            new SimHardware(plant, [0, 0], new SimHardwareOptions(), new Rng(1),
                new FaultSchedule([new ScheduledFault(FaultKind.StuckActuator, SimTime.Zero, Period, channel: 1)]))).Message);
    }

    [Fact]
    public void Options_FromParameters_EmptyArraysMeanUnset()
    {
        var set = new Robotics.Core.Parameters.ParameterSet(SimHardwareOptions.Parameters);
        set.Set("sensor_noise_std", Robotics.Core.Parameters.ParameterValue.FromDoubleArray([0.1, 0.2]));
        set.Set("sensor_delay_ticks", Robotics.Core.Parameters.ParameterValue.FromInteger(2));
        var options = SimHardwareOptions.FromParameters(set);
        Assert.Equal([0.1, 0.2], options.SensorNoiseStd);
        Assert.Null(options.CommandMin);
        Assert.Null(options.Name);
        Assert.Equal(2, options.SensorDelayTicks);
        options.Validate(new MassSpringDamper());
    }
}
