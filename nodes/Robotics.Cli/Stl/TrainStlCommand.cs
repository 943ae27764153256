using System.CommandLine;
using Robotics.Control.Stl.Tasks;
using Robotics.Models.Training.Stl;

namespace Robotics.Cli.Stl;

/// <summary><c>robotics train-stl &lt;task&gt;</c>: trains an STL-NPC policy with TorchSharp and writes its managed JSON.</summary>
public static class TrainStlCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "Task: car (traffic light + lead car) or rover (battery + charger)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of torch and of the initial-state sampler.", DefaultValueFactory = _ => 1UL };
        var epochs = new Option<int>("--epochs") { Description = "Gradient steps (each on a fresh batch of initial states).", DefaultValueFactory = _ => 1500 };
        var batch = new Option<int>("--batch") { Description = "Initial states per step.", DefaultValueFactory = _ => 256 };
        var output = new Option<string?>("--out") { Description = "Output JSON (default models/artifacts/stl-<task>-npc.json)." };
        var command = new Command("train-stl",
            "Train an STL-NPC policy (state -> whole control sequence) by maximising the smooth robustness of the task's specification through its differentiable dynamics.")
        {
            task, seed, epochs, batch, output,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(task)!;
            if (!StlTaskCatalog.Names.Contains(name))
            {
                Console.Error.WriteLine($"robotics train-stl: unknown task '{name}'; known: {string.Join(", ", StlTaskCatalog.Names)}.");
                return 2;
            }

            int steps = parse.GetValue(epochs), size = parse.GetValue(batch);
            if (steps < 1 || size < 1)
            {
                Console.Error.WriteLine($"robotics train-stl: --epochs and --batch must be >= 1 (got {steps}, {size}).");
                return 2;
            }

            string path = parse.GetValue(output) ?? Path.Combine(RepoPaths.Root, "models", "artifacts", $"stl-{name}-npc.json");
            var options = new StlNpcOptions
            {
                Task = name, Seed = parse.GetValue(seed), Epochs = steps, BatchSize = size,
                Hidden = name == "car" ? [64, 64, 64] : [256, 256, 256],
            };
            StlNpcTrainer.Train(options, path, Console.Out);
            return 0;
        });
        return command;
    }
}
