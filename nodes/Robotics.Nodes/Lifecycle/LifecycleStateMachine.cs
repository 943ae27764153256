namespace Robotics.Nodes.Lifecycle;

/// <summary>
/// The ROS 2 default lifecycle state machine (rcl_lifecycle's <c>default_state_machine.c</c>): requested transitions
/// move a primary state into a transition state, the callback's result picks the outcome transition.
/// </summary>
/// <remarks>
/// <para>unconfigured -configure-> inactive -activate-> active -deactivate-> inactive -cleanup-> unconfigured;
/// shutdown from any primary state -> finalized; a callback returning <see cref="LifecycleCallbackResult.Error"/> goes to
/// ErrorProcessing, whose handler returns the node to unconfigured (success) or finalizes it.</para>
/// <para>Not thread-safe: the owner serialises transitions.</para>
/// </remarks>
public sealed class LifecycleStateMachine
{
    private static readonly LifecycleTransitionEvent[] Edges =
    [
        new(LifecycleTransition.Configure, LifecycleState.Unconfigured, LifecycleState.Configuring),
        new(LifecycleTransition.OnConfigureSuccess, LifecycleState.Configuring, LifecycleState.Inactive),
        new(LifecycleTransition.OnConfigureFailure, LifecycleState.Configuring, LifecycleState.Unconfigured),
        new(LifecycleTransition.OnConfigureError, LifecycleState.Configuring, LifecycleState.ErrorProcessing),
        new(LifecycleTransition.Cleanup, LifecycleState.Inactive, LifecycleState.CleaningUp),
        new(LifecycleTransition.OnCleanupSuccess, LifecycleState.CleaningUp, LifecycleState.Unconfigured),
        new(LifecycleTransition.OnCleanupFailure, LifecycleState.CleaningUp, LifecycleState.Inactive),
        new(LifecycleTransition.OnCleanupError, LifecycleState.CleaningUp, LifecycleState.ErrorProcessing),
        new(LifecycleTransition.Activate, LifecycleState.Inactive, LifecycleState.Activating),
        new(LifecycleTransition.OnActivateSuccess, LifecycleState.Activating, LifecycleState.Active),
        new(LifecycleTransition.OnActivateFailure, LifecycleState.Activating, LifecycleState.Inactive),
        new(LifecycleTransition.OnActivateError, LifecycleState.Activating, LifecycleState.ErrorProcessing),
        new(LifecycleTransition.Deactivate, LifecycleState.Active, LifecycleState.Deactivating),
        new(LifecycleTransition.OnDeactivateSuccess, LifecycleState.Deactivating, LifecycleState.Inactive),
        new(LifecycleTransition.OnDeactivateFailure, LifecycleState.Deactivating, LifecycleState.Active),
        new(LifecycleTransition.OnDeactivateError, LifecycleState.Deactivating, LifecycleState.ErrorProcessing),
        new(LifecycleTransition.UnconfiguredShutdown, LifecycleState.Unconfigured, LifecycleState.ShuttingDown),
        new(LifecycleTransition.InactiveShutdown, LifecycleState.Inactive, LifecycleState.ShuttingDown),
        new(LifecycleTransition.ActiveShutdown, LifecycleState.Active, LifecycleState.ShuttingDown),
        new(LifecycleTransition.OnShutdownSuccess, LifecycleState.ShuttingDown, LifecycleState.Finalized),
        new(LifecycleTransition.OnShutdownFailure, LifecycleState.ShuttingDown, LifecycleState.Finalized),
        new(LifecycleTransition.OnShutdownError, LifecycleState.ShuttingDown, LifecycleState.ErrorProcessing),
        new(LifecycleTransition.OnErrorSuccess, LifecycleState.ErrorProcessing, LifecycleState.Unconfigured),
        new(LifecycleTransition.OnErrorFailure, LifecycleState.ErrorProcessing, LifecycleState.Finalized),
        new(LifecycleTransition.OnErrorError, LifecycleState.ErrorProcessing, LifecycleState.Finalized),
    ];

    private static readonly LifecycleState[] PrimaryAndTransitionStates =
    [
        LifecycleState.Unconfigured, LifecycleState.Inactive, LifecycleState.Active, LifecycleState.Finalized,
        LifecycleState.Configuring, LifecycleState.CleaningUp, LifecycleState.ShuttingDown, LifecycleState.Activating,
        LifecycleState.Deactivating, LifecycleState.ErrorProcessing,
    ];

    /// <summary>The current state (starts <see cref="LifecycleState.Unconfigured"/>).</summary>
    public LifecycleState Current { get; private set; } = LifecycleState.Unconfigured;

    /// <summary>Raised after every step (requested transition, callback outcome, error handling).</summary>
    public event Action<LifecycleTransitionEvent>? Transitioned;

    /// <summary>Every edge of the graph (what <c>~/get_transition_graph</c> returns).</summary>
    public static IReadOnlyList<LifecycleTransitionEvent> Graph => Edges;

    /// <summary>Every state (what <c>~/get_available_states</c> returns).</summary>
    public static IReadOnlyList<LifecycleState> States => PrimaryAndTransitionStates;

    /// <summary>The transitions that can be requested from the current state.</summary>
    public IReadOnlyList<LifecycleTransitionEvent> AvailableTransitions
    {
        get
        {
            var list = new List<LifecycleTransitionEvent>();
            foreach (var e in Edges)
            {
                if (e.Start == Current && IsRequestable(e.Transition)) list.Add(e);
            }

            return list;
        }
    }

    /// <summary>The ROS label of a state (<c>unconfigured</c>, <c>configuring</c>, …).</summary>
    /// <param name="state">The state.</param>
    /// <returns>The label.</returns>
    public static string Label(LifecycleState state) => state switch
    {
        LifecycleState.Unconfigured => "unconfigured",
        LifecycleState.Inactive => "inactive",
        LifecycleState.Active => "active",
        LifecycleState.Finalized => "finalized",
        LifecycleState.Configuring => "configuring",
        LifecycleState.CleaningUp => "cleaningup",
        LifecycleState.ShuttingDown => "shuttingdown",
        LifecycleState.Activating => "activating",
        LifecycleState.Deactivating => "deactivating",
        LifecycleState.ErrorProcessing => "errorprocessing",
        _ => "unknown",
    };

    /// <summary>The ROS label of a transition (<c>configure</c>, <c>shutdown</c>, <c>transition_success</c>, …).</summary>
    /// <param name="transition">The transition.</param>
    /// <returns>The label.</returns>
    public static string Label(LifecycleTransition transition) => transition switch
    {
        LifecycleTransition.Create => "create",
        LifecycleTransition.Configure => "configure",
        LifecycleTransition.Cleanup => "cleanup",
        LifecycleTransition.Activate => "activate",
        LifecycleTransition.Deactivate => "deactivate",
        LifecycleTransition.UnconfiguredShutdown or LifecycleTransition.InactiveShutdown or LifecycleTransition.ActiveShutdown => "shutdown",
        LifecycleTransition.Destroy => "destroy",
        _ => ((byte)transition % 10) switch
        {
            0 => "transition_success",
            1 => "transition_failure",
            _ => "transition_error",
        },
    };

    /// <summary>
    /// Finds the requested transition from the current state by id, or by label when the id is 0 (as rclcpp does for
    /// <c>ros2 lifecycle set /node configure</c>).
    /// </summary>
    /// <param name="id">Transition id; 0 to use <paramref name="label"/>.</param>
    /// <param name="label">Transition label, e.g. <c>activate</c> or <c>shutdown</c>.</param>
    /// <param name="transition">The transition.</param>
    /// <param name="error">Why none was found (names the current state and the possible transitions).</param>
    /// <returns>True when a transition applies to the current state.</returns>
    public bool TryResolve(byte id, string? label, out LifecycleTransition transition, out string error)
    {
        foreach (var e in Edges)
        {
            if (e.Start != Current || !IsRequestable(e.Transition)) continue;
            bool match = id != 0 ? (byte)e.Transition == id : string.Equals(Label(e.Transition), label, StringComparison.Ordinal);
            if (match)
            {
                transition = e.Transition;
                error = "";
                return true;
            }
        }

        transition = default;
        var possible = new List<string>();
        foreach (var e in AvailableTransitions) possible.Add($"{Label(e.Transition)} ({(byte)e.Transition})");
        string asked = id != 0 ? $"transition id {id}" : $"transition '{label}'";
        error = $"{asked} is not possible from state '{Label(Current)}'; possible: {(possible.Count == 0 ? "none" : string.Join(", ", possible))}";
        return false;
    }

    /// <summary>
    /// Runs a requested transition: enters the transition state, runs <paramref name="callback"/>, takes the outcome
    /// transition; on <see cref="LifecycleCallbackResult.Error"/> runs <paramref name="onError"/> in ErrorProcessing.
    /// </summary>
    /// <param name="transition">A requested transition valid from <see cref="Current"/>.</param>
    /// <param name="callback">The transition's work (on_configure, on_activate, …); gets the requested transition.</param>
    /// <param name="onError">The on_error handler: Success returns to unconfigured, anything else finalizes.</param>
    /// <returns>True when the callback succeeded (the goal primary state was reached).</returns>
    /// <exception cref="InvalidOperationException">The transition is not valid from the current state.</exception>
    public bool Trigger(LifecycleTransition transition, Func<LifecycleTransition, LifecycleCallbackResult> callback,
        Func<LifecycleCallbackResult> onError)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(onError);
        if (!IsRequestable(transition) || !TryStep(transition))
        {
            throw new InvalidOperationException($"Transition '{Label(transition)}' ({(byte)transition}) is not valid from state '{Label(Current)}'.");
        }

        LifecycleCallbackResult result;
        try
        {
            result = callback(transition);
        }
        catch (Exception)
        {
            result = LifecycleCallbackResult.Error;
        }

        byte outcomeBase = transition switch
        {
            LifecycleTransition.Configure => 10,
            LifecycleTransition.Cleanup => 20,
            LifecycleTransition.Activate => 30,
            LifecycleTransition.Deactivate => 40,
            _ => 50,
        };
        TryStep((LifecycleTransition)(outcomeBase + (byte)result));
        if (Current == LifecycleState.ErrorProcessing)
        {
            LifecycleCallbackResult e;
            try
            {
                e = onError();
            }
            catch (Exception)
            {
                e = LifecycleCallbackResult.Error;
            }

            TryStep((LifecycleTransition)(60 + (byte)e));
        }

        return result == LifecycleCallbackResult.Success;
    }

    private bool TryStep(LifecycleTransition transition)
    {
        foreach (var e in Edges)
        {
            if (e.Start == Current && e.Transition == transition)
            {
                Current = e.Goal;
                Transitioned?.Invoke(e);
                return true;
            }
        }

        return false;
    }

    private static bool IsRequestable(LifecycleTransition t) => (byte)t is >= 1 and <= 7;
}
