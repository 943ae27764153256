using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// A figure-eight reference for the control loop: one block of n outputs per lead time, block j = path(t + lead_j).
/// The rig PID takes leads [0, tau] (the target now and a feed-forward target one lag ahead), the Newton NPC
/// one block [lead] (its one-step prediction target).
/// </summary>
public sealed class FigureEightReference : IReferenceSource
{
    private readonly RigFigureEight _path;
    private readonly double[] _leads;

    /// <summary>Creates the reference.</summary>
    /// <exception cref="ArgumentException">No lead, or a lead is negative or not finite.</exception>
    public FigureEightReference(RigFigureEight path, params double[] leadSeconds)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(leadSeconds);
        if (leadSeconds.Length == 0) throw new ArgumentException("Figure-eight reference: give at least one lead time (0 = the target now).", nameof(leadSeconds));
        foreach (double lead in leadSeconds)
        {
            if (!(lead >= 0) || !double.IsFinite(lead))
                throw new ArgumentException($"Figure-eight reference: lead = {lead} s must be finite and >= 0.", nameof(leadSeconds));
        }

        _path = path;
        _leads = (double[])leadSeconds.Clone();
    }

    /// <inheritdoc />
    public int Size => _path.Size * _leads.Length;

    /// <inheritdoc />
    public void Evaluate(SimTime time, Span<double> reference)
    {
        int n = _path.Size;
        for (int j = 0; j < _leads.Length; j++) _path.Evaluate(time.Seconds + _leads[j], reference.Slice(j * n, n));
    }
}
