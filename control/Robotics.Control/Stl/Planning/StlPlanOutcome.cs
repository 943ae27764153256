namespace Robotics.Control.Stl.Planning;

/// <summary>How <see cref="StlPlanner"/> chose the last command.</summary>
public enum StlPlanOutcome : byte
{
    /// <summary>The optimised plan's predicted hard robustness is non-negative.</summary>
    Satisfied = 0,

    /// <summary>The plan was negative; the backup grid found a non-negative sequence.</summary>
    Backup = 1,

    /// <summary>Nothing satisfied; the most robust sequence found was applied.</summary>
    BestEffort = 2,

    /// <summary>Nothing satisfied; the task's safe control was applied.</summary>
    SafeFallback = 3,

    /// <summary>The plan failed (non-finite state or sampler failure); the safe control was applied.</summary>
    Failed = 4,
}
