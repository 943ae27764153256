using Robotics.Control.Stl;
using Robotics.Control.Stl.Planning;
using Robotics.Control.Stl.Tasks;
using Robotics.Core.Randomness;
using Robotics.Models.Training.Stl;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Tests.Stl;

public sealed class StlNpcTests
{
    [Theory]
    [InlineData("car")]
    [InlineData("rover")]
    public void TorchRolloutAndSmoothRobustness_EqualManaged(string name)
    {
        var torchTask = TorchStlTask.Create(name);
        IStlTask task = torchTask.Task;
        int n = task.Dynamics.StateSize, m = task.Dynamics.InputSize, h = task.Horizon;
        var rng = new Rng(4);
        const int batch = 8;
        var x0 = new double[batch * n];
        var u = new double[batch * h * m];
        for (int b = 0; b < batch; b++)
        {
            task.SampleInitialState(rng, x0.AsSpan(b * n, n));
        }

        for (int i = 0; i < u.Length; i++)
        {
            int j = i % m;
            u[i] = rng.NextUniform(task.ControlMin[j], task.ControlMax[j]);
        }

        using var scope = NewDisposeScope();
        var trajectories = torchTask.Rollout(tensor(x0, ScalarType.Float64).reshape(batch, n), tensor(u, ScalarType.Float64).reshape(batch, h, m));
        var rho = new TorchStlRobustness(task.PlanningSpecification, task.Dynamics.TimeStep, 10.0).Evaluate(torchTask.Signals(trajectories)).select(1, 0);
        var scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, h, 10.0);
        for (int b = 0; b < batch; b++)
        {
            scorer.Rollout(x0.AsSpan(b * n, n), u.AsSpan(b * h * m, h * m));
            var states = scorer.States.ToArray();
            var torchStates = trajectories[b].contiguous().data<double>().ToArray();
            for (int i = 0; i < states.Length; i++)
            {
                Assert.Equal(states[i], torchStates[i], 9);
            }

            Assert.Equal(scorer.Smooth(states), rho[b].item<double>(), 6);
        }
    }

    [Fact]
    public void TorchRobustness_UntilRejectedWithMessage()
    {
        var spec = StlSpecification.Parse("(x >= 0) until[0:1] (x >= 2)");
        var e = Assert.Throws<ArgumentException>(() => new TorchStlRobustness(spec, 0.1, 10));
        Assert.Contains("not supported by STL-NPC training", e.Message);
    }

    [Fact]
    public void Train_TinyRun_WritesLoadablePolicyWithinBounds()
    {
        string path = Path.Combine(Path.GetTempPath(), $"stl-npc-test-{Guid.NewGuid():N}.json");
        try
        {
            var result = StlNpcTrainer.Train(new StlNpcOptions { Task = "car", Epochs = 5, BatchSize = 16, Hidden = [8], EvaluationStates = 10 }, path, TextWriter.Null);
            var policy = StlSequencePolicy.Load(path);
            Assert.Equal(25, policy.Horizon);
            Assert.Equal(5, policy.StateSize);
            var controls = new double[25];
            policy.Evaluate([3, 4, 1, 12, 4], controls);
            Assert.All(controls, c => Assert.InRange(c, -10.0, 10.0));
            Assert.True(double.IsFinite(result.FinalLoss));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
