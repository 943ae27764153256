using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>An empty reference.</summary>
internal sealed class NoReference : IReferenceSource
{
    public int Size => 0;

    public void Evaluate(SimTime time, Span<double> reference)
    {
    }
}
