namespace Robotics.Drivers.Tests.Serial;

/// <summary>Collects bytes from a receive callback (any thread) for assertions.</summary>
internal sealed class ByteSink
{
    private readonly List<byte> _bytes = [];
    private int _lost;

    public void OnBytes(ReadOnlySpan<byte> bytes)
    {
        lock (_bytes) _bytes.AddRange(bytes);
    }

    public void OnLost(Exception reason)
    {
        Interlocked.Increment(ref _lost);
        LostReason = reason;
    }

    public Exception? LostReason { get; private set; }

    public int LostCount => Volatile.Read(ref _lost);

    public int Count
    {
        get
        {
            lock (_bytes) return _bytes.Count;
        }
    }

    public byte[] ToArray()
    {
        lock (_bytes) return _bytes.ToArray();
    }
}
