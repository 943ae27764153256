namespace Robotics.Drivers.Serial;

/// <summary>A supervisor event for logs, diagnostics and the console.</summary>
/// <param name="Timestamp">Host monotonic time (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
/// <param name="Kind">What happened.</param>
/// <param name="State">The connection state after the event.</param>
/// <param name="Message">A sentence naming the port and the cause.</param>
/// <param name="Fault">The firmware fault, for <see cref="RigLinkEventKind.Fault"/>.</param>
public sealed record RigLinkEvent(long Timestamp, RigLinkEventKind Kind, RigConnectionState State, string Message, RigFault? Fault = null);
