using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Nodes.Hosting;

/// <summary>The host's reference slot (replaced at a tick boundary when parameters change).</summary>
internal sealed class SwappableReference(IReferenceSource inner) : IReferenceSource
{
    public IReferenceSource Inner { get; set; } = inner;

    public int Size => Inner.Size;

    public void Evaluate(SimTime time, Span<double> reference) => Inner.Evaluate(time, reference);
}
