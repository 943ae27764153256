using Robotics.Core.Time;

namespace Robotics.Control.Loop;

/// <summary>A reference (set-point or trajectory) as a function of time, evaluated in place.</summary>
public interface IReferenceSource
{
    /// <summary>Length of the reference vector.</summary>
    int Size { get; }

    /// <summary>Writes the reference at <paramref name="time"/> into <paramref name="reference"/>.</summary>
    void Evaluate(SimTime time, Span<double> reference);
}
