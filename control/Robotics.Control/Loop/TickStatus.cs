namespace Robotics.Control.Loop;

/// <summary>What happened in one control tick. The loop never throws inside a tick; it returns this.</summary>
public enum TickStatus : byte
{
    /// <summary>Read, control and write all succeeded.</summary>
    Ok = 0,

    /// <summary>The read failed; the controller ran on the last good state (within the tolerance).</summary>
    StaleState = 1,

    /// <summary>The safe command was written: reads failed past the tolerance, or the controller failed.</summary>
    SafeCommand = 2,

    /// <summary>The hardware refused or failed the write (e.g. not active).</summary>
    WriteFault = 3,
}
