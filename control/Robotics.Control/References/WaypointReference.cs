using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.References;

/// <summary>
/// Follows a polyline of (x, y) waypoints at constant speed along straight segments.
/// </summary>
/// <remarks>
/// <para><b>Output</b> (size 4): [x_m, y_m, yaw_rad, speed_m_s].</para>
/// <para><b>Equations.</b> Segment i runs from P_i to P_{i+1} with length L_i and heading
/// yaw_i = atan2(y_{i+1} - y_i, x_{i+1} - x_i). The arc length travelled at time t is s = v (t - t0). On the segment
/// with S_i &lt;= s &lt; S_i + L_i (S_i = L_0 + ... + L_{i-1}) the output is
/// P_i + (s - S_i) / L_i (P_{i+1} - P_i), yaw_i, v.</para>
/// <list type="bullet">
/// <item>Before t0: the first waypoint, the first segment's heading, speed 0.</item>
/// <item>After the end (s &gt;= total length, no loop): the last waypoint, the last segment's heading, speed 0.</item>
/// <item>With <c>loop</c> = true a closing segment from the last waypoint back to the first is added and s is
/// taken modulo the closed length, so the reference circulates for ever.</item>
/// </list>
/// <para><b>Parameters.</b> <c>waypoints_m</c> (flattened pairs [x0, y0, x1, y1, ...], at least two points,
/// consecutive points distinct; default a 10 m square), <c>speed_m_s</c> (default 1 m/s, &gt; 0),
/// <c>loop</c> (default false), <c>start_time_s</c> (default 0 s).</para>
/// </remarks>
public sealed class WaypointReference : IReferenceSource
{
    private readonly double[] _x, _y;          // segment start points, one per segment, plus the final point
    private readonly double[] _cumulative;     // S_i, one per segment, plus the total length
    private readonly double[] _yaw;            // one per segment
    private readonly int _segments;

    /// <summary>The declared parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.DoubleArray("waypoints_m", [0.0, 0.0, 10.0, 0.0, 10.0, 10.0, 0.0, 10.0], "m",
            "Waypoints as flattened (x, y) pairs [x0, y0, x1, y1, ...]; at least two points, consecutive points distinct."),
        ParameterDescriptor.Double("speed_m_s", 1.0, "m/s", "Constant speed along the path.", minimum: 1e-6),
        ParameterDescriptor.Bool("loop", false, "Close the path back to the first waypoint and repeat it for ever."),
        ParameterDescriptor.Double("start_time_s", 0.0, "s", "Time at which the reference starts moving.", minimum: 0.0),
    ];

    /// <summary>Creates the reference.</summary>
    /// <param name="waypoints">At least two (x, y) points in metres; consecutive points (and, with a loop, last and first) must differ.</param>
    /// <param name="speedMps">Speed along the path, m/s (&gt; 0).</param>
    /// <param name="loop">Close and repeat the path.</param>
    /// <param name="startTimeS">Start time, s (&gt;= 0).</param>
    /// <exception cref="ArgumentException">Too few points, a non-finite or repeated point, or an invalid speed or time.</exception>
    public WaypointReference(IReadOnlyList<(double X, double Y)> waypoints, double speedMps, bool loop = false, double startTimeS = 0.0)
    {
        ArgumentNullException.ThrowIfNull(waypoints);
        if (waypoints.Count < 2)
        {
            throw new ArgumentException($"Parameter 'waypoints_m' has {waypoints.Count} point(s); give at least two (x, y) points.", nameof(waypoints));
        }

        ReferenceChecks.Positive(speedMps, "speed_m_s");
        ReferenceChecks.NonNegative(startTimeS, "start_time_s");
        int points = waypoints.Count + (loop ? 1 : 0);
        _segments = points - 1;
        _x = new double[points];
        _y = new double[points];
        for (int i = 0; i < points; i++)
        {
            var (x, y) = waypoints[i % waypoints.Count];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                throw new ArgumentException($"Parameter 'waypoints_m': point {i} = ({x}, {y}) is not finite.", nameof(waypoints));
            }

            _x[i] = x;
            _y[i] = y;
        }

        _cumulative = new double[_segments + 1];
        _yaw = new double[_segments];
        for (int i = 0; i < _segments; i++)
        {
            double dx = _x[i + 1] - _x[i], dy = _y[i + 1] - _y[i];
            double length = Math.Sqrt(dx * dx + dy * dy);
            if (!(length > 0.0))
            {
                throw new ArgumentException(
                    $"Parameter 'waypoints_m': points {i} and {(i + 1) % waypoints.Count} coincide at ({_x[i]}, {_y[i]}); remove the duplicate.", nameof(waypoints));
            }

            _cumulative[i + 1] = _cumulative[i] + length;
            _yaw[i] = Math.Atan2(dy, dx);
        }

        SpeedMps = speedMps;
        Loop = loop;
        StartTimeS = startTimeS;
    }

    /// <summary>Speed along the path, m/s.</summary>
    public double SpeedMps { get; }

    /// <summary>True when the path is closed and repeated.</summary>
    public bool Loop { get; }

    /// <summary>Start time, s.</summary>
    public double StartTimeS { get; }

    /// <summary>Length of the path (including the closing segment when looping), m.</summary>
    public double TotalLengthM => _cumulative[_segments];

    /// <inheritdoc />
    public int Size => 4;

    /// <summary>Builds the reference from parameters.</summary>
    /// <exception cref="ArgumentException">A value is invalid (e.g. an odd number of coordinates).</exception>
    public static WaypointReference FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var flat = parameters.GetDoubleArray("waypoints_m");
        if (flat.Length % 2 != 0)
        {
            throw new ArgumentException($"Parameter 'waypoints_m' has {flat.Length} numbers; give (x, y) pairs, an even count.", nameof(parameters));
        }

        var points = new (double X, double Y)[flat.Length / 2];
        for (int i = 0; i < points.Length; i++) points[i] = (flat[2 * i], flat[2 * i + 1]);
        return new WaypointReference(points, parameters.GetDouble("speed_m_s"), parameters.GetBool("loop"), parameters.GetDouble("start_time_s"));
    }

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference)
    {
        double elapsed = time.Seconds - StartTimeS;
        if (elapsed <= 0.0)
        {
            Write(reference, _x[0], _y[0], _yaw[0], 0.0);
            return;
        }

        double total = _cumulative[_segments];
        double s = SpeedMps * elapsed;
        if (Loop)
        {
            s %= total;
        }
        else if (s >= total)
        {
            Write(reference, _x[_segments], _y[_segments], _yaw[_segments - 1], 0.0);
            return;
        }

        // Binary search for the segment i with S_i <= s < S_{i+1}.
        int lo = 0, hi = _segments - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (_cumulative[mid] <= s) lo = mid;
            else hi = mid - 1;
        }

        double fraction = (s - _cumulative[lo]) / (_cumulative[lo + 1] - _cumulative[lo]);
        Write(reference,
            _x[lo] + fraction * (_x[lo + 1] - _x[lo]),
            _y[lo] + fraction * (_y[lo + 1] - _y[lo]),
            _yaw[lo], SpeedMps);
    }

    private static void Write(Span<double> reference, double x, double y, double yaw, double speed)
    {
        reference[0] = x;
        reference[1] = y;
        reference[2] = yaw;
        reference[3] = speed;
    }
}
