namespace Robotics.Drivers.Hardware;

/// <summary>
/// The names of a component's state and command interfaces, in the order of the spans passed to
/// <see cref="IHardwareComponent.Read"/> and <see cref="IHardwareComponent.Write"/> (e.g.
/// <c>cart/position</c>, <c>motor/effort</c>), with the safe command written on deactivation or fault.
/// </summary>
public sealed record HardwareInterfaceInfo
{
    /// <summary>Creates an interface description.</summary>
    /// <exception cref="ArgumentException">The safe command does not match the command interfaces.</exception>
    public HardwareInterfaceInfo(IReadOnlyList<string> stateInterfaces, IReadOnlyList<string> commandInterfaces, IReadOnlyList<double>? safeCommand = null)
    {
        StateInterfaces = stateInterfaces;
        CommandInterfaces = commandInterfaces;
        SafeCommand = safeCommand ?? new double[commandInterfaces.Count];
        if (SafeCommand.Count != commandInterfaces.Count)
        {
            throw new ArgumentException($"Safe command has {SafeCommand.Count} values for {commandInterfaces.Count} command interfaces.", nameof(safeCommand));
        }
    }

    /// <summary>State interface names, in read order.</summary>
    public IReadOnlyList<string> StateInterfaces { get; }

    /// <summary>Command interface names, in write order.</summary>
    public IReadOnlyList<string> CommandInterfaces { get; }

    /// <summary>The command that puts the device in its safe state (zeros unless given).</summary>
    public IReadOnlyList<double> SafeCommand { get; }
}
