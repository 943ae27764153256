using System.Collections.Concurrent;

namespace Robotics.Ros.Messages;

/// <summary>
/// Finds message and service type supports by name: ROS names (<c>std_msgs/msg/String</c>, also the short form
/// <c>std_msgs/String</c>) or DDS names (<c>std_msgs::msg::dds_::String_</c>). All generated types are registered
/// on first use; more can be added with <see cref="Register(MessageTypeSupport)"/>.
/// </summary>
public static partial class MessageTypeRegistry
{
    private static readonly ConcurrentDictionary<string, MessageTypeSupport> Messages = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ServiceTypeSupport> Services = new(StringComparer.Ordinal);
    private static readonly object Gate = new();
    private static bool _initialized;

    /// <summary>All registered message supports (each once), sorted by ROS name.</summary>
    public static IReadOnlyList<MessageTypeSupport> AllMessages
    {
        get
        {
            EnsureInitialized();
            var list = new SortedDictionary<string, MessageTypeSupport>(StringComparer.Ordinal);
            foreach (MessageTypeSupport s in Messages.Values)
            {
                list[s.RosTypeName] = s;
            }

            return list.Values.ToArray();
        }
    }

    /// <summary>All registered service supports (each once), sorted by ROS name.</summary>
    public static IReadOnlyList<ServiceTypeSupport> AllServices
    {
        get
        {
            EnsureInitialized();
            var list = new SortedDictionary<string, ServiceTypeSupport>(StringComparer.Ordinal);
            foreach (ServiceTypeSupport s in Services.Values)
            {
                list[s.RosTypeName] = s;
            }

            return list.Values.ToArray();
        }
    }

    /// <summary>Registers a message support under its ROS name, short ROS name and DDS name.</summary>
    /// <param name="support">The support.</param>
    public static void Register(MessageTypeSupport support)
    {
        ArgumentNullException.ThrowIfNull(support);
        Messages[support.RosTypeName] = support;
        Messages[ShortForm(support.RosTypeName)] = support;
        Messages[support.DdsTypeName] = support;
    }

    /// <summary>Registers a service support (and its request/response message supports).</summary>
    /// <param name="support">The support.</param>
    public static void Register(ServiceTypeSupport support)
    {
        ArgumentNullException.ThrowIfNull(support);
        Services[support.RosTypeName] = support;
        Services[ShortForm(support.RosTypeName)] = support;
        Register(support.Request);
        Register(support.Response);
    }

    /// <summary>Finds a message support by ROS name (long or short form) or DDS name.</summary>
    /// <param name="name">e.g. <c>std_msgs/msg/String</c>, <c>std_msgs/String</c> or <c>std_msgs::msg::dds_::String_</c>.</param>
    /// <param name="support">The support when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MessageTypeSupport? support)
    {
        EnsureInitialized();
        return Messages.TryGetValue(name, out support);
    }

    /// <summary>Finds a service support by ROS name (<c>pkg/srv/Svc</c> or <c>pkg/Svc</c>).</summary>
    /// <param name="name">The service type name.</param>
    /// <param name="support">The support when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryGetService(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ServiceTypeSupport? support)
    {
        EnsureInitialized();
        return Services.TryGetValue(name, out support);
    }

    /// <summary>Finds a message support or throws <see cref="KeyNotFoundException"/> naming the type.</summary>
    /// <param name="name">ROS or DDS type name.</param>
    /// <returns>The support.</returns>
    public static MessageTypeSupport Get(string name) =>
        TryGet(name, out MessageTypeSupport? s)
            ? s
            : throw new KeyNotFoundException($"Unknown ROS message type '{name}'. Use a name like 'std_msgs/msg/String'; known types: see MessageTypeRegistry.AllMessages.");

    static partial void RegisterGenerated();

    private static void EnsureInitialized()
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        lock (Gate)
        {
            if (!_initialized)
            {
                RegisterGenerated();
                Volatile.Write(ref _initialized, true);
            }
        }
    }

    private static string ShortForm(string rosName)
    {
        string[] p = rosName.Split('/');
        return p.Length == 3 ? p[0] + "/" + p[2] : rosName;
    }
}
