namespace Robotics.Nodes.Lifecycle;

/// <summary>One step of the state machine (what <c>~/transition_event</c> publishes).</summary>
/// <param name="Transition">The transition taken.</param>
/// <param name="Start">The state before.</param>
/// <param name="Goal">The state after.</param>
public readonly record struct LifecycleTransitionEvent(LifecycleTransition Transition, LifecycleState Start, LifecycleState Goal);
