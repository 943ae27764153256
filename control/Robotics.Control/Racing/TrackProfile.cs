namespace Robotics.Control.Racing;

/// <summary>
/// A closed racing track described by its centreline curvature as a function of arc length (piecewise constant
/// segments) and a constant half width. This is all a Frenet-frame controller needs: the plant and the controller
/// both read <see cref="Curvature"/>; Cartesian geometry is reconstructed in the simulator.
/// </summary>
/// <remarks>
/// Arc length s wraps modulo <see cref="LengthM"/> (the track is closed); positive curvature turns left
/// (counter-clockwise), and the lateral offset n is positive to the left of the centreline.
/// </remarks>
public sealed class TrackProfile
{
    private readonly double[] _segmentEnds;
    private readonly double[] _segmentCurvatures;

    /// <summary>Creates a track from (length m, curvature 1/m) segments and a half width.</summary>
    /// <param name="segments">Segments in driving order; each length must be &gt; 0 and each |curvature| &lt; 1/half width.</param>
    /// <param name="halfWidthM">Distance from the centreline to either wall, m (&gt; 0).</param>
    public TrackProfile(IReadOnlyList<(double LengthM, double CurvaturePerM)> segments, double halfWidthM)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0) throw new ArgumentException("A track needs at least one segment (length_m, curvature_per_m).", nameof(segments));
        if (!(halfWidthM > 0) || !double.IsFinite(halfWidthM))
        {
            throw new ArgumentException($"half_width_m = {halfWidthM} must be a finite length > 0 m.", nameof(halfWidthM));
        }

        _segmentEnds = new double[segments.Count];
        _segmentCurvatures = new double[segments.Count];
        double s = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            var (length, curvature) = segments[i];
            if (!(length > 0) || !double.IsFinite(length))
            {
                throw new ArgumentException($"segment {i}: length_m = {length} must be a finite length > 0 m.", nameof(segments));
            }

            if (!double.IsFinite(curvature) || Math.Abs(curvature) * halfWidthM >= 1)
            {
                throw new ArgumentException($"segment {i}: curvature {curvature} 1/m must be finite with |curvature| < 1/half_width = {1 / halfWidthM}.", nameof(segments));
            }

            s += length;
            _segmentEnds[i] = s;
            _segmentCurvatures[i] = curvature;
        }

        LengthM = s;
        HalfWidthM = halfWidthM;
    }

    /// <summary>The default track: a stadium of two 15 m straights and two left half circles of radius 3 m, 1 m half width.</summary>
    public static TrackProfile Default { get; } = new(
        [(15.0, 0.0), (Math.PI * 3.0, 1.0 / 3.0), (15.0, 0.0), (Math.PI * 3.0, 1.0 / 3.0)], 1.0);

    /// <summary>Total centreline length, m.</summary>
    public double LengthM { get; }

    /// <summary>Half width of the drivable corridor, m.</summary>
    public double HalfWidthM { get; }

    /// <summary>Number of segments.</summary>
    public int SegmentCount => _segmentEnds.Length;

    /// <summary>Wraps an arc length into [0, <see cref="LengthM"/>).</summary>
    public double Wrap(double s)
    {
        double w = s % LengthM;
        return w < 0 ? w + LengthM : w;
    }

    /// <summary>Centreline curvature at arc length <paramref name="s"/> (wrapped), 1/m. Allocation-free.</summary>
    public double Curvature(double s)
    {
        if (!double.IsFinite(s)) return 0;
        double w = Wrap(s);
        var ends = _segmentEnds;
        for (int i = 0; i < ends.Length; i++)
        {
            if (w < ends[i]) return _segmentCurvatures[i];
        }

        return _segmentCurvatures[^1];
    }

    /// <summary>Largest |curvature| within <paramref name="aheadM"/> metres after <paramref name="s"/> (sampled every 0.25 m).</summary>
    public double MaxCurvatureAhead(double s, double aheadM)
    {
        double max = Math.Abs(Curvature(s));
        for (double d = 0.25; d <= aheadM; d += 0.25) max = Math.Max(max, Math.Abs(Curvature(s + d)));
        return max;
    }
}
