using Robotics.Ros.Dds;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Nodes;

/// <summary>
/// The ROS state of a process (rclcpp's <c>Context</c>): the transport (one participant), the parsed ROS
/// arguments (remapping applies to every node), the clock, and the node registry that is announced through
/// <c>ros_discovery_info</c>.
/// </summary>
/// <remarks>
/// <see cref="Init(IReadOnlyList{string}, RosContextOptions?)"/> reads <c>ROS_DOMAIN_ID</c>, <c>ROS_DISTRO</c>
/// (Gid size 24 on humble, 16 otherwise), <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c>, <c>CYCLONEDDS_URI</c> (through the
/// DDS transport's options) and <c>ROBOTICS_ROS_TRANSPORT</c> (<c>cyclonedds</c> or <c>inprocess</c>).
/// </remarks>
public sealed class RosContext : IDisposable
{
    private readonly List<Node> _nodes = [];
    private readonly bool _ownsTransport;
    private bool _disposed;

    /// <summary>Creates a context over an existing transport (not disposed with the context).</summary>
    /// <param name="transport">The transport.</param>
    /// <param name="arguments">Process-wide ROS arguments; null for none.</param>
    /// <param name="clock">Clock of the nodes; null for <see cref="TimeProvider.System"/>.</param>
    public RosContext(IRosTransport transport, RosArguments? arguments = null, TimeProvider? clock = null)
        : this(transport, arguments ?? RosArguments.Empty, clock ?? TimeProvider.System, ownsTransport: false, distro: "jazzy")
    {
    }

    private RosContext(IRosTransport transport, RosArguments arguments, TimeProvider clock, bool ownsTransport, string distro)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Transport = transport;
        Arguments = arguments;
        Clock = clock;
        _ownsTransport = ownsTransport;
        Distro = distro;
    }

    /// <summary>The transport all nodes of this context use.</summary>
    public IRosTransport Transport { get; }

    /// <summary>Process-wide ROS arguments (remapping rules, parameters, enclave).</summary>
    public RosArguments Arguments { get; }

    /// <summary>Default clock of the nodes.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The ROS distribution targeted (<c>ROS_DISTRO</c>, default <c>jazzy</c>).</summary>
    public string Distro { get; }

    /// <summary>Nodes alive in this context.</summary>
    public IReadOnlyList<Node> Nodes
    {
        get
        {
            lock (_nodes)
            {
                return [.. _nodes];
            }
        }
    }

    /// <summary>
    /// Creates a context from a command line and the environment: parses the <c>--ros-args</c> blocks and creates the
    /// transport (DDS unless <c>inprocess</c> is chosen).
    /// </summary>
    /// <param name="args">The process arguments (without the program name).</param>
    /// <param name="options">Transport choice, clock, environment lookup.</param>
    /// <returns>The context; dispose it to leave the graph.</returns>
    /// <exception cref="ArgumentException">A ROS argument, the transport name or an environment variable is invalid.</exception>
    /// <exception cref="DllNotFoundException">The DDS transport was chosen and Cyclone DDS is not installed.</exception>
    public static RosContext Init(IReadOnlyList<string> args, RosContextOptions? options = null)
    {
        options ??= new RosContextOptions();
        Func<string, string?> env = options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        RosArguments arguments = RosArguments.Parse(args);
        TimeProvider clock = options.Clock ?? TimeProvider.System;
        string distro = env("ROS_DISTRO") is { Length: > 0 } d ? d.Trim().ToLowerInvariant() : "jazzy";
        if (options.Transport is { } given)
        {
            return new RosContext(given, arguments, clock, ownsTransport: false, distro);
        }

        string name = (options.TransportName ?? env("ROBOTICS_ROS_TRANSPORT") ?? "cyclonedds").Trim().ToLowerInvariant();
        IRosTransport transport = name switch
        {
            "inprocess" => new InProcessTransport(options.InProcessDomain ?? new InProcessDomain(clock), arguments.Enclave ?? "/"),
            "cyclonedds" or "dds" => new DdsTransport(DdsTransportOptions.FromEnvironment(env) with { Enclave = arguments.Enclave ?? "/" }),
            _ => throw new ArgumentException($"Unknown ROS transport '{name}'; use 'cyclonedds' (DDS, talks to ROS 2 robots) or 'inprocess' (deterministic, this process only).", nameof(options)),
        };
        return new RosContext(transport, arguments, clock, ownsTransport: true, distro);
    }

    /// <summary>Disposes every node, then the transport if the context created it.</summary>
    public void Dispose()
    {
        Node[] nodes;
        lock (_nodes)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            nodes = [.. _nodes];
        }

        foreach (Node n in nodes)
        {
            n.Dispose();
        }

        if (_ownsTransport)
        {
            Transport.Dispose();
        }
    }

    internal void Register(Node node)
    {
        lock (_nodes)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _nodes.Add(node);
        }

        AnnounceNodes();
    }

    internal void Unregister(Node node)
    {
        bool announce;
        lock (_nodes)
        {
            announce = _nodes.Remove(node) && !_disposed;
        }

        if (announce)
        {
            AnnounceNodes();
        }
    }

    /// <summary>Publishes the node list with every node's endpoint Gids (<c>ros_discovery_info</c>).</summary>
    internal void AnnounceNodes()
    {
        NodeEntitiesInfo[] infos;
        lock (_nodes)
        {
            infos = new NodeEntitiesInfo[_nodes.Count];
            for (int i = 0; i < infos.Length; i++)
            {
                infos[i] = _nodes[i].EntitiesInfo();
            }
        }

        Transport.PublishNodes(infos);
    }
}
