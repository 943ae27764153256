using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>Writes a fixed command whatever the state: enough to exercise the loop's fault policy over the driver.</summary>
internal sealed class HoldController(int stateSize, double[] command) : IController
{
    public string Name => "hold";

    public int StateSize => stateSize;

    public int ReferenceSize => 0;

    public int CommandSize => command.Length;

    public void Reset()
    {
    }

    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> output)
    {
        command.CopyTo(output);
        return ControllerStatus.Ok;
    }
}
