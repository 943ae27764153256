namespace Robotics.Sim.Hybrid.Hopper;

/// <summary>Modes of <see cref="SlipHopper"/> (the values are the mode indices of the hybrid system).</summary>
public enum HopperMode
{
    /// <summary>Ballistic flight, rising (vertical velocity &gt; 0); ends at the apex (vy = 0).</summary>
    FlightAscending = 0,

    /// <summary>Ballistic flight, falling; ends at touchdown (foot height l0 cos(theta) reached).</summary>
    FlightDescending = 1,

    /// <summary>Stance, leg shortening (r' &lt; 0); the thrust input acts here. Ends at maximum compression (r' = 0).</summary>
    Compression = 2,

    /// <summary>Stance, leg lengthening; ends at lift-off (r = l0).</summary>
    Decompression = 3,

    /// <summary>The body reached the ground (y &lt;= 0): absorbing.</summary>
    Fallen = 4,
}
