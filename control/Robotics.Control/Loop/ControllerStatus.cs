namespace Robotics.Control.Loop;

/// <summary>What a controller reports about the command it just computed.</summary>
public enum ControllerStatus : byte
{
    /// <summary>The command is valid.</summary>
    Ok = 0,

    /// <summary>The command is valid but was clipped to the controller's output limits.</summary>
    Saturated = 1,

    /// <summary>No valid command could be computed (e.g. a non-finite input); the loop applies the safe command.</summary>
    Failed = 2,
}
