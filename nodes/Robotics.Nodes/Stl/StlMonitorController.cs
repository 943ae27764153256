using Robotics.Control.Loop;
using Robotics.Control.Stl;
using Robotics.Core.Time;
using StlRobustnessMsg = Robotics.Ros.Interfaces.RoboticsMsgs.StlRobustness;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;

namespace Robotics.Nodes.Stl;

/// <summary>
/// The controller slot of the STL monitor node (runs only while the node is active): feeds each complete sample (no
/// signal NaN) to the <see cref="StlOnlineMonitor"/> and, once a verdict is decided, publishes it. Reset on activate.
/// </summary>
internal sealed class StlMonitorController : IController, IDisposable
{
    private readonly StlOnlineMonitor monitor;
    private readonly TimeProvider clock;
    private readonly Publisher<Float64> robustness;
    private readonly Publisher<Float64> robustnessTime;
    private readonly Publisher<StlRobustnessMsg> verdict;
    private readonly Float64 robustnessMsg = new();
    private readonly Float64 timeMsg = new();
    private readonly StlRobustnessMsg verdictMsg;
    private readonly long delayNs;

    public StlMonitorController(Node node, TimeProvider clock, StlOnlineMonitor monitor, string name)
    {
        this.monitor = monitor;
        this.clock = clock;
        StateSize = monitor.Specification.Signals.Count;
        robustness = node.CreatePublisher<Float64>("~/robustness", 10);
        robustnessTime = node.CreatePublisher<Float64>("~/robustness_time", 10);
        verdict = node.CreatePublisher<StlRobustnessMsg>("~/verdict", 10);
        double delayS = monitor.Delay * monitor.SamplePeriod;
        delayNs = (long)Math.Round(delayS * 1e9);
        verdictMsg = new StlRobustnessMsg { Name = name, Formula = monitor.Specification.Formula.ToString(), HorizonS = delayS };
    }

    public string Name => "stl_monitor";

    public int StateSize { get; }

    public int ReferenceSize => 0;

    public int CommandSize => 1;

    /// <summary>Verdicts published since the last reset.</summary>
    public long Published { get; private set; }

    public void Reset()
    {
        monitor.Reset();
        Published = 0;
    }

    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        command.Clear();
        for (int i = 0; i < state.Length; i++)
        {
            if (double.IsNaN(state[i]))
            {
                return ControllerStatus.Ok; // not every signal has a value yet: no sample
            }
        }

        if (!monitor.Update(state, out double rho, out long decided))
        {
            return ControllerStatus.Ok;
        }

        robustnessMsg.Data = rho;
        timeMsg.Data = decided * monitor.SamplePeriod;
        long ns = (clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100 - delayNs;
        var stamp = verdictMsg.Header.Stamp;
        stamp.Sec = (int)(ns / 1_000_000_000);
        stamp.Nanosec = (uint)(ns % 1_000_000_000);
        verdictMsg.Robustness = rho;
        verdictMsg.Satisfied = rho > 0;
        robustness.Publish(robustnessMsg);
        robustnessTime.Publish(timeMsg);
        verdict.Publish(verdictMsg);
        Published++;
        return ControllerStatus.Ok;
    }

    public void Dispose()
    {
        robustness.Dispose();
        robustnessTime.Dispose();
        verdict.Dispose();
    }
}
