namespace Robotics.Sim.Risk;

/// <summary>Obstacle layouts of the driving risk scenario.</summary>
public enum DrivingRiskLayout
{
    /// <summary>Three static obstacles near the straight line to the goal and one disc crossing the road.</summary>
    Mixed,

    /// <summary>
    /// A wall across the road (x in [4, 4.4] m) with one 0.7 m gap (the only way to the goal), then the crossing disc: a fixed inflation of
    /// 0.3 m closes the gap, plain MPPI passes it close to the edges.
    /// </summary>
    NarrowGap,
}
