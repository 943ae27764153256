using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Sim.Scenarios;

/// <summary>Copies the true plant state into <paramref name="destination"/>.</summary>
internal delegate void TrueStateReader(Span<double> destination);

/// <summary>
/// The runner's loop observer: hashes the canonical tick trace, accumulates metrics from the true state and
/// optionally writes the CSV trace. Everything is preallocated; a tick allocates nothing (the CSV path
/// formats into a stack buffer).
/// </summary>
internal sealed class ScenarioRecorder : IControlLoopObserver, IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _pending; // records not yet hashed: one native hash call per block, not per tick
    private readonly int _recordSize;
    private int _pendingLength;
    private readonly TrueStateReader _readTrueState;
    private readonly double[] _trueState;
    private readonly TrackingPair[] _tracking;
    private readonly StateBound[] _bounds;
    private readonly long[] _violations;
    private readonly double[] _firstViolation, _observedMin, _observedMax;
    private readonly long _finalWindowStartNs;
    private readonly double _dt;
    private readonly TextWriter? _csv;
    private long _ticks, _finalCount;
    private double _sumSquares, _maxAbs, _finalSum, _effort;

    public ScenarioRecorder(int stateSize, int referenceSize, int commandSize, TrueStateReader readTrueState,
        IReadOnlyList<TrackingPair> tracking, IReadOnlyList<StateBound> bounds, SimTime period, SimTime finalWindowStart, TextWriter? csv)
    {
        _recordSize = TraceRecordSize(stateSize, referenceSize, commandSize);
        _pending = new byte[Math.Max(8192, _recordSize)];
        _readTrueState = readTrueState;
        _trueState = new double[stateSize];
        _tracking = tracking.ToArray();
        _bounds = bounds.ToArray();
        _violations = new long[_bounds.Length];
        _firstViolation = new double[_bounds.Length];
        _observedMin = new double[_bounds.Length];
        _observedMax = new double[_bounds.Length];
        Array.Fill(_firstViolation, double.NaN);
        Array.Fill(_observedMin, double.PositiveInfinity);
        Array.Fill(_observedMax, double.NegativeInfinity);
        _finalWindowStartNs = finalWindowStart.Nanoseconds;
        _dt = period.Seconds;
        _csv = csv;
    }

    /// <summary>Bytes per tick in the canonical trace: 8 (time) + 8 per state, reference and command value + 1 (status).</summary>
    public static int TraceRecordSize(int stateSize, int referenceSize, int commandSize) =>
        8 + 8 * (stateSize + referenceSize + commandSize) + 1;

    /// <summary>Writes one tick's canonical record into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int WriteTraceRecord(Span<byte> destination, SimTime now, ReadOnlySpan<double> state,
        ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
    {
        int offset = 0;
        BinaryPrimitives.WriteInt64LittleEndian(destination[offset..], now.Nanoseconds);
        offset += 8;
        offset = WriteDoubles(destination, offset, state);
        offset = WriteDoubles(destination, offset, reference);
        offset = WriteDoubles(destination, offset, command);
        destination[offset++] = (byte)status;
        return offset;
    }

    private static int WriteDoubles(Span<byte> destination, int offset, ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(destination[offset..], v);
            offset += 8;
        }

        return offset;
    }

    public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference,
        ReadOnlySpan<double> command, TickStatus status)
    {
        // SHA-256 is a stream hash: hashing the records in blocks gives the same digest as hashing them one by one.
        if (_pendingLength + _recordSize > _pending.Length) FlushPending();
        _pendingLength += WriteTraceRecord(_pending.AsSpan(_pendingLength), now, state, reference, command, status);

        _readTrueState(_trueState);
        double squares = 0;
        foreach (var pair in _tracking)
        {
            double e = reference[pair.ReferenceIndex] - _trueState[pair.StateIndex];
            squares += e * e;
        }

        double magnitude = Math.Sqrt(squares);
        _sumSquares += squares;
        if (!(magnitude <= _maxAbs)) _maxAbs = magnitude; // NaN propagates into the maximum
        if (now.Nanoseconds >= _finalWindowStartNs)
        {
            _finalSum += magnitude;
            _finalCount++;
        }

        double u2 = 0;
        foreach (double u in command) u2 += u * u;
        _effort += u2 * _dt;

        for (int b = 0; b < _bounds.Length; b++)
        {
            double x = _trueState[_bounds[b].StateIndex];
            _observedMin[b] = Math.Min(_observedMin[b], x);
            _observedMax[b] = Math.Max(_observedMax[b], x);
            if (!(x >= _bounds[b].Min && x <= _bounds[b].Max))
            {
                if (_violations[b] == 0) _firstViolation[b] = now.Seconds;
                _violations[b]++;
            }
        }

        _ticks++;
        if (_csv is not null) WriteCsvRow(now, state, reference, command, status);
    }

    /// <summary>The CSV header: <c>time_s,&lt;state names&gt;,ref_0..ref_{r-1},&lt;command names&gt;,status</c>.</summary>
    public static string CsvHeader(IReadOnlyList<string> stateNames, int referenceSize, IReadOnlyList<string> commandNames)
    {
        var columns = new List<string> { "time_s" };
        columns.AddRange(stateNames);
        for (int i = 0; i < referenceSize; i++) columns.Add("ref_" + i.ToString(CultureInfo.InvariantCulture));
        columns.AddRange(commandNames);
        columns.Add("status");
        return string.Join(',', columns);
    }

    /// <summary>The lower_snake name of a tick status as written in the CSV and summary.</summary>
    public static string StatusName(TickStatus status) => status switch
    {
        TickStatus.Ok => "ok",
        TickStatus.StaleState => "stale_state",
        TickStatus.SafeCommand => "safe_command",
        TickStatus.WriteFault => "write_fault",
        _ => "unknown",
    };

    private void WriteCsvRow(SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
    {
        var csv = _csv!;
        WriteNumber(csv, now.Seconds);
        foreach (double v in state) { csv.Write(','); WriteNumber(csv, v); }
        foreach (double v in reference) { csv.Write(','); WriteNumber(csv, v); }
        foreach (double v in command) { csv.Write(','); WriteNumber(csv, v); }
        csv.Write(',');
        csv.Write(StatusName(status));
        csv.Write('\n');
    }

    private static void WriteNumber(TextWriter writer, double value)
    {
        Span<char> chars = stackalloc char[32];
        if (value.TryFormat(chars, out int n, "R", CultureInfo.InvariantCulture))
        {
            writer.Write(chars[..n]);
        }
        else
        {
            writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public string TraceSha256()
    {
        FlushPending();
        return Convert.ToHexStringLower(_hash.GetCurrentHash());
    }

    private void FlushPending()
    {
        _hash.AppendData(_pending, 0, _pendingLength);
        _pendingLength = 0;
    }

    public ScenarioMetrics Metrics()
    {
        _readTrueState(_trueState);
        var bounds = new StateBoundResult[_bounds.Length];
        for (int b = 0; b < bounds.Length; b++)
        {
            bounds[b] = new StateBoundResult(_bounds[b], _violations[b], _violations[b] > 0 ? _firstViolation[b] : null, _observedMin[b], _observedMax[b]);
        }

        double rmse = _ticks == 0 ? 0 : Math.Sqrt(_sumSquares / _ticks);
        double final = _finalCount == 0 ? 0 : _finalSum / _finalCount;
        return new ScenarioMetrics(rmse, _maxAbs, final, _effort, bounds, _trueState.ToArray());
    }

    public void Dispose() => _hash.Dispose();
}
