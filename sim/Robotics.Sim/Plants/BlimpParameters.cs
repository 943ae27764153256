namespace Robotics.Sim.Plants;

/// <summary>
/// Parameters of <see cref="Blimp"/> in SI units. The defaults are <em>representative</em> values for a ~1 m indoor
/// blimp, not identified from a specific vehicle: they are derived from a 0.9 m (36-inch) spherical helium envelope,
/// the size used by Georgia Tech's GT-MAB class of miniature autonomous blimps and by hobby blimps (a 3 ft latex
/// balloon lifts about 180-330 g), with two small coreless motors (8520 class, as on TU Delft's blimp_snn platform).
/// </summary>
/// <remarks>
/// Derivation of the defaults (air density rho = 1.2 kg/m^3, sphere diameter d = 0.9 m, volume V = pi d^3 / 6 = 0.382 m^3):
/// mass = rho V = 0.46 kg (a neutrally buoyant vehicle's total mass equals the displaced air, gas included);
/// added mass of a sphere = rho V / 2 = 0.23 kg; quadratic drag = rho C_d A / 2 with C_d = 0.47 (sphere, subcritical)
/// and A = pi d^2 / 4 = 0.636 m^2, giving 0.18 N s^2/m^2; linear drag 0.01 N s/m is a lumped low-speed damping term
/// (real identification would fit it); net weight 0.03 N (about 3 g heavier than neutral, a typical trim after helium
/// loss); thrust -0.1 .. 0.2 N (reversed propellers are less efficient) with a 0.01 N deadband from motor stiction.
/// </remarks>
public sealed record BlimpParameters
{
    /// <summary>Total inertial mass m in kg (envelope, gondola and lifting gas) (<c>mass_kg</c>, default 0.46).</summary>
    public double MassKg { get; init; } = 0.46;

    /// <summary>Added (virtual) mass for vertical motion in kg (<c>added_mass_kg</c>, default 0.23).</summary>
    public double AddedMassKg { get; init; } = 0.23;

    /// <summary>Net weight W_net = weight - buoyancy in N; positive means heavier than air (<c>net_weight_n</c>, default 0.03).</summary>
    public double NetWeightN { get; init; } = 0.03;

    /// <summary>Linear drag coefficient c_lin in N s/m (<c>linear_drag_n_s_m</c>, default 0.01).</summary>
    public double LinearDragNSPerM { get; init; } = 0.01;

    /// <summary>Quadratic drag coefficient c_quad in N s^2/m^2 (<c>quadratic_drag_n_s2_m2</c>, default 0.18).</summary>
    public double QuadraticDragNS2PerM2 { get; init; } = 0.18;

    /// <summary>Motor deadband in N: commanded |T| below it produces no thrust (<c>thrust_deadband_n</c>, default 0.01).</summary>
    public double ThrustDeadbandN { get; init; } = 0.01;

    /// <summary>Most negative (downward) thrust in N (<c>thrust_min_n</c>, default -0.1).</summary>
    public double ThrustMinN { get; init; } = -0.1;

    /// <summary>Largest upward thrust in N (<c>thrust_max_n</c>, default 0.2).</summary>
    public double ThrustMaxN { get; init; } = 0.2;

    /// <summary>True when the floor at altitude 0 stops the blimp (<c>ground_contact</c>, default true).</summary>
    public bool GroundContact { get; init; } = true;
}
