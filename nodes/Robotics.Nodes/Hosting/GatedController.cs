using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Nodes.Hosting;

/// <summary>The host's controller slot: the safe command while inactive, the (swappable) controller while active.</summary>
internal sealed class GatedController(IController inner, double[] safeCommand) : IController
{
    public IController Inner { get; set; } = inner;

    public volatile bool Commanding;

    public string Name => Inner.Name;

    public int StateSize => Inner.StateSize;

    public int ReferenceSize => Inner.ReferenceSize;

    public int CommandSize => Inner.CommandSize;

    public void Reset() => Inner.Reset();

    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (Commanding) return Inner.Update(now, period, state, reference, command);
        safeCommand.AsSpan().CopyTo(command);
        return ControllerStatus.Ok;
    }
}
