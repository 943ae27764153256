using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Nodes.Stl;

/// <summary>The STL monitor node's reference slot: nothing (size 0).</summary>
internal sealed class NoReference : IReferenceSource
{
    public int Size => 0;

    public void Evaluate(SimTime time, Span<double> reference)
    {
    }
}
