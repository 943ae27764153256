using Robotics.Core.Time;
using Robotics.Drivers.Hardware;

namespace Robotics.Nodes.Hosting;

/// <summary>The host's view of the hardware: reads always pass, writes only while the node is active (commanding).</summary>
internal sealed class GatedHardware(IHardwareComponent inner) : IHardwareComponent
{
    public IHardwareComponent Inner { get; } = inner;

    public volatile bool Commanding;

    public string Name => Inner.Name;

    public HardwareInterfaceInfo Interfaces => Inner.Interfaces;

    public HardwareLifecycleState LifecycleState => Inner.LifecycleState;

    public HardwareResult Configure() => Inner.Configure();

    public HardwareResult Activate() => Inner.Activate();

    public HardwareResult Deactivate() => Inner.Deactivate();

    public HardwareResult Read(SimTime now, SimTime period, Span<double> state) => Inner.Read(now, period, state);

    public HardwareResult Write(SimTime now, SimTime period, ReadOnlySpan<double> command) =>
        Commanding ? Inner.Write(now, period, command) : HardwareResult.Ok;
}
