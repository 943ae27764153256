namespace Robotics.Ros.Transport;

/// <summary>
/// ROS 2 quality-of-service settings of one reader or writer, mirroring <c>rmw_qos_profile_t</c>; the static
/// profiles equal those in <c>rmw/qos_profiles.h</c>.
/// </summary>
/// <remarks>
/// Durations (<see cref="Deadline"/>, <see cref="Lifespan"/>, <see cref="LivelinessLeaseDuration"/>) use
/// <see cref="TimeSpan.Zero"/> for "unspecified", which means the DDS default (infinite), as
/// <c>RMW_DURATION_UNSPECIFIED</c> does. Matching (see <see cref="CheckCompatible"/>): a BEST_EFFORT writer does not
/// match a RELIABLE reader, a VOLATILE writer does not match a TRANSIENT_LOCAL reader, a writer's deadline must not be
/// longer than the reader's, and a MANUAL_BY_TOPIC reader needs a MANUAL_BY_TOPIC writer.
/// </remarks>
/// <param name="History">KEEP_LAST or KEEP_ALL.</param>
/// <param name="Depth">Samples kept with KEEP_LAST (ignored with KEEP_ALL).</param>
/// <param name="Reliability">RELIABLE or BEST_EFFORT.</param>
/// <param name="Durability">VOLATILE or TRANSIENT_LOCAL.</param>
public readonly record struct QosProfile(
    HistoryPolicy History,
    int Depth,
    ReliabilityPolicy Reliability,
    DurabilityPolicy Durability)
{
    /// <summary>Maximum period between samples (zero = unspecified = infinite).</summary>
    public TimeSpan Deadline { get; init; }

    /// <summary>How long a sample stays valid (zero = unspecified = infinite).</summary>
    public TimeSpan Lifespan { get; init; }

    /// <summary>Liveliness kind.</summary>
    public LivelinessPolicy Liveliness { get; init; }

    /// <summary>Liveliness lease (zero = unspecified = infinite).</summary>
    public TimeSpan LivelinessLeaseDuration { get; init; }

    /// <summary>When true the topic name is used as the DDS name without the <c>rt/</c> prefix (<c>avoid_ros_namespace_conventions</c>).</summary>
    public bool AvoidRosNamespaceConventions { get; init; }

    /// <summary><c>rmw_qos_profile_default</c>: KEEP_LAST 10, RELIABLE, VOLATILE.</summary>
    public static QosProfile Default => new(HistoryPolicy.KeepLast, 10, ReliabilityPolicy.Reliable, DurabilityPolicy.Volatile);

    /// <summary><c>rmw_qos_profile_sensor_data</c>: KEEP_LAST 5, BEST_EFFORT, VOLATILE.</summary>
    public static QosProfile SensorData => new(HistoryPolicy.KeepLast, 5, ReliabilityPolicy.BestEffort, DurabilityPolicy.Volatile);

    /// <summary><c>rmw_qos_profile_services_default</c>: KEEP_LAST 10, RELIABLE, VOLATILE.</summary>
    public static QosProfile Services => new(HistoryPolicy.KeepLast, 10, ReliabilityPolicy.Reliable, DurabilityPolicy.Volatile);

    /// <summary><c>rmw_qos_profile_parameters</c>: KEEP_LAST 1000, RELIABLE, VOLATILE.</summary>
    public static QosProfile Parameters => new(HistoryPolicy.KeepLast, 1000, ReliabilityPolicy.Reliable, DurabilityPolicy.Volatile);

    /// <summary><c>rmw_qos_profile_parameter_events</c>: KEEP_LAST 1000, RELIABLE, VOLATILE.</summary>
    public static QosProfile ParameterEvents => new(HistoryPolicy.KeepLast, 1000, ReliabilityPolicy.Reliable, DurabilityPolicy.Volatile);

    /// <summary><c>rmw_qos_profile_system_default</c>: every policy SYSTEM_DEFAULT, depth 0.</summary>
    public static QosProfile SystemDefault => new(HistoryPolicy.SystemDefault, 0, ReliabilityPolicy.SystemDefault, DurabilityPolicy.SystemDefault);

    /// <summary>KEEP_LAST <paramref name="depth"/>, RELIABLE, TRANSIENT_LOCAL (latched topics such as <c>/robot_description</c>, <c>/tf_static</c>).</summary>
    public static QosProfile TransientLocal(int depth = 1) => new(HistoryPolicy.KeepLast, depth, ReliabilityPolicy.Reliable, DurabilityPolicy.TransientLocal);

    /// <summary>Default profile with another KEEP_LAST depth (rclcpp's <c>QoS(depth)</c>).</summary>
    public static QosProfile KeepLast(int depth) => Default with { Depth = depth };

    /// <summary>History with SYSTEM_DEFAULT resolved: KEEP_LAST unless KEEP_ALL.</summary>
    public HistoryPolicy EffectiveHistory => History == HistoryPolicy.KeepAll ? HistoryPolicy.KeepAll : HistoryPolicy.KeepLast;

    /// <summary>Depth with SYSTEM_DEFAULT resolved (0 -> 1, as Cyclone DDS); <see cref="int.MaxValue"/> for KEEP_ALL.</summary>
    public int EffectiveDepth => History == HistoryPolicy.KeepAll ? int.MaxValue : Math.Max(1, Depth);

    /// <summary>Reliability with SYSTEM_DEFAULT resolved the way Cyclone DDS does for the given side (writers: RELIABLE, readers: BEST_EFFORT).</summary>
    public ReliabilityPolicy EffectiveReliability(bool isWriter) =>
        Reliability is ReliabilityPolicy.Reliable or ReliabilityPolicy.BestEffort ? Reliability : (isWriter ? ReliabilityPolicy.Reliable : ReliabilityPolicy.BestEffort);

    /// <summary>Durability with SYSTEM_DEFAULT resolved (VOLATILE).</summary>
    public DurabilityPolicy EffectiveDurability => Durability == DurabilityPolicy.TransientLocal ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile;

    /// <summary>Checks the profile; null if valid, otherwise a message naming the field, the value and the fix.</summary>
    public string? Validate()
    {
        if (History == HistoryPolicy.KeepLast && Depth < 1)
        {
            return $"QoS depth {Depth} is invalid for KEEP_LAST; use a depth of 1 or more (or KEEP_ALL).";
        }

        if (Depth < 0)
        {
            return $"QoS depth {Depth} is negative; use 0 (system default) or more.";
        }

        if (Deadline < TimeSpan.Zero || Lifespan < TimeSpan.Zero || LivelinessLeaseDuration < TimeSpan.Zero)
        {
            return "QoS durations must not be negative; use TimeSpan.Zero for 'unspecified' (infinite).";
        }

        return null;
    }

    /// <summary>
    /// DDS request/offered matching between a writer and a reader: null when they match, otherwise the reason
    /// (e.g. "writer BEST_EFFORT offers less than reader RELIABLE requests").
    /// </summary>
    public static string? CheckCompatible(QosProfile writer, QosProfile reader)
    {
        if (writer.EffectiveReliability(true) == ReliabilityPolicy.BestEffort && reader.EffectiveReliability(false) == ReliabilityPolicy.Reliable)
        {
            return "reliability: the writer is BEST_EFFORT but the reader requests RELIABLE";
        }

        if (writer.EffectiveDurability == DurabilityPolicy.Volatile && reader.EffectiveDurability == DurabilityPolicy.TransientLocal)
        {
            return "durability: the writer is VOLATILE but the reader requests TRANSIENT_LOCAL";
        }

        TimeSpan wd = writer.Deadline == TimeSpan.Zero ? TimeSpan.MaxValue : writer.Deadline;
        TimeSpan rd = reader.Deadline == TimeSpan.Zero ? TimeSpan.MaxValue : reader.Deadline;
        if (wd > rd)
        {
            return $"deadline: the writer offers {FormatDuration(writer.Deadline)} but the reader requests {FormatDuration(reader.Deadline)}";
        }

        if (reader.Liveliness == LivelinessPolicy.ManualByTopic && writer.Liveliness != LivelinessPolicy.ManualByTopic)
        {
            return "liveliness: the reader requests MANUAL_BY_TOPIC but the writer offers AUTOMATIC";
        }

        TimeSpan wl = writer.LivelinessLeaseDuration == TimeSpan.Zero ? TimeSpan.MaxValue : writer.LivelinessLeaseDuration;
        TimeSpan rl = reader.LivelinessLeaseDuration == TimeSpan.Zero ? TimeSpan.MaxValue : reader.LivelinessLeaseDuration;
        if (wl > rl)
        {
            return $"liveliness lease: the writer offers {FormatDuration(writer.LivelinessLeaseDuration)} but the reader requests {FormatDuration(reader.LivelinessLeaseDuration)}";
        }

        return null;
    }

    /// <summary>Short text like <c>KEEP_LAST(10) RELIABLE VOLATILE</c>.</summary>
    public override string ToString() =>
        $"{HistoryName(History)}{(History == HistoryPolicy.KeepAll ? string.Empty : $"({Depth})")} {ReliabilityName(Reliability)} {DurabilityName(Durability)}";

    /// <summary>The ros2cli spelling of a history policy (<c>KEEP_LAST</c>).</summary>
    public static string HistoryName(HistoryPolicy p) => p switch
    {
        HistoryPolicy.KeepLast => "KEEP_LAST",
        HistoryPolicy.KeepAll => "KEEP_ALL",
        HistoryPolicy.SystemDefault => "SYSTEM_DEFAULT",
        _ => "UNKNOWN",
    };

    /// <summary>The ros2cli spelling of a reliability policy (<c>RELIABLE</c>).</summary>
    public static string ReliabilityName(ReliabilityPolicy p) => p switch
    {
        ReliabilityPolicy.Reliable => "RELIABLE",
        ReliabilityPolicy.BestEffort => "BEST_EFFORT",
        ReliabilityPolicy.SystemDefault => "SYSTEM_DEFAULT",
        _ => "UNKNOWN",
    };

    /// <summary>The ros2cli spelling of a durability policy (<c>VOLATILE</c>).</summary>
    public static string DurabilityName(DurabilityPolicy p) => p switch
    {
        DurabilityPolicy.Volatile => "VOLATILE",
        DurabilityPolicy.TransientLocal => "TRANSIENT_LOCAL",
        DurabilityPolicy.SystemDefault => "SYSTEM_DEFAULT",
        _ => "UNKNOWN",
    };

    /// <summary>The ros2cli spelling of a liveliness policy (<c>AUTOMATIC</c>).</summary>
    public static string LivelinessName(LivelinessPolicy p) => p switch
    {
        LivelinessPolicy.Automatic or LivelinessPolicy.SystemDefault => "AUTOMATIC",
        LivelinessPolicy.ManualByTopic => "MANUAL_BY_TOPIC",
        _ => "UNKNOWN",
    };

    /// <summary>A duration as ros2cli prints it: <c>Infinite</c> or nanoseconds.</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration == TimeSpan.Zero || duration == TimeSpan.MaxValue ? "Infinite" : $"{duration.Ticks * 100} nanoseconds";
}
