using System.CommandLine;
using System.Globalization;
using System.Text;
using Robotics.Ros.Graph;
using Robotics.Ros.Transport;

namespace Robotics.Cli.Ros;

/// <summary><c>robotics node list|info</c>: ros2cli's <c>ros2 node</c> verbs (nodes are learned from <c>ros_discovery_info</c>).</summary>
public static class NodeCommands
{
    /// <summary>Creates the <c>node</c> command group.</summary>
    public static Command Create()
    {
        var transport = RosCliSession.TransportOption();
        var spin = RosCliSession.SpinTimeOption();
        var command = new Command("node", "Various node related sub-commands (like ros2 node): list, info.")
        {
            transport,
            spin,
        };
        command.Subcommands.Add(CreateList(transport, spin));
        command.Subcommands.Add(CreateInfo(transport, spin));
        return command;
    }

    private static Command CreateList(Option<string?> transport, Option<double> spin)
    {
        var all = new Option<bool>("--all", "-a") { Description = "Display all nodes even hidden ones (a name token starting with '_')." };
        var count = new Option<bool>("--count-nodes", "-c") { Description = "Only display the number of nodes discovered." };
        var command = new Command("list", "Output a list of available nodes, one fully qualified name per line.") { all, count };
        command.SetAction(parse =>
        {
            using RosCliSession? s = RosCliSession.TryOpen(parse.GetValue(transport), "node list");
            if (s is null)
            {
                return RosCliSession.ExitNotFound;
            }

            s.Spin(parse.GetValue(spin));
            var names = s.Node.GetNodeNames().Where(n => parse.GetValue(all) || !IsHidden(n)).ToList();
            if (parse.GetValue(count))
            {
                Console.WriteLine(names.Count.ToString(CultureInfo.InvariantCulture));
                return 0;
            }

            foreach (string n in names)
            {
                Console.WriteLine(n);
            }

            return 0;
        });
        return command;
    }

    private static Command CreateInfo(Option<string?> transport, Option<double> spin)
    {
        var node = new Argument<string>("node_name") { Description = "Fully qualified node name to request information for (e.g. '/talker')." };
        var command = new Command("info", "Output the subscribers, publishers, service servers and clients of a node (like ros2 node info).") { node };
        command.SetAction(parse =>
        {
            using RosCliSession? s = RosCliSession.TryOpen(parse.GetValue(transport), "node info");
            if (s is null)
            {
                return RosCliSession.ExitNotFound;
            }

            s.Spin(parse.GetValue(spin));
            string wanted = parse.GetValue(node)!;
            if (!wanted.StartsWith('/'))
            {
                wanted = "/" + wanted;
            }

            int matches = s.Node.GetNodeNames().Count(n => n == wanted);
            if (matches == 0)
            {
                Console.Error.WriteLine($"Unable to find node '{wanted}'");
                return RosCliSession.ExitNotFound;
            }

            if (matches > 1)
            {
                Console.Error.WriteLine($"There are {matches} nodes in the graph with the exact name \"{wanted}\". You are seeing information about only one of them.");
            }

            Console.Write(InfoText(wanted, s.Node.Graph.GetEndpoints()));
            return 0;
        });
        return command;
    }

    /// <summary>The text of <c>ros2 node info</c> for the endpoints owned by <paramref name="fullName"/>.</summary>
    internal static string InfoText(string fullName, IReadOnlyList<TopicEndpointInfo> endpoints)
    {
        var subs = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var pubs = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var servers = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var clients = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (TopicEndpointInfo e in endpoints)
        {
            if (e.NodeName is null || e.NodeNamespace is null || new NodeName(e.NodeNamespace, e.NodeName).FullName != fullName)
            {
                continue;
            }

            SortedDictionary<string, SortedSet<string>>? target = (e.Kind, e.IsWriter) switch
            {
                (EndpointKind.Topic, true) => pubs,
                (EndpointKind.Topic, false) => subs,
                (EndpointKind.ServiceRequest, false) => servers,
                (EndpointKind.ServiceRequest, true) => clients,
                _ => null, // reply endpoints duplicate the request side
            };
            if (target is null)
            {
                continue;
            }

            string type = e.Kind == EndpointKind.Topic ? e.TypeName : GraphCache.ServiceTypeOf(e.TypeName);
            if (!target.TryGetValue(e.TopicName, out SortedSet<string>? set))
            {
                set = new SortedSet<string>(StringComparer.Ordinal);
                target[e.TopicName] = set;
            }

            set.Add(type);
        }

        var sb = new StringBuilder();
        sb.Append(fullName).Append('\n');
        Section(sb, "Subscribers", subs);
        Section(sb, "Publishers", pubs);
        Section(sb, "Service Servers", servers);
        Section(sb, "Service Clients", clients);
        Section(sb, "Action Servers", []);
        Section(sb, "Action Clients", []);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, SortedDictionary<string, SortedSet<string>> items)
    {
        sb.Append("  ").Append(title).Append(":\n");
        foreach (KeyValuePair<string, SortedSet<string>> kv in items)
        {
            sb.Append("    ").Append(kv.Key).Append(": ").Append(string.Join(", ", kv.Value)).Append('\n');
        }

        if (items.Count == 0)
        {
            sb.Append('\n');
        }
    }

    private static bool IsHidden(string name) => name.Split('/').Any(t => t.StartsWith('_'));
}
