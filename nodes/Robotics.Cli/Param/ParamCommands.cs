using System.CommandLine;
using Robotics.Cli.Ros;
using Robotics.Core.Parameters;
using Robotics.Nodes.Parameters;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Rcl = Robotics.Ros.Interfaces.RclInterfaces;

namespace Robotics.Cli.Param;

/// <summary>
/// <c>robotics param list|get|set|dump</c>: ros2cli's <c>ros2 param</c> verbs over the rcl_interfaces parameter services,
/// so they work against our nodes and against ROS 2 nodes using rmw_cyclonedds_cpp.
/// </summary>
public static class ParamCommands
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates the <c>param</c> command group.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        var transport = RosCliSession.TransportOption();
        var wait = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the node's parameter services to be discovered.",
            DefaultValueFactory = _ => 5.0,
            Recursive = true,
        };
        var command = new Command("param", "Various parameter related sub-commands (like ros2 param): list, get, set, dump.")
        {
            transport,
            wait,
        };
        command.Subcommands.Add(CreateList(transport, wait));
        command.Subcommands.Add(CreateGet(transport, wait));
        command.Subcommands.Add(CreateSet(transport, wait));
        command.Subcommands.Add(CreateDump(transport, wait));
        return command;
    }

    private static Argument<string> NodeArgument() => new("node_name") { Description = "Fully qualified node name, e.g. /rig/msd." };

    private static Command CreateList(Option<string?> transport, Option<double> wait)
    {
        var node = NodeArgument();
        var prefix = new Argument<string?>("prefix") { Description = "Only parameters under this prefix (e.g. controller).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "Output the names of a node's parameters, one per line.") { node, prefix };
        command.SetAction(parse => Run(parse.GetValue(transport), "param list", parse.GetValue(node)!, parse.GetValue(wait), (s, name) =>
        {
            string? p = parse.GetValue(prefix);
            var names = ListNames(s, name, p, parse.GetValue(wait));
            if (names is null) return RosCliSession.ExitNotFound;
            Console.WriteLine($"{name}:");
            foreach (string n in names.Order(StringComparer.Ordinal)) Console.WriteLine("  " + n);
            return 0;
        }));
        return command;
    }

    private static Command CreateGet(Option<string?> transport, Option<double> wait)
    {
        var node = NodeArgument();
        var parameter = new Argument<string>("parameter_name") { Description = "Name of the parameter, e.g. controller.kp." };
        var command = new Command("get", "Print a parameter's value (like ros2 param get).") { node, parameter };
        command.SetAction(parse => Run(parse.GetValue(transport), "param get", parse.GetValue(node)!, parse.GetValue(wait), (s, name) =>
        {
            string p = parse.GetValue(parameter)!;
            var client = s.Node.CreateClient<Rcl.GetParametersRequest, Rcl.GetParametersResponse>(name + "/get_parameters");
            var response = Call(client, new Rcl.GetParametersRequest { Names = [p] }, parse.GetValue(wait), name);
            if (response is null) return RosCliSession.ExitNotFound;
            var v = response.Values.Length == 1 ? response.Values[0] : new Rcl.ParameterValue();
            if (!RosParameterConversions.TryFromRos(v, out var value, out _))
            {
                Console.Error.WriteLine($"robotics param get: node '{name}' has no parameter '{p}'; 'robotics param list {name}' shows its parameters.");
                return RosCliSession.ExitNotFound;
            }

            Console.WriteLine($"{TypeLabel(value.Type)} value is: {ParamsFile.FormatValue(value)}");
            return 0;
        }));
        return command;
    }

    private static Command CreateSet(Option<string?> transport, Option<double> wait)
    {
        var node = NodeArgument();
        var parameter = new Argument<string>("parameter_name") { Description = "Name of the parameter, e.g. controller.kp." };
        var value = new Argument<string>("value") { Description = "New value as YAML: 1.5, 3, true, text, '[0.1, 0.2]'." };
        var command = new Command("set", "Set a parameter (validated by the node: type, range, read-only; applied at its next tick).") { node, parameter, value };
        command.SetAction(parse => Run(parse.GetValue(transport), "param set", parse.GetValue(node)!, parse.GetValue(wait), (s, name) =>
        {
            string p = parse.GetValue(parameter)!;
            ParameterValue parsed;
            try
            {
                parsed = ParameterText.Parse(parse.GetValue(value)!);
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine($"robotics param set: parameter '{p}': {ex.Message}");
                return RosCliSession.ExitInvalidInput;
            }

            var client = s.Node.CreateClient<Rcl.SetParametersRequest, Rcl.SetParametersResponse>(name + "/set_parameters");
            var response = Call(client, new Rcl.SetParametersRequest
            {
                Parameters = [new Rcl.Parameter { Name = p, Value = RosParameterConversions.ToRos(parsed) }],
            }, parse.GetValue(wait), name);
            if (response is null) return RosCliSession.ExitNotFound;
            var result = response.Results.Length == 1 ? response.Results[0] : new Rcl.SetParametersResult { Reason = "no result" };
            if (!result.Successful)
            {
                Console.Error.WriteLine($"Setting parameter failed: {result.Reason}");
                return RosCliSession.ExitInvalidInput;
            }

            Console.WriteLine("Set parameter successful");
            return 0;
        }));
        return command;
    }

    private static Command CreateDump(Option<string?> transport, Option<double> wait)
    {
        var node = NodeArgument();
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the YAML to this file instead of stdout (usable as --params-file)." };
        var command = new Command("dump", "Print a node's parameters as a ROS 2 params file (like ros2 param dump).") { node, output };
        command.SetAction(parse => Run(parse.GetValue(transport), "param dump", parse.GetValue(node)!, parse.GetValue(wait), (s, name) =>
        {
            var names = ListNames(s, name, null, parse.GetValue(wait));
            if (names is null) return RosCliSession.ExitNotFound;
            var client = s.Node.CreateClient<Rcl.GetParametersRequest, Rcl.GetParametersResponse>(name + "/get_parameters");
            var response = Call(client, new Rcl.GetParametersRequest { Names = [.. names] }, parse.GetValue(wait), name);
            if (response is null) return RosCliSession.ExitNotFound;
            var pairs = new List<KeyValuePair<string, ParameterValue>>();
            for (int i = 0; i < names.Length && i < response.Values.Length; i++)
            {
                if (RosParameterConversions.TryFromRos(response.Values[i], out var v, out _)) pairs.Add(new(names[i], v));
            }

            string yaml = ParamsFile.Format(name, pairs);
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, yaml);
                Console.WriteLine($"Saved parameters of {name} to {file.FullName}");
            }
            else
            {
                Console.Write(yaml);
            }

            return 0;
        }));
        return command;
    }

    private static int Run(string? transport, string command, string node, double wait, Func<RosCliSession, string, int> body)
    {
        string name = node.StartsWith('/') ? node : "/" + node;
        if (RosNames.ValidateTopicName(name) is { } bad)
        {
            Console.Error.WriteLine($"robotics {command}: '{node}' is not a node name ({bad}); give a fully qualified name such as /rig/msd.");
            return RosCliSession.ExitInvalidInput;
        }

        if (!(wait > 0))
        {
            Console.Error.WriteLine($"robotics {command}: --timeout must be > 0 seconds, e.g. --timeout 5.");
            return RosCliSession.ExitInvalidInput;
        }

        using RosCliSession? s = RosCliSession.TryOpen(transport, command);
        if (s is null) return RosCliSession.ExitNotFound;
        return body(s, name);
    }

    private static string[]? ListNames(RosCliSession s, string node, string? prefix, double wait)
    {
        var client = s.Node.CreateClient<Rcl.ListParametersRequest, Rcl.ListParametersResponse>(node + "/list_parameters");
        var response = Call(client, new Rcl.ListParametersRequest { Prefixes = prefix is null ? [] : [prefix] }, wait, node);
        return response?.Result.Names;
    }

    private static TResponse? Call<TRequest, TResponse>(Client<TRequest, TResponse> client, TRequest request, double wait, string node)
        where TRequest : class, IRosMessageType<TRequest>, new()
        where TResponse : class, IRosMessageType<TResponse>, new()
    {
        if (!client.WaitForService(TimeSpan.FromSeconds(wait)))
        {
            Console.Error.WriteLine($"Node not found: no service {client.ServiceName} within {wait} s. Is '{node}' running ('robotics node list'), on the same ROS_DOMAIN_ID?");
            return null;
        }

        try
        {
            return client.CallAsync(request, CallTimeout).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"No response from {client.ServiceName} within {CallTimeout.TotalSeconds} s.");
            return null;
        }
    }

    private static string TypeLabel(ParameterType type) => type switch
    {
        ParameterType.Bool => "Boolean",
        ParameterType.Integer => "Integer",
        ParameterType.Double => "Double",
        ParameterType.String => "String",
        ParameterType.DoubleArray => "Double values",
        _ => type.ToString(),
    };
}
