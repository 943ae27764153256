using Robotics.Control.Stl.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Stl;

/// <summary>
/// A task's dynamics and signals written in torch ops (batched, differentiable), mirroring the managed definitions in
/// <c>Robotics.Control.Stl.Tasks</c> (a parity test checks they agree).
/// </summary>
public abstract class TorchStlTask
{
    /// <summary>The managed task this mirrors.</summary>
    public abstract IStlTask Task { get; }

    /// <summary>One step for a batch: states [B, n], controls [B, m] → [B, n].</summary>
    public abstract Tensor Step(Tensor states, Tensor controls);

    /// <summary>Signals of a batch of trajectories [B, T, n]: one [B, T] tensor per signal name.</summary>
    public abstract Dictionary<string, Tensor> Signals(Tensor trajectories);

    /// <summary>The torch mirror of <paramref name="name"/> (car or rover).</summary>
    /// <exception cref="ArgumentException">Unknown task.</exception>
    public static TorchStlTask Create(string name) => name switch
    {
        "car" => new TorchCarTask(),
        "rover" => new TorchRoverTask(),
        _ => throw new ArgumentException($"Unknown STL task '{name}'; known tasks: {string.Join(", ", StlTaskCatalog.Names)}.", nameof(name)),
    };

    /// <summary>Rolls out a batch: x0 [B, n], controls [B, H, m] → trajectories [B, H + 1, n].</summary>
    public Tensor Rollout(Tensor initial, Tensor controls)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(controls);
        var list = new List<Tensor> { initial };
        Tensor x = initial;
        long horizon = controls.shape[1];
        for (long t = 0; t < horizon; t++)
        {
            x = Step(x, controls.select(1, t));
            list.Add(x);
        }

        return stack(list, 1);
    }

    private sealed class TorchCarTask : TorchStlTask
    {
        private const double Dt = 0.1;

        public override IStlTask Task { get; } = new TrafficLightCarTask();

        public override Tensor Step(Tensor states, Tensor controls)
        {
            var x = states.select(1, 0);
            var v = states.select(1, 1);
            var clock = states.select(1, 2);
            var lx = states.select(1, 3);
            var lv = states.select(1, 4);
            var a = controls.select(1, 0);
            return stack([x + v * Dt, clamp(v + a * Dt, 0.0, 10.0), clock + Dt, lx + lv * Dt, lv], 1);
        }

        public override Dictionary<string, Tensor> Signals(Tensor trajectories)
        {
            var x = trajectories.select(2, 0);
            var clock = trajectories.select(2, 2);
            var phase = clock - TrafficLightCarTask.LightPeriodS * floor(clock / TrafficLightCarTask.LightPeriodS);
            var red = where(phase >= TrafficLightCarTask.LightPeriodS / 2, ones_like(phase), -ones_like(phase)).detach();
            return new Dictionary<string, Tensor>
            {
                ["x"] = x,
                ["v"] = trajectories.select(2, 1),
                ["gap"] = trajectories.select(2, 3) - x,
                ["red"] = red,
            };
        }
    }

    private sealed class TorchRoverTask : TorchStlTask
    {
        private const double Dt = 0.2;

        public override IStlTask Task { get; } = new RoverBatteryTask();

        public override Tensor Step(Tensor states, Tensor controls)
        {
            var x = states.select(1, 0);
            var y = states.select(1, 1);
            var b = states.select(1, 2);
            var v = controls.select(1, 0);
            var th = controls.select(1, 1);
            var charging = Distance(x, y, RoverBatteryTask.Charger.X, RoverBatteryTask.Charger.Y) < RoverBatteryTask.ChargeRadiusM;
            var battery = where(charging, full_like(b, 5.0), b - Dt);
            return stack([x + v * cos(th) * Dt, y + v * sin(th) * Dt, battery], 1);
        }

        public override Dictionary<string, Tensor> Signals(Tensor trajectories)
        {
            var x = trajectories.select(2, 0);
            var y = trajectories.select(2, 1);
            return new Dictionary<string, Tensor>
            {
                ["x"] = x,
                ["y"] = y,
                ["battery"] = trajectories.select(2, 2),
                ["obstacle_m"] = Distance(x, y, RoverBatteryTask.Obstacle.X, RoverBatteryTask.Obstacle.Y),
                ["charger_m"] = Distance(x, y, RoverBatteryTask.Charger.X, RoverBatteryTask.Charger.Y),
                ["dest_m"] = Distance(x, y, RoverBatteryTask.Destination.X, RoverBatteryTask.Destination.Y),
            };
        }

        private static Tensor Distance(Tensor x, Tensor y, double cx, double cy) =>
            sqrt((x - cx).square() + (y - cy).square() + 1e-12);
    }
}
