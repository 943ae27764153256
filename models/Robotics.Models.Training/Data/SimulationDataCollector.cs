using System.Globalization;
using Robotics.Control.Pid;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Artifacts;
using Robotics.Models.Training.Configuration;
using Robotics.Sim.Plants;
using Robotics.Sim.Scenarios;

namespace Robotics.Models.Training.Data;

/// <summary>
/// Records a dataset from seeded rollouts of a simulator plant under one excitation: random input steps,
/// chirps (linear frequency sweeps), or a PID loop on state 0 tracking random set-points plus Gaussian
/// exploration noise. The same config and seed give the same dataset (and hash) bit for bit.
/// </summary>
public static class SimulationDataCollector
{
    /// <summary>Builds the simulator plant <paramref name="type"/> with parameter <paramref name="overrides"/>.</summary>
    public static IPlant CreatePlant(string type, IReadOnlyDictionary<string, double> overrides)
    {
        var entry = ScenarioCatalog.FindPlant(type) ?? throw new ArgumentException($"Unknown plant '{type}'.", nameof(type));
        var parameters = new ParameterSet(entry.Parameters);
        foreach (var (name, value) in overrides) parameters.Set(name, ParameterValue.FromDouble(value));
        return entry.Create(parameters);
    }

    /// <summary>Collects the dataset of <paramref name="config"/>.</summary>
    public static TransitionDataset Collect(TrainingConfig config)
    {
        var plant = CreatePlant(config.Plant.Type, config.Plant.Parameters);
        var data = config.Data;
        var root = new Rng(config.Seed).Fork("data");
        var trajectories = new Trajectory[data.Trajectories];
        for (int i = 0; i < trajectories.Length; i++)
        {
            trajectories[i] = Rollout(plant, config, root.Fork($"trajectory-{i}"));
        }

        // Split by trajectory with a seeded shuffle.
        int[] order = Enumerable.Range(0, trajectories.Length).ToArray();
        var shuffle = root.Fork("split");
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = shuffle.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int nTrain = Math.Max(1, (int)Math.Round(data.Split[0] * trajectories.Length));
        int nVal = Math.Max(1, (int)Math.Round(data.Split[1] * trajectories.Length));
        nTrain = Math.Min(nTrain, trajectories.Length - 2);
        nVal = Math.Min(nVal, trajectories.Length - nTrain - 1);
        var train = order[..nTrain].Select(k => trajectories[k]).ToArray();
        var val = order[nTrain..(nTrain + nVal)].Select(k => trajectories[k]).ToArray();
        var test = order[(nTrain + nVal)..].Select(k => trajectories[k]).ToArray();

        var states = plant.StateNames.Select(n => new SignalInfo(n, SignalUnits.FromName(n))).ToArray();
        var inputs = plant.InputNames.Select(n => new SignalInfo(n, SignalUnits.FromName(n))).ToArray();
        string parameters = string.Join(", ", config.Plant.Parameters.Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        string description = string.Create(CultureInfo.InvariantCulture,
            $"{config.Plant.Type}({parameters}) at dt {config.DtS} s, {data.Excitation} excitation, {data.Trajectories} trajectories x {data.Steps} steps (train {train.Length}, validation {val.Length}, test {test.Length}), seed {config.Seed}");
        return new TransitionDataset(states, inputs, config.DtS, train, val, test, description);
    }

    private static Trajectory Rollout(IPlant plant, TrainingConfig config, Rng rng)
    {
        var data = config.Data;
        int n = plant.StateSize, m = plant.InputSize, steps = data.Steps;
        var states = new double[(steps + 1) * n];
        var inputs = new double[steps * m];
        var x = new double[n];
        var u = new double[m];
        var initial = rng.Fork("initial");
        for (int i = 0; i < n; i++) x[i] = initial.NextGaussian(0, PerSignal(data.InitialStateStd, i));
        x.CopyTo(states, 0);

        var excitation = rng.Fork("excitation");
        var holdLeft = new int[m];
        var level = new double[m];
        var phase = new double[m];
        for (int j = 0; j < m; j++) phase[j] = excitation.NextUniform(0, 2 * Math.PI);
        PidController? pid = null;
        double setpoint = 0;
        int setpointLeft = 0;
        var pidCommand = new double[1];
        var reference = new double[1];
        if (data.Excitation == "closed_loop")
        {
            pid = new PidController(new PidParameters { Kp = data.PidGains[0], Ki = data.PidGains[1], Kd = data.PidGains[2] }, stateSize: n);
        }

        var period = SimTime.FromSeconds(config.DtS);
        double duration = steps * config.DtS;
        for (int k = 0; k < steps; k++)
        {
            double t = k * config.DtS;
            for (int j = 0; j < m; j++)
            {
                double amplitude = PerSignal(data.InputAmplitude, j);
                switch (data.Excitation)
                {
                    case "chirp":
                        // Linear sweep f(t) = f0 + (f1 - f0) t / T; phase = 2 pi (f0 t + (f1 - f0) t^2 / (2T)).
                        double f0 = data.ChirpHz[0], f1 = data.ChirpHz[1];
                        u[j] = amplitude * Math.Sin(phase[j] + 2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * duration)));
                        break;
                    case "closed_loop" when j == 0:
                        if (setpointLeft-- <= 0)
                        {
                            setpoint = excitation.NextGaussian(0, 2 * PerSignal(data.InitialStateStd, 0));
                            setpointLeft = data.HoldSteps[0] + excitation.NextInt(data.HoldSteps[1] - data.HoldSteps[0] + 1);
                        }

                        reference[0] = setpoint;
                        pid!.Update(period * k, period, x, reference, pidCommand);
                        u[0] = Math.Clamp(pidCommand[0] + excitation.NextGaussian(0, data.ExplorationNoise), -amplitude, amplitude);
                        break;
                    default:
                        if (holdLeft[j]-- <= 0)
                        {
                            level[j] = excitation.NextUniform(-amplitude, amplitude);
                            holdLeft[j] = data.HoldSteps[0] + excitation.NextInt(data.HoldSteps[1] - data.HoldSteps[0] + 1) - 1;
                        }

                        u[j] = level[j];
                        break;
                }
            }

            u.CopyTo(inputs, k * m);
            plant.Advance(t, config.DtS, x, u);
            x.CopyTo(states, (k + 1) * n);
        }

        return new Trajectory(n, m, states, inputs);
    }

    private static double PerSignal(double[] values, int index) => values.Length == 1 ? values[0] : values[Math.Min(index, values.Length - 1)];
}
