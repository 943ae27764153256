using System.CommandLine;
using System.Text;
using Robotics.Ros.Messages;

namespace Robotics.Cli.Ros;

/// <summary><c>robotics interface list|show</c>: the message and service types this build knows (like <c>ros2 interface</c>).</summary>
public static class InterfaceCommands
{
    /// <summary>Creates the <c>interface</c> command group.</summary>
    public static Command Create()
    {
        var command = new Command("interface", "Show information about ROS interfaces (like ros2 interface): list, show.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateShow());
        return command;
    }

    private static Command CreateList()
    {
        var onlyMsgs = new Option<bool>("--only-msgs", "-m") { Description = "Print out only the message types." };
        var onlySrvs = new Option<bool>("--only-srvs", "-s") { Description = "Print out only the service types." };
        var onlyActions = new Option<bool>("--only-actions", "-a") { Description = "Print out only the action types." };
        var command = new Command("list", "List all interface types known to this build (vendored in core/interfaces).") { onlyMsgs, onlySrvs, onlyActions };
        command.SetAction(parse =>
        {
            bool m = parse.GetValue(onlyMsgs), s = parse.GetValue(onlySrvs), a = parse.GetValue(onlyActions);
            bool all = !m && !s && !a;
            var sb = new StringBuilder();
            if (all || m)
            {
                sb.Append("Messages:\n");
                foreach (MessageTypeSupport t in MessageTypeRegistry.AllMessages.Where(t => t.RosTypeName.Contains("/msg/", StringComparison.Ordinal)))
                {
                    sb.Append("    ").Append(t.RosTypeName).Append('\n');
                }
            }

            if (all || s)
            {
                sb.Append("Services:\n");
                foreach (ServiceTypeSupport t in MessageTypeRegistry.AllServices)
                {
                    sb.Append("    ").Append(t.RosTypeName).Append('\n');
                }
            }

            if (all || a)
            {
                sb.Append("Actions:\n");
            }

            Console.Write(sb.ToString());
            return 0;
        });
        return command;
    }

    private static Command CreateShow()
    {
        var type = new Argument<string>("type") { Description = "Show an interface definition (e.g. 'std_msgs/msg/String', 'rcl_interfaces/srv/GetParameters')." };
        var allComments = new Option<bool>("--all-comments") { Description = "Show all comments, including for nested interface definitions." };
        var noComments = new Option<bool>("--no-comments") { Description = "Show no comments or whitespace." };
        var command = new Command("show", "Output the interface definition, nested types expanded and indented with a tab (like ros2 interface show).") { type, allComments, noComments };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(type)!;
            bool all = parse.GetValue(allComments), none = parse.GetValue(noComments);
            if (MessageTypeRegistry.TryGetService(name, out ServiceTypeSupport? service))
            {
                Console.Write(Show(service.Request, all, none));
                Console.WriteLine("---");
                Console.Write(Show(service.Response, all, none));
                return 0;
            }

            if (MessageTypeRegistry.TryGet(name, out MessageTypeSupport? message))
            {
                Console.Write(Show(message, all, none));
                return 0;
            }

            IReadOnlyList<string> close = RosCliFormat.CloseMatches(name,
                MessageTypeRegistry.AllMessages.Select(t => t.RosTypeName).Concat(MessageTypeRegistry.AllServices.Select(t => t.RosTypeName)));
            Console.Error.WriteLine($"robotics interface show: unknown interface '{name}'."
                + (close.Count > 0 ? $" Did you mean: {string.Join(", ", close)}?" : " 'robotics interface list' shows every known type."));
            return RosCliSession.ExitInvalidInput;
        });
        return command;
    }

    /// <summary>The text of <c>ros2 interface show</c> for a message: its .msg text, each nested message field followed by the nested definition indented by a tab.</summary>
    internal static string Show(MessageTypeSupport support, bool allComments, bool noComments)
    {
        var sb = new StringBuilder();
        if (string.IsNullOrWhiteSpace(support.Definition.Text))
        {
            return string.Empty;
        }

        Append(sb, support.Definition, 0, allComments, noComments);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, MessageDefinition def, int depth, bool allComments, bool noComments)
    {
        bool comments = !noComments && (depth == 0 || allComments);
        string indent = new('\t', depth);
        foreach (string raw in def.Text.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            string code = raw;
            int hash = raw.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0 && !InsideString(raw, hash))
            {
                code = raw[..hash];
            }

            string line = comments ? raw.TrimEnd() : code.TrimEnd();
            if (line.Length == 0 && (!comments || depth > 0))
            {
                continue;
            }

            sb.Append(indent).Append(line).Append('\n');
            string[] tokens = code.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length >= 2 && !code.Contains('=', StringComparison.Ordinal)
                && def.FindField(tokens[1]) is { NestedSupport: { } nested })
            {
                Append(sb, nested.Definition, depth + 1, allComments, noComments);
            }
        }
    }

    private static bool InsideString(string line, int index)
    {
        // Constants and defaults may hold '#' inside quotes: string FOO="a#b".
        int quotes = 0;
        for (int i = 0; i < index; i++)
        {
            if (line[i] is '"' or '\'')
            {
                quotes++;
            }
        }

        return quotes % 2 == 1;
    }
}
