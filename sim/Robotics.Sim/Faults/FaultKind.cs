namespace Robotics.Sim.Faults;

/// <summary>The kinds of fault the simulated hardware can inject.</summary>
public enum FaultKind
{
    /// <summary>The sensor delivers nothing: <c>Read</c> returns <c>HardwareResult.Error</c> and the affected channels read NaN.</summary>
    SensorDropout,

    /// <summary>An actuator channel freezes at the value it had when the fault started; new commands are ignored.</summary>
    StuckActuator,

    /// <summary>Sensor noise standard deviation is multiplied by the fault's magnitude.</summary>
    NoiseBurst,
}
