using Robotics.Control.Tuning;
using Robotics.Core.Parameters;

namespace Robotics.Control.Racing;

/// <summary>
/// The language-model tuning set-up of the racing MPC: whitelist with per-proposal rate limits, the controller
/// description for the prompt and the default tuning hints (the paper's RAG memory).
/// </summary>
public static class RacingTuning
{
    /// <summary>
    /// Whitelist (the paper's table) with the largest change one proposal may make. Speed bounds may cross their whole
    /// range in one proposal (reversing needs it); the weights are limited to about half their range.
    /// </summary>
    public static IReadOnlyList<TunableParameter> Tunable { get; } =
    [
        new("qv", 10), new("qn", 60), new("qalpha", 60), new("qac", 0.6), new("qddelta", 60),
        new("alat_max", 8), new("a_min", 10), new("a_max", 10), new("v_min", 7), new("v_max", 11), new("track_safety_margin", 0.5),
    ];

    /// <summary>What the controller is, for the system prompt.</summary>
    public const string ControllerDescription =
        "MPPI model-predictive controller of a 1:10 car on a closed track (kinematic bicycle in Frenet coordinates: s progress, n lateral offset, " +
        "alpha heading to the track). Stage cost: qn n^2 + qalpha alpha^2 + qv (v - v_target)^2 + qac a^2 + qddelta steering_rate^2 + track margin penalty " +
        "- progress reward; v_target = clamp(min(v_max, sqrt(alat_max/|curvature|)), v_min, v_max); a in [a_min, a_max]. " +
        "Reply with new_mpc_params = {'name': value, ...} (or a JSON object), then one sentence of rationale.";

    /// <summary>Default tuning hints (retrieved by relevance to the instruction).</summary>
    public static IReadOnlyList<string> DefaultHints { get; } =
    [
        "To stay on or follow the centreline, raise qn (lateral weight) towards 100 and qalpha towards 50.",
        "To drive at a given reference speed, set v_min slightly below and v_max to that speed and raise qv.",
        "To drive slower, lower v_max; to drive faster, raise v_max and alat_max.",
        "To reverse or drive backwards, set v_max negative (e.g. -1) and v_min below it (e.g. -1.5), and raise qv.",
        "For smooth or comfortable driving, raise qac and qddelta, lower alat_max and narrow a_min/a_max.",
        "To keep away from the walls, raise track_safety_margin.",
        "To race aggressively, lower qn and qalpha, raise v_max and alat_max.",
    ];

    /// <summary>The policy over a parameter set holding the current values of <see cref="RacingMpcController.Parameters"/>.</summary>
    public static TuningPolicy Policy(ParameterSet current) => new(current, Tunable);
}
