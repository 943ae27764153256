using System.CommandLine;
using Robotics.Ros.Graph;
using Robotics.Ros.Transport;

namespace Robotics.Cli.Ros;

/// <summary>ros2cli's QoS options (<c>--qos-profile</c>, <c>--qos-depth</c>, <c>--qos-history</c>, <c>--qos-reliability</c>, <c>--qos-durability</c>).</summary>
internal sealed class RosQosOptions
{
    private static readonly string[] Profiles = ["default", "system_default", "sensor_data", "services_default", "parameters", "parameter_events"];

    public RosQosOptions(string verb)
    {
        Profile = new Option<string?>("--qos-profile") { Description = $"Quality of service preset profile to {verb} with: {string.Join(", ", Profiles)}." };
        Profile.AcceptOnlyFromAmong(Profiles);
        Depth = new Option<int?>("--qos-depth") { Description = "Queue size setting to " + verb + " with (overrides the depth of --qos-profile)." };
        History = new Option<string?>("--qos-history") { Description = "History of samples setting to " + verb + " with: keep_last, keep_all, system_default." };
        History.AcceptOnlyFromAmong("keep_last", "keep_all", "system_default");
        Reliability = new Option<string?>("--qos-reliability") { Description = "Quality of service reliability setting to " + verb + " with: reliable, best_effort, system_default." };
        Reliability.AcceptOnlyFromAmong("reliable", "best_effort", "system_default");
        Durability = new Option<string?>("--qos-durability") { Description = "Quality of service durability setting to " + verb + " with: volatile, transient_local, system_default." };
        Durability.AcceptOnlyFromAmong("volatile", "transient_local", "system_default");
    }

    public Option<string?> Profile { get; }

    public Option<int?> Depth { get; }

    public Option<string?> History { get; }

    public Option<string?> Reliability { get; }

    public Option<string?> Durability { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Profile);
        command.Options.Add(Depth);
        command.Options.Add(History);
        command.Options.Add(Reliability);
        command.Options.Add(Durability);
    }

    /// <summary>True when the user gave any QoS option.</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetValue(Profile) is not null || parse.GetValue(Depth) is not null || parse.GetValue(History) is not null
        || parse.GetValue(Reliability) is not null || parse.GetValue(Durability) is not null;

    /// <summary>The profile from the options on top of <paramref name="fallback"/>.</summary>
    public QosProfile Resolve(ParseResult parse, QosProfile fallback)
    {
        QosProfile q = parse.GetValue(Profile) switch
        {
            "default" => QosProfile.Default,
            "system_default" => QosProfile.SystemDefault,
            "sensor_data" => QosProfile.SensorData,
            "services_default" => QosProfile.Services,
            "parameters" => QosProfile.Parameters,
            "parameter_events" => QosProfile.ParameterEvents,
            _ => fallback,
        };
        if (parse.GetValue(History) is { } h)
        {
            q = q with { History = h switch { "keep_all" => HistoryPolicy.KeepAll, "keep_last" => HistoryPolicy.KeepLast, _ => HistoryPolicy.SystemDefault } };
        }

        if (parse.GetValue(Depth) is { } d)
        {
            q = q with { Depth = d };
        }

        if (parse.GetValue(Reliability) is { } r)
        {
            q = q with { Reliability = r switch { "reliable" => ReliabilityPolicy.Reliable, "best_effort" => ReliabilityPolicy.BestEffort, _ => ReliabilityPolicy.SystemDefault } };
        }

        if (parse.GetValue(Durability) is { } du)
        {
            q = q with { Durability = du switch { "transient_local" => DurabilityPolicy.TransientLocal, "volatile" => DurabilityPolicy.Volatile, _ => DurabilityPolicy.SystemDefault } };
        }

        return q;
    }

    /// <summary>
    /// ros2 topic echo's adaptive choice when no QoS option is given: RELIABLE if every publisher is reliable, else
    /// BEST_EFFORT; TRANSIENT_LOCAL if every publisher is, else VOLATILE; depth 10. Matches every publisher.
    /// </summary>
    public static QosProfile AdaptToPublishers(IEnumerable<TopicEndpointInfo> publishers)
    {
        bool any = false;
        bool allReliable = true;
        bool allLatched = true;
        foreach (TopicEndpointInfo p in publishers)
        {
            any = true;
            allReliable &= p.Qos.Reliability == ReliabilityPolicy.Reliable;
            allLatched &= p.Qos.Durability == DurabilityPolicy.TransientLocal;
        }

        if (!any)
        {
            return QosProfile.Default;
        }

        return QosProfile.Default with
        {
            Reliability = allReliable ? ReliabilityPolicy.Reliable : ReliabilityPolicy.BestEffort,
            Durability = allLatched ? DurabilityPolicy.TransientLocal : DurabilityPolicy.Volatile,
        };
    }
}
