namespace Robotics.Drivers.Serial;

/// <summary>A FAULT frame from the firmware.</summary>
/// <param name="Code">What went wrong.</param>
/// <param name="Detail">Code-specific detail (see <see cref="RigFaultCode"/>).</param>
/// <param name="McuMicroseconds">Firmware clock when the fault was raised.</param>
public readonly record struct RigFault(RigFaultCode Code, uint Detail, ulong McuMicroseconds)
{
    /// <summary>Body size on the wire.</summary>
    public const int BodySize = 13;

    /// <summary>One line for logs.</summary>
    public override string ToString() => $"FAULT {Code} detail {Detail} at mcu {McuMicroseconds} us";
}
