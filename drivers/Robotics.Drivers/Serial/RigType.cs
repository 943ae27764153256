namespace Robotics.Drivers.Serial;

/// <summary>HELLO_RSP.rig_type: which rig answered.</summary>
public enum RigType : byte
{
    /// <summary>Not known (no handshake yet).</summary>
    Unknown = 0,

    /// <summary>Tendon-driven continuum rig: 2 motor angles (rad) -> 3 tip coordinates (m), 11 LightLace channels (ESP32).</summary>
    Tendon = 1,

    /// <summary>HASEL tilting platform: 6 normalised drive voltages -> 3 platform outputs, 18 magnetic channels (Teensy 3.6).</summary>
    Hasel = 2,
}
