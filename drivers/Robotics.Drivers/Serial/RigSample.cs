namespace Robotics.Drivers.Serial;

/// <summary>
/// One SAMPLE frame, decoded into preallocated arrays (a reusable buffer: the session copies the latest
/// sample into the caller's instance without allocating).
/// </summary>
/// <remarks>
/// Body layout: sample_seq u32, mcu_us u64, last_cmd_seq u32, cmd_applied_us u64, status u8 (25 bytes),
/// then channels f32[n_channels], outputs f32[n_outputs] (ground truth in emulation), actuators f32[n_inputs].
/// </remarks>
public sealed class RigSample
{
    /// <summary>Fixed part of the body before the float arrays.</summary>
    public const int FixedSize = 25;

    private readonly float[] _channels;
    private readonly float[] _outputs;
    private readonly float[] _actuators;

    /// <summary>Creates a buffer for a rig with the given counts.</summary>
    public RigSample(int channelCount, int outputCount, int inputCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channelCount);
        ArgumentOutOfRangeException.ThrowIfNegative(outputCount);
        ArgumentOutOfRangeException.ThrowIfNegative(inputCount);
        _channels = new float[channelCount];
        _outputs = new float[outputCount];
        _actuators = new float[inputCount];
    }

    /// <summary>Firmware sample counter (u32, +1 per sample; gaps mean lost samples).</summary>
    public uint SampleSequence { get; set; }

    /// <summary>Firmware clock when the sample was taken, microseconds.</summary>
    public ulong McuMicroseconds { get; set; }

    /// <summary>cmd_seq of the last command the firmware applied (0: none yet).</summary>
    public uint LastCommandSequence { get; set; }

    /// <summary>Firmware clock when that command was applied, microseconds.</summary>
    public ulong CommandAppliedMicroseconds { get; set; }

    /// <summary>Firmware status bits.</summary>
    public RigSampleStatus Status { get; set; }

    /// <summary>Host monotonic timestamp (<see cref="System.Diagnostics.Stopwatch"/> ticks) when the frame was decoded.</summary>
    public long HostReceivedTimestamp { get; set; }

    /// <summary>Sensor channels (e.g. LightLace intensities).</summary>
    public Span<float> Channels => _channels;

    /// <summary>Rig outputs (tip position, platform tilt; ground truth in emulation).</summary>
    public Span<float> Outputs => _outputs;

    /// <summary>Actuator state as applied by the firmware.</summary>
    public Span<float> Actuators => _actuators;

    /// <summary>The body size this buffer decodes.</summary>
    public int BodySize => FixedSize + 4 * (_channels.Length + _outputs.Length + _actuators.Length);

    /// <summary>Copies every field into <paramref name="destination"/> (same counts).</summary>
    public void CopyTo(RigSample destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.SampleSequence = SampleSequence;
        destination.McuMicroseconds = McuMicroseconds;
        destination.LastCommandSequence = LastCommandSequence;
        destination.CommandAppliedMicroseconds = CommandAppliedMicroseconds;
        destination.Status = Status;
        destination.HostReceivedTimestamp = HostReceivedTimestamp;
        _channels.AsSpan().CopyTo(destination._channels);
        _outputs.AsSpan().CopyTo(destination._outputs);
        _actuators.AsSpan().CopyTo(destination._actuators);
    }
}
