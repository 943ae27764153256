namespace Robotics.Control.Tuning;

/// <summary>What happened to one proposed value.</summary>
public enum TuningItemOutcome
{
    /// <summary>Applied as proposed.</summary>
    Accepted,

    /// <summary>Applied after clamping to the parameter's range or the rate limit.</summary>
    Clamped,

    /// <summary>Refused; the whole proposal is then refused.</summary>
    Rejected,
}
