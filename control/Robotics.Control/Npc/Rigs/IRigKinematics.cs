namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// The nominal kinematics of a soft-actuator rig (hil-rigs/README.md): outputs y (n values) against actuator
/// coordinates q (m values, one per command: tendon bending angle, HASEL stroke), and the static map between a
/// command u and the coordinate it settles at. Used by the rig PID (inverse kinematics) and the analytic NARX
/// predictor of the Newton NPC. No method allocates.
/// </summary>
public interface IRigKinematics
{
    /// <summary>Number of rig outputs n.</summary>
    int OutputCount { get; }

    /// <summary>Number of actuators m (= command size).</summary>
    int ActuatorCount { get; }

    /// <summary>Lower command limit per actuator (the firmware clamps).</summary>
    ReadOnlySpan<double> CommandMin { get; }

    /// <summary>Upper command limit per actuator.</summary>
    ReadOnlySpan<double> CommandMax { get; }

    /// <summary>The safe command per actuator.</summary>
    ReadOnlySpan<double> SafeCommand { get; }

    /// <summary>Effective first-order time constant from command to coordinate, seconds.</summary>
    double TimeConstantSeconds { get; }

    /// <summary>Backlash (play) between command and coordinate, in coordinate units (0 if none).</summary>
    double Backlash { get; }

    /// <summary>Outputs of the coordinates q.</summary>
    void Forward(ReadOnlySpan<double> q, Span<double> outputs);

    /// <summary>Coordinates that produce <paramref name="outputs"/> (a least-squares/nominal inverse where the map is not square).</summary>
    void Inverse(ReadOnlySpan<double> outputs, Span<double> q);

    /// <summary>Replaces outputs by the nearest reachable ones (tendon: z from x and y); identity where every output is free.</summary>
    void Project(Span<double> outputs);

    /// <summary>The command whose steady state is coordinate <paramref name="q"/> of actuator <paramref name="i"/> (not clipped).</summary>
    double CommandFor(int i, double q);

    /// <summary>The steady-state coordinate of command <paramref name="u"/> on actuator <paramref name="i"/>.</summary>
    double CoordinateFor(int i, double u);

    /// <summary>The path error between outputs <paramref name="y"/> and reference <paramref name="r"/>, metres.</summary>
    double PathError(ReadOnlySpan<double> y, ReadOnlySpan<double> r);
}
