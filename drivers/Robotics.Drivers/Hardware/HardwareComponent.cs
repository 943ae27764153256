using Robotics.Core.Time;

namespace Robotics.Drivers.Hardware;

/// <summary>
/// Base class that enforces the lifecycle rules of <see cref="IHardwareComponent"/> (non-virtual
/// interface): derived classes implement the <c>On*</c> hooks and never see a call the current state forbids.
/// </summary>
public abstract class HardwareComponent : IHardwareComponent
{
    /// <summary>Creates a component with a name and interface description.</summary>
    protected HardwareComponent(string name, HardwareInterfaceInfo interfaces)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Interfaces = interfaces ?? throw new ArgumentNullException(nameof(interfaces));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public HardwareInterfaceInfo Interfaces { get; }

    /// <inheritdoc />
    public HardwareLifecycleState LifecycleState { get; private set; } = HardwareLifecycleState.Unconfigured;

    /// <inheritdoc />
    public HardwareResult Configure()
    {
        if (LifecycleState != HardwareLifecycleState.Unconfigured) return HardwareResult.NotActive;
        var result = OnConfigure();
        if (result == HardwareResult.Ok) LifecycleState = HardwareLifecycleState.Inactive;
        return result;
    }

    /// <inheritdoc />
    public HardwareResult Activate()
    {
        if (LifecycleState != HardwareLifecycleState.Inactive) return HardwareResult.NotActive;
        var result = OnActivate();
        if (result == HardwareResult.Ok) LifecycleState = HardwareLifecycleState.Active;
        return result;
    }

    /// <inheritdoc />
    public HardwareResult Deactivate()
    {
        if (LifecycleState != HardwareLifecycleState.Active) return HardwareResult.NotActive;
        var result = OnDeactivate();
        LifecycleState = HardwareLifecycleState.Inactive; // refuse further writes even if the hook failed
        return result;
    }

    /// <summary>Any state -> finalized.</summary>
    public HardwareResult Shutdown()
    {
        if (LifecycleState == HardwareLifecycleState.Active) OnDeactivate();
        LifecycleState = HardwareLifecycleState.Finalized;
        return HardwareResult.Ok;
    }

    /// <inheritdoc />
    public HardwareResult Read(SimTime now, SimTime period, Span<double> state)
    {
        if (LifecycleState is not (HardwareLifecycleState.Inactive or HardwareLifecycleState.Active)) return HardwareResult.NotActive;
        if (state.Length != Interfaces.StateInterfaces.Count) return HardwareResult.Error;
        return OnRead(now, period, state);
    }

    /// <inheritdoc />
    public HardwareResult Write(SimTime now, SimTime period, ReadOnlySpan<double> command)
    {
        if (LifecycleState != HardwareLifecycleState.Active) return HardwareResult.NotActive;
        if (command.Length != Interfaces.CommandInterfaces.Count) return HardwareResult.Error;
        return OnWrite(now, period, command);
    }

    /// <summary>Opens connections and checks the device.</summary>
    protected virtual HardwareResult OnConfigure() => HardwareResult.Ok;

    /// <summary>Prepares to accept commands.</summary>
    protected virtual HardwareResult OnActivate() => HardwareResult.Ok;

    /// <summary>Applies the safe command.</summary>
    protected virtual HardwareResult OnDeactivate() => HardwareResult.Ok;

    /// <summary>Reads states; called only when inactive or active, with a span of the right length.</summary>
    protected abstract HardwareResult OnRead(SimTime now, SimTime period, Span<double> state);

    /// <summary>Writes a command; called only when active, with a span of the right length.</summary>
    protected abstract HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command);
}
