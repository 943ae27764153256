namespace Robotics.Drivers.Emulation;

/// <summary>Which rig the host firmware emulates (the first argument of <c>rig_emu</c>).</summary>
public enum EmulatedRig
{
    /// <summary>Tendon-driven continuum rig with LightLace optical sensors: 2 motor angles in [-1.75, 0.83] rad,
    /// 3 outputs (tip x, y, z in m), 11 channels. Rig type 1 in HELLO_RSP.</summary>
    Tendon = 1,

    /// <summary>HASEL tilting platform with magnetic sensors: 6 drive levels in [-0.5, 0.5] (safe -0.5 = 0 V),
    /// 3 outputs (roll rad, pitch rad, heave m), 18 channels. Rig type 2 in HELLO_RSP.</summary>
    Hasel = 2,
}
