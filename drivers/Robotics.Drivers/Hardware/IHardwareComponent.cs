using Robotics.Core.Time;

namespace Robotics.Drivers.Hardware;

/// <summary>
/// A piece of hardware the control loop reads states from and writes commands to: a serial rig, or the
/// simulator's <c>SimHardware</c>. Modelled on ros2_control's hardware component interface.
/// </summary>
/// <remarks>
/// <para>Calls return <see cref="HardwareResult"/> values instead of throwing: the loop decides the fault
/// policy. <see cref="Write"/> returns <see cref="HardwareResult.NotActive"/> unless the component is
/// <see cref="HardwareLifecycleState.Active"/>; <see cref="Read"/> works when inactive or active.</para>
/// <para><see cref="Read"/> and <see cref="Write"/> are called from the control thread only and must not
/// allocate in steady state.</para>
/// </remarks>
public interface IHardwareComponent
{
    /// <summary>The component's name (lower_snake; becomes part of ROS names).</summary>
    string Name { get; }

    /// <summary>State and command interface names and the safe command.</summary>
    HardwareInterfaceInfo Interfaces { get; }

    /// <summary>The current lifecycle state.</summary>
    HardwareLifecycleState LifecycleState { get; }

    /// <summary>Unconfigured -> inactive: open connections, check the device.</summary>
    HardwareResult Configure();

    /// <summary>Inactive -> active: commands are accepted from now on.</summary>
    HardwareResult Activate();

    /// <summary>Active -> inactive: the safe command is applied and further writes are refused.</summary>
    HardwareResult Deactivate();

    /// <summary>Reads the current states into <paramref name="state"/> (length = state interface count).</summary>
    HardwareResult Read(SimTime now, SimTime period, Span<double> state);

    /// <summary>Writes <paramref name="command"/> (length = command interface count). Refused unless active.</summary>
    HardwareResult Write(SimTime now, SimTime period, ReadOnlySpan<double> command);
}
