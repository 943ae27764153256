using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Training.Data;
using Robotics.Sim.Plants;

namespace Robotics.Models.Training.Sparsification;

/// <summary>
/// Seeded random pushes of the <see cref="PusherSlider"/> plant: every episode puts the box at a random pose and the
/// pusher just off a random face (0 to 1 cm away, anywhere along it), then holds random pusher velocities, drawn
/// around the face's inward normal, for a few steps each. Episodes are split by episode into 80/10/10 %.
/// </summary>
public static class PushingDataCollector
{
    /// <summary>Collects <paramref name="episodes"/> episodes of <paramref name="steps"/> steps of <paramref name="timeStep"/> s.</summary>
    /// <param name="seed">Seed of everything random.</param>
    /// <param name="episodes">Number of episodes (&gt;= 10).</param>
    /// <param name="steps">Steps per episode (BaB-ND box_pushing uses 20).</param>
    /// <param name="timeStep">Model step, s.</param>
    /// <param name="maxSpeed">Largest pusher speed component, m/s (the MPC's input bound).</param>
    public static TransitionDataset Collect(ulong seed, int episodes = 400, int steps = 20, double timeStep = 0.1, double maxSpeed = 0.1)
    {
        if (episodes < 10) throw new ArgumentException($"episodes: expected >= 10, found {episodes}.", nameof(episodes));
        if (steps < 1) throw new ArgumentException($"steps: expected >= 1, found {steps}.", nameof(steps));
        var plant = new PusherSlider();
        var root = new Rng(seed).Fork("pushing-data");
        var trajectories = new Trajectory[episodes];
        double reach = plant.Options.BoxSideM / 2 + plant.Options.PusherRadiusM;
        for (int e = 0; e < episodes; e++)
        {
            var rng = root.Fork($"episode-{e}");
            var states = new double[(steps + 1) * 5];
            var inputs = new double[steps * 2];
            double yaw = rng.NextUniform(-Math.PI / 4, Math.PI / 4);
            double bx = rng.NextUniform(-0.05, 0.05), by = rng.NextUniform(-0.05, 0.05);
            int face = rng.NextInt(4);
            double along = rng.NextUniform(-0.9, 0.9) * plant.Options.BoxSideM / 2;
            double gap = rng.NextUniform(0, 0.01);
            // Face normal (outward, box frame) and the pusher's box-frame position.
            double nx = face switch { 0 => -1, 1 => 1, _ => 0 }, ny = face switch { 2 => -1, 3 => 1, _ => 0 };
            double px = nx * (reach + gap) + (nx == 0 ? along : 0), py = ny * (reach + gap) + (ny == 0 ? along : 0);
            double c = Math.Cos(yaw), s = Math.Sin(yaw);
            double[] x = [bx, by, yaw, bx + c * px - s * py, by + s * px + c * py];
            x.CopyTo(states, 0);
            double ux = 0, uy = 0;
            for (int k = 0; k < steps; k++)
            {
                if (k % 4 == 0)
                {
                    // Mostly into the box (world-frame inward normal), with a random tangential part; sometimes anything.
                    double inward = rng.NextUniform(0.2, 1.0) * maxSpeed, tangential = rng.NextUniform(-0.6, 0.6) * maxSpeed;
                    double wnx = -(c * nx - s * ny), wny = -(s * nx + c * ny);
                    ux = inward * wnx - tangential * wny;
                    uy = inward * wny + tangential * wnx;
                    if (rng.NextDouble() < 0.2) { ux = rng.NextUniform(-maxSpeed, maxSpeed); uy = rng.NextUniform(-maxSpeed, maxSpeed); }
                    ux = Math.Clamp(ux, -maxSpeed, maxSpeed);
                    uy = Math.Clamp(uy, -maxSpeed, maxSpeed);
                }

                inputs[2 * k] = ux;
                inputs[2 * k + 1] = uy;
                plant.Advance(k * timeStep, timeStep, x, inputs.AsSpan(2 * k, 2));
                x.CopyTo(states, (k + 1) * 5);
            }

            trajectories[e] = new Trajectory(5, 2, states, inputs);
        }

        int trainCount = episodes * 8 / 10, validationCount = episodes / 10;
        var signals = plant.StateNames.Select(n => new SignalInfo(n, n.EndsWith("_rad", StringComparison.Ordinal) ? "rad" : "m")).ToArray();
        var inputSignals = plant.InputNames.Select(n => new SignalInfo(n, "m/s")).ToArray();
        return new TransitionDataset(signals, inputSignals, timeStep,
            trajectories[..trainCount], trajectories[trainCount..(trainCount + validationCount)], trajectories[(trainCount + validationCount)..],
            $"pusher_slider, seeded random pushes (seed {seed}), {episodes} episodes x {steps} steps of {timeStep} s, |u| <= {maxSpeed} m/s");
    }
}
