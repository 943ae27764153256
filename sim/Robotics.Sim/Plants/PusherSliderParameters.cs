namespace Robotics.Sim.Plants;

/// <summary>
/// Parameters of <see cref="PusherSlider"/> in SI units. Defaults: a 10 cm square box pushed by a 5 mm point-like
/// pusher with pusher-box friction 0.3 (the planar-pushing scale of the BaB-ND box_pushing task, box_size 50,
/// pusher_size 5, in metres instead of pixels).
/// </summary>
public sealed record PusherSliderParameters
{
    /// <summary>Side length of the square box in m (<c>box_side_m</c>, default 0.1).</summary>
    public double BoxSideM { get; init; } = 0.1;

    /// <summary>Pusher radius in m (<c>pusher_radius_m</c>, default 0.005); contact happens at this distance from a face.</summary>
    public double PusherRadiusM { get; init; } = 0.005;

    /// <summary>Pusher-box Coulomb friction coefficient (<c>pusher_friction</c>, default 0.3).</summary>
    public double PusherFriction { get; init; } = 0.3;

    /// <summary>Longest internal integration sub-step in s (<c>max_substep_s</c>, default 0.005).</summary>
    public double MaxSubstepS { get; init; } = 0.005;
}
