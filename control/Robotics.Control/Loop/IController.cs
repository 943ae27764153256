using Robotics.Core.Time;

namespace Robotics.Control.Loop;

/// <summary>
/// A feedback law evaluated once per tick: measured state and reference in, command out.
/// </summary>
/// <remarks>
/// Implementations keep their memory (integrators, filters, warm starts) internally, allocate only in
/// their constructor, and report problems as a <see cref="ControllerStatus"/> instead of throwing.
/// </remarks>
public interface IController
{
    /// <summary>The controller's name (lower_snake).</summary>
    string Name { get; }

    /// <summary>Expected length of the measured state.</summary>
    int StateSize { get; }

    /// <summary>Expected length of the reference.</summary>
    int ReferenceSize { get; }

    /// <summary>Length of the command it writes.</summary>
    int CommandSize { get; }

    /// <summary>Forgets all internal memory (integrator, filter and previous-sample state).</summary>
    void Reset();

    /// <summary>Computes the command for this tick.</summary>
    ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command);
}
