using Robotics.Nodes.Lifecycle;

namespace Robotics.Nodes.Tests.Hosting;

public sealed class LifecycleStateMachineTests
{
    private static LifecycleCallbackResult Ok(LifecycleTransition _) => LifecycleCallbackResult.Success;

    [Fact]
    public void Configure_Success_PassesThroughConfiguringToInactive()
    {
        var m = new LifecycleStateMachine();
        var events = new List<LifecycleTransitionEvent>();
        m.Transitioned += events.Add;

        Assert.True(m.Trigger(LifecycleTransition.Configure, Ok, () => LifecycleCallbackResult.Success));

        Assert.Equal(LifecycleState.Inactive, m.Current);
        // rcl_lifecycle default_state_machine.c: configure (1) unconfigured->configuring, on_configure_success (10) configuring->inactive.
        Assert.Equal(
            [
                new LifecycleTransitionEvent(LifecycleTransition.Configure, LifecycleState.Unconfigured, LifecycleState.Configuring),
                new LifecycleTransitionEvent(LifecycleTransition.OnConfigureSuccess, LifecycleState.Configuring, LifecycleState.Inactive),
            ],
            events);
    }

    [Fact]
    public void Activate_Failure_ReturnsToInactive()
    {
        var m = new LifecycleStateMachine();
        m.Trigger(LifecycleTransition.Configure, Ok, () => LifecycleCallbackResult.Success);
        Assert.False(m.Trigger(LifecycleTransition.Activate, _ => LifecycleCallbackResult.Failure, () => LifecycleCallbackResult.Success));
        Assert.Equal(LifecycleState.Inactive, m.Current);
    }

    [Fact]
    public void CallbackError_GoesThroughErrorProcessing_ToUnconfigured()
    {
        var m = new LifecycleStateMachine();
        var events = new List<LifecycleTransitionEvent>();
        m.Transitioned += events.Add;
        Assert.False(m.Trigger(LifecycleTransition.Configure, _ => throw new InvalidOperationException("boom"), () => LifecycleCallbackResult.Success));
        Assert.Equal(LifecycleState.Unconfigured, m.Current);
        Assert.Equal(LifecycleState.ErrorProcessing, events[1].Goal);
        Assert.Equal(LifecycleTransition.OnErrorSuccess, events[2].Transition);
    }

    [Fact]
    public void ShutdownLabel_FromActive_ResolvesToActiveShutdown()
    {
        var m = new LifecycleStateMachine();
        m.Trigger(LifecycleTransition.Configure, Ok, () => LifecycleCallbackResult.Success);
        m.Trigger(LifecycleTransition.Activate, Ok, () => LifecycleCallbackResult.Success);
        Assert.True(m.TryResolve(0, "shutdown", out var t, out _));
        Assert.Equal(LifecycleTransition.ActiveShutdown, t);
        m.Trigger(t, Ok, () => LifecycleCallbackResult.Success);
        Assert.Equal(LifecycleState.Finalized, m.Current);
    }

    [Fact]
    public void InvalidRequest_NamesStateAndPossibleTransitions()
    {
        var m = new LifecycleStateMachine();
        Assert.False(m.TryResolve((byte)LifecycleTransition.Activate, null, out _, out string error));
        Assert.Contains("unconfigured", error);
        Assert.Contains("configure (1)", error);
        Assert.Contains("shutdown (5)", error);
    }

    [Fact]
    public void Graph_HasTheTwentyFiveEdgesOfTheDefaultStateMachine()
    {
        // 5 requested transitions x (1 request + 3 outcomes) = 20 minus shutdown's 3 separate requests counted once,
        // i.e. configure/cleanup/activate/deactivate 4 x 4 = 16, shutdown 3 requests + 3 outcomes = 6, on_error 3: 25.
        Assert.Equal(25, LifecycleStateMachine.Graph.Count);
        Assert.Equal(10, LifecycleStateMachine.States.Count);
    }
}
