namespace Robotics.Sim.Hybrid;

/// <summary>
/// A hybrid dynamical system: a finite set of modes, each with a continuous flow x' = f_q(t, x, u), guard functions
/// g_{q,i}(t, x, u) and reset maps applied when a guard is hit. Simulated by <see cref="HybridSimulator"/>.
/// </summary>
/// <remarks>
/// <para>Event convention: guard i of mode q fires when its value crosses from strictly positive to non-positive
/// during a step. A guard that is not positive at the start of a step is not armed for that step, so a reset that
/// lands exactly on another guard's zero (e.g. lift-off right after touchdown) does not re-trigger it.</para>
/// <para>An event whose located state fails <see cref="AcceptsEvent"/> is ignored (e.g. the compass-gait swing foot
/// passing through the ground at mid-stance). All members are called inside simulation steps and must not allocate.</para>
/// </remarks>
public interface IHybridSystem
{
    /// <summary>Length of the continuous state vector (the same in every mode).</summary>
    int StateSize { get; }

    /// <summary>Length of the input vector.</summary>
    int InputSize { get; }

    /// <summary>Number of discrete modes (mode indices are 0 .. ModeCount - 1).</summary>
    int ModeCount { get; }

    /// <summary>Number of guard functions per mode (a mode with fewer guards returns +infinity for the others).</summary>
    int GuardCount { get; }

    /// <summary>The mode's name in lower_snake case (a constant string: must not allocate).</summary>
    string ModeName(int mode);

    /// <summary>True when the mode is absorbing (e.g. fallen): the simulator stops integrating in it.</summary>
    bool IsTerminal(int mode);

    /// <summary>Writes the flow f_q(t, x, u) of <paramref name="mode"/> into <paramref name="derivative"/>.</summary>
    void Derivatives(int mode, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative);

    /// <summary>The value of guard <paramref name="guard"/> of <paramref name="mode"/>; the event fires when it becomes &lt;= 0.</summary>
    double Guard(int mode, int guard, double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input);

    /// <summary>Whether a located zero crossing of the guard is a real event at this state (false: ignore it).</summary>
    bool AcceptsEvent(int mode, int guard, ReadOnlySpan<double> state);

    /// <summary>Applies the reset map of the event in place and returns the new mode.</summary>
    int Reset(int mode, int guard, double time, Span<double> state, ReadOnlySpan<double> input);
}
