namespace Robotics.Ros.Transport;

/// <summary>
/// FIFO of serialized samples with KEEP_LAST (oldest overwritten) or KEEP_ALL (grows) history. Slots and their byte
/// buffers are reused, so a steady stream of samples of bounded size allocates nothing. Not thread-safe (the
/// domain lock guards it).
/// </summary>
internal sealed class InProcessSampleQueue
{
    private readonly bool _keepAll;
    private readonly int _depth;
    private Slot[] _slots;
    private int _head;

    public InProcessSampleQueue(QosProfile qos)
    {
        _keepAll = qos.EffectiveHistory == HistoryPolicy.KeepAll;
        _depth = _keepAll ? int.MaxValue : qos.EffectiveDepth;
        _slots = new Slot[_keepAll ? 16 : Math.Min(_depth, 64)];
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot();
        }
    }

    public int Count { get; private set; }

    /// <summary>Appends a copy of <paramref name="data"/>; with KEEP_LAST the oldest sample goes when full. Returns true if one was dropped.</summary>
    public bool Enqueue(ReadOnlySpan<byte> data, SampleInfo info, bool needsCheck)
    {
        bool dropped = false;
        if (Count == _depth)
        {
            _head = (_head + 1) % _slots.Length;
            Count--;
            dropped = true;
        }
        else if (Count == _slots.Length)
        {
            Grow();
        }

        Slot s = _slots[(_head + Count) % _slots.Length];
        if (s.Data.Length < data.Length)
        {
            s.Data = new byte[Math.Max(data.Length, Math.Min(2 * s.Data.Length, 1 << 20))];
        }

        data.CopyTo(s.Data);
        s.Length = data.Length;
        s.Info = info;
        s.NeedsCheck = needsCheck;
        Count++;
        return dropped;
    }

    /// <summary>The oldest sample (valid until the next Enqueue/Dequeue).</summary>
    public Slot Peek() => _slots[_head];

    /// <summary>Removes the oldest sample.</summary>
    public void Dequeue()
    {
        _head = (_head + 1) % _slots.Length;
        Count--;
    }

    /// <summary>The i-th oldest sample.</summary>
    public Slot this[int index] => _slots[(_head + index) % _slots.Length];

    private void Grow()
    {
        int capacity = _keepAll ? _slots.Length * 2 : Math.Min(_depth, _slots.Length * 2);
        var bigger = new Slot[capacity];
        for (int i = 0; i < Count; i++)
        {
            bigger[i] = _slots[(_head + i) % _slots.Length];
        }

        for (int i = Count; i < capacity; i++)
        {
            bigger[i] = new Slot();
        }

        _slots = bigger;
        _head = 0;
    }

    /// <summary>One stored sample.</summary>
    internal sealed class Slot
    {
        public byte[] Data = [];
        public int Length;
        public SampleInfo Info;
        public bool NeedsCheck;
    }
}
