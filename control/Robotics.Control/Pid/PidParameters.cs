namespace Robotics.Control.Pid;

/// <summary>Options of a <see cref="PidController"/>; names in brackets are the parameter names.</summary>
/// <remarks>See <see cref="PidController"/> for the equations that use these values.</remarks>
public sealed record PidParameters
{
    /// <summary>Proportional gain (<c>kp</c>), command units per measurement unit. Default 1.</summary>
    public double Kp { get; init; } = 1.0;

    /// <summary>Integral gain (<c>ki</c>), command units per (measurement unit x s). Default 0.</summary>
    public double Ki { get; init; }

    /// <summary>Derivative gain (<c>kd</c>), command units per (measurement unit / s). Default 0.</summary>
    public double Kd { get; init; }

    /// <summary>Time constant of the first-order low-pass on the derivative term (<c>derivative_filter_time_s</c>), s; 0 = unfiltered. Default 0.01 s.</summary>
    public double DerivativeFilterTimeS { get; init; } = 0.01;

    /// <summary>Lower command limit (<c>output_min</c>). Default -infinity (unlimited).</summary>
    public double OutputMin { get; init; } = double.NegativeInfinity;

    /// <summary>Upper command limit (<c>output_max</c>). Default +infinity (unlimited).</summary>
    public double OutputMax { get; init; } = double.PositiveInfinity;

    /// <summary>
    /// Back-calculation tracking time constant T_t (<c>anti_windup_tracking_time_s</c>), s. 0 (default) chooses
    /// automatically (see <see cref="PidController.EffectiveTrackingTimeS"/>); +infinity disables anti-windup.
    /// </summary>
    public double AntiWindupTrackingTimeS { get; init; }

    /// <summary>Constant feed-forward added to the command (<c>output_offset</c>), command units. Default 0.</summary>
    public double OutputOffset { get; init; }

    /// <summary>Index of the measured value in the state vector (<c>measurement_index</c>). Default 0.</summary>
    public int MeasurementIndex { get; init; }

    /// <summary>Index of the set-point in the reference vector (<c>reference_index</c>). Default 0.</summary>
    public int ReferenceIndex { get; init; }

    /// <summary>Checks every value; throws with a message naming the parameter, the value and the allowed range.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the limits are inconsistent.</exception>
    public void Validate()
    {
        Finite(Kp, "kp");
        Finite(Ki, "ki");
        Finite(Kd, "kd");
        Finite(OutputOffset, "output_offset");
        if (!double.IsFinite(DerivativeFilterTimeS) || DerivativeFilterTimeS < 0)
        {
            throw new ArgumentException($"Parameter 'derivative_filter_time_s' = {DerivativeFilterTimeS} s is outside [0, +inf) s; use 0 for no filter or a positive time constant.");
        }

        if (double.IsNaN(AntiWindupTrackingTimeS) || AntiWindupTrackingTimeS < 0)
        {
            throw new ArgumentException($"Parameter 'anti_windup_tracking_time_s' = {AntiWindupTrackingTimeS} s is outside [0, +inf] s; use 0 for the automatic choice, +inf to disable anti-windup.");
        }

        if (double.IsNaN(OutputMin) || double.IsNaN(OutputMax) || OutputMin > OutputMax || double.IsPositiveInfinity(OutputMin) || double.IsNegativeInfinity(OutputMax))
        {
            throw new ArgumentException($"Parameters 'output_min' = {OutputMin} and 'output_max' = {OutputMax} are inconsistent; output_min must be <= output_max (use -inf/+inf for no limit).");
        }

        if (MeasurementIndex < 0)
        {
            throw new ArgumentException($"Parameter 'measurement_index' = {MeasurementIndex} is negative; give the 0-based index of the measured state entry.");
        }

        if (ReferenceIndex < 0)
        {
            throw new ArgumentException($"Parameter 'reference_index' = {ReferenceIndex} is negative; give the 0-based index of the set-point in the reference.");
        }
    }

    private static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is not a finite number; give a finite value.");
        }
    }
}
