using System.Globalization;
using Robotics.Control.Loop;
using Robotics.Core.Time;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;

namespace Robotics.Nodes.Hybrid;

/// <summary>
/// Publishes the supervisor's state every tick: <c>~/mode</c> (std_msgs/String <c>dry</c> | <c>icy</c>),
/// <c>~/lyapunov_ratio</c> (std_msgs/Float64 V/c of the current mode), plus <c>~/state</c> and <c>~/command</c>
/// (<see cref="RigTopicsObserver"/>); and <c>~/switch</c> (std_msgs/String, JSON) once with the plan at the first tick
/// and once at every mode change. Per-tick messages are preallocated (the JSON is built only on those events).
/// </summary>
internal sealed class HybridSupervisorTopicsObserver : IControlLoopObserver, IDisposable
{
    private readonly HybridCarSupervisor supervisor;
    private readonly RigTopicsObserver rig;
    private readonly Publisher<Ros.Interfaces.StdMsgs.String> mode;
    private readonly Publisher<Float64> ratio;
    private readonly Publisher<Ros.Interfaces.StdMsgs.String> switchPub;
    private readonly Ros.Interfaces.StdMsgs.String dryMsg = new() { Data = "dry" };
    private readonly Ros.Interfaces.StdMsgs.String icyMsg = new() { Data = "icy" };
    private readonly Float64 ratioMsg = new();
    private bool planPublished;
    private int switchesPublished;

    public HybridSupervisorTopicsObserver(Node node, TimeProvider clock, HybridCarSupervisor supervisor)
    {
        this.supervisor = supervisor;
        rig = new RigTopicsObserver(node, clock, HybridCarHardware.StateNames, 0, 2);
        mode = node.CreatePublisher<Ros.Interfaces.StdMsgs.String>("~/mode", 10);
        ratio = node.CreatePublisher<Float64>("~/lyapunov_ratio", 10);
        switchPub = node.CreatePublisher<Ros.Interfaces.StdMsgs.String>("~/switch", 10);
    }

    public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
    {
        rig.OnTick(tickIndex, now, state, reference, command, status);
        if (supervisor.Updates == 0)
        {
            return;
        }

        if (!planPublished)
        {
            planPublished = true;
            switchPub.Publish(new Ros.Interfaces.StdMsgs.String { Data = Json("plan", tickIndex, now) });
        }

        if (supervisor.ModeSwitches != switchesPublished)
        {
            switchesPublished = supervisor.ModeSwitches;
            switchPub.Publish(new Ros.Interfaces.StdMsgs.String { Data = Json("mode_switch", tickIndex, now) });
        }

        mode.Publish(supervisor.Icy ? icyMsg : dryMsg);
        ratioMsg.Data = supervisor.LyapunovRatio;
        ratio.Publish(ratioMsg);
    }

    private string Json(string ev, long tickIndex, SimTime now)
    {
        var s = supervisor;
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"event\":\"{ev}\",\"tick\":{tickIndex},\"time_s\":{now.Seconds:R},\"planner\":\"{s.Planner}\",\"mode\":\"{(s.Icy ? "icy" : "dry")}\",\"switch_x_m\":{s.Library.Options.IceStartXM:R},\"switch_offset_m\":{s.SwitchOffsetM:R},\"dry_speed_m_s\":{s.DrySpeed:R},\"icy_speed_m_s\":{s.IcySpeed:R},\"plan_loss\":{(double.IsNaN(s.PlanLoss) ? "null" : s.PlanLoss.ToString("R", CultureInfo.InvariantCulture))},\"end_x_m\":{s.EndX:R},\"end_y_m\":{s.EndY:R},\"lyapunov_ratio\":{s.LyapunovRatio:R}}}");
    }

    public void Dispose()
    {
        rig.Dispose();
        mode.Dispose();
        ratio.Dispose();
        switchPub.Dispose();
    }
}
