namespace Robotics.Sim.Scenarios;

/// <summary>How many ticks ended with each <c>TickStatus</c>.</summary>
/// <param name="Ok">Read, control and write succeeded.</param>
/// <param name="StaleState">The controller ran on the last good state.</param>
/// <param name="SafeCommand">The safe command was written.</param>
/// <param name="WriteFault">The hardware refused the write.</param>
public sealed record ScenarioStatusCounts(long Ok, long StaleState, long SafeCommand, long WriteFault);
