using Robotics.Ros.Interfaces.LifecycleMsgs;
using Robotics.Ros.Nodes;

namespace Robotics.Nodes.Lifecycle;

/// <summary>
/// The lifecycle_msgs interface of a managed node (rcl_lifecycle's <c>com_interface.c</c>): services
/// <c>~/change_state</c>, <c>~/get_state</c>, <c>~/get_available_states</c>, <c>~/get_available_transitions</c>,
/// <c>~/get_transition_graph</c> and the topic <c>~/transition_event</c>.
/// </summary>
public sealed class LifecycleServices : IDisposable
{
    private readonly Node _node;
    private readonly Func<LifecycleStateMachine> _machine;
    private readonly Func<byte, string, bool> _change;
    private readonly Publisher<TransitionEvent> _events;
    private readonly List<IDisposable> _services = [];

    /// <summary>Creates the services and the event publisher.</summary>
    /// <param name="node">The node.</param>
    /// <param name="machine">Gives the state machine (read under the owner's lock for the queries).</param>
    /// <param name="change">Runs a change_state request (id, label) and returns success.</param>
    public LifecycleServices(Node node, Func<LifecycleStateMachine> machine, Func<byte, string, bool> change)
    {
        _node = node ?? throw new ArgumentNullException(nameof(node));
        _machine = machine ?? throw new ArgumentNullException(nameof(machine));
        _change = change ?? throw new ArgumentNullException(nameof(change));
        _events = node.CreatePublisher<TransitionEvent>("~/transition_event", 10);
        _services.Add(node.CreateService<ChangeStateRequest, ChangeStateResponse>("~/change_state",
            (req, resp) => resp.Success = _change(req.Transition.Id, req.Transition.Label ?? "")));
        _services.Add(node.CreateService<GetStateRequest, GetStateResponse>("~/get_state",
            (_, resp) => resp.CurrentState = ToMsg(_machine().Current)));
        _services.Add(node.CreateService<GetAvailableStatesRequest, GetAvailableStatesResponse>("~/get_available_states",
            (_, resp) => resp.AvailableStates = [.. LifecycleStateMachine.States.Select(ToMsg)]));
        _services.Add(node.CreateService<GetAvailableTransitionsRequest, GetAvailableTransitionsResponse>("~/get_available_transitions",
            (_, resp) => resp.AvailableTransitions = [.. _machine().AvailableTransitions.Select(ToMsg)]));
        _services.Add(node.CreateService<GetAvailableTransitionsRequest, GetAvailableTransitionsResponse>("~/get_transition_graph",
            (_, resp) => resp.AvailableTransitions = [.. LifecycleStateMachine.Graph.Select(ToMsg)]));
    }

    /// <summary>Publishes one step on <c>~/transition_event</c> (timestamp in nanoseconds of the node's clock, as rcl).</summary>
    /// <param name="e">The step.</param>
    public void Publish(LifecycleTransitionEvent e)
    {
        long ns = (_node.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        _events.Publish(new TransitionEvent
        {
            Timestamp = (ulong)Math.Max(0, ns),
            Transition = new Transition { Id = (byte)e.Transition, Label = LifecycleStateMachine.Label(e.Transition) },
            StartState = ToMsg(e.Start),
            GoalState = ToMsg(e.Goal),
        });
    }

    /// <summary>Removes the services and the publisher.</summary>
    public void Dispose()
    {
        foreach (var s in _services) s.Dispose();
        _events.Dispose();
    }

    private static State ToMsg(LifecycleState s) => new() { Id = (byte)s, Label = LifecycleStateMachine.Label(s) };

    private static TransitionDescription ToMsg(LifecycleTransitionEvent e) => new()
    {
        Transition = new Transition { Id = (byte)e.Transition, Label = LifecycleStateMachine.Label(e.Transition) },
        StartState = ToMsg(e.Start),
        GoalState = ToMsg(e.Goal),
    };
}
