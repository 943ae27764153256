using System.Collections.ObjectModel;

namespace Robotics.Ros.Nodes;

/// <summary>
/// The ROS arguments of a process, parsed as rcl does from the <c>--ros-args … [--]</c> blocks that <c>ros2 run</c>
/// and <c>ros2 launch</c> append to the command line (e.g.
/// <c>--ros-args -r __node:=mpc -r __ns:=/rig -p use_sim_time:=true --params-file /tmp/p.yaml -r cmd:=/rig/cmd</c>).
/// </summary>
/// <remarks>
/// Recognised inside a block: <c>-r/--remap [node:]from:=to</c>, <c>-p/--param name:=value</c>, <c>--params-file F</c>,
/// <c>-e/--enclave E</c>, <c>--log-level [logger:=]level</c>, <c>--log-config-file F</c>, <c>--log-file-name N</c> and the
/// flags <c>--enable-/--disable-{stdout,rosout,external-lib}-logs</c>. A block ends at <c>--</c> or at the end; several
/// blocks are allowed. Anything else inside a block is an error (as rclcpp's <c>UnknownROSArgsError</c>); arguments
/// outside the blocks are returned in <see cref="UserArguments"/> for the program's own parser.
/// </remarks>
public sealed class RosArguments
{
    private static readonly string[] Flags =
    [
        "--enable-stdout-logs", "--disable-stdout-logs", "--enable-rosout-logs", "--disable-rosout-logs",
        "--enable-external-lib-logs", "--disable-external-lib-logs",
    ];

    private RosArguments(List<string> user, List<RemapRule> remaps, List<ParameterOverride> parameters, List<string> paramsFiles,
        string? enclave, List<string> logLevels, string? logConfigFile, List<string> flags)
    {
        UserArguments = user.AsReadOnly();
        Remaps = remaps.AsReadOnly();
        Parameters = parameters.AsReadOnly();
        ParamsFiles = paramsFiles.AsReadOnly();
        Enclave = enclave;
        LogLevels = logLevels.AsReadOnly();
        LogConfigFile = logConfigFile;
        LogFlags = flags.AsReadOnly();
    }

    /// <summary>No ROS arguments at all.</summary>
    public static RosArguments Empty { get; } = new([], [], [], [], null, [], null, []);

    /// <summary>Arguments outside the <c>--ros-args</c> blocks, in order (the <c>--</c> terminators removed).</summary>
    public ReadOnlyCollection<string> UserArguments { get; }

    /// <summary>Remapping rules in command-line order (the first matching rule wins).</summary>
    public ReadOnlyCollection<RemapRule> Remaps { get; }

    /// <summary><c>-p</c> assignments in order (a later one overrides an earlier one of the same name).</summary>
    public ReadOnlyCollection<ParameterOverride> Parameters { get; }

    /// <summary><c>--params-file</c> paths in order.</summary>
    public ReadOnlyCollection<string> ParamsFiles { get; }

    /// <summary>The <c>-e/--enclave</c> value, or null (<c>/</c>).</summary>
    public string? Enclave { get; }

    /// <summary><c>--log-level</c> values as given (<c>debug</c> or <c>my_logger:=debug</c>).</summary>
    public ReadOnlyCollection<string> LogLevels { get; }

    /// <summary>The <c>--log-config-file</c> value, or null.</summary>
    public string? LogConfigFile { get; }

    /// <summary>The <c>--enable-…-logs</c>/<c>--disable-…-logs</c> flags given.</summary>
    public ReadOnlyCollection<string> LogFlags { get; }

    /// <summary>Parses a command line (without the program name).</summary>
    /// <param name="args">The arguments, e.g. <c>Main</c>'s <c>args</c>.</param>
    /// <returns>The parsed arguments.</returns>
    /// <exception cref="ArgumentException">A ROS argument is unknown, lacks its value or is malformed; the message names it and shows the expected form.</exception>
    public static RosArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var user = new List<string>();
        var remaps = new List<RemapRule>();
        var parameters = new List<ParameterOverride>();
        var files = new List<string>();
        var levels = new List<string>();
        var flags = new List<string>();
        string? enclave = null;
        string? logConfig = null;
        bool inRos = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i] ?? throw new ArgumentException($"Argument {i} is null.", nameof(args));
            if (a == "--ros-args")
            {
                inRos = true;
                continue;
            }

            if (!inRos)
            {
                user.Add(a);
                continue;
            }

            if (a == "--")
            {
                inRos = false;
                continue;
            }

            switch (a)
            {
                case "-r" or "--remap":
                    remaps.Add(ParseRemap(Value(args, ref i, a, "-r from:=to")));
                    break;
                case "-p" or "--param":
                    parameters.Add(ParseParameter(Value(args, ref i, a, "-p name:=value")));
                    break;
                case "--params-file":
                    files.Add(Value(args, ref i, a, "--params-file path/to/params.yaml"));
                    break;
                case "-e" or "--enclave":
                    enclave = Value(args, ref i, a, "-e /enclave");
                    if (enclave.Length == 0 || enclave[0] != '/')
                    {
                        throw new ArgumentException($"ROS argument '{a} {enclave}': an enclave is an absolute name such as '/' or '/robot'.", nameof(args));
                    }

                    break;
                case "--log-level":
                    levels.Add(Value(args, ref i, a, "--log-level debug"));
                    break;
                case "--log-config-file":
                    logConfig = Value(args, ref i, a, "--log-config-file path");
                    break;
                case "--log-file-name":
                    Value(args, ref i, a, "--log-file-name name");
                    break;
                default:
                    if (Array.IndexOf(Flags, a) >= 0)
                    {
                        flags.Add(a);
                        break;
                    }

                    throw new ArgumentException(
                        $"Unknown ROS argument '{a}' inside --ros-args. Known: -r/--remap from:=to, -p/--param name:=value, --params-file F, -e/--enclave E, --log-level L, --log-config-file F, --enable-/--disable-{{stdout,rosout,external-lib}}-logs; end the block with '--' before the program's own arguments.",
                        nameof(args));
            }
        }

        return new RosArguments(user, remaps, parameters, files, enclave, levels, logConfig, flags);
    }

    /// <summary>Parses one remapping rule (<c>[node:]from:=to</c>) as given after <c>-r</c>.</summary>
    /// <param name="text">The rule text.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The rule is malformed or a name in it is invalid.</exception>
    public static RemapRule ParseRemap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int sep = text.IndexOf(":=", StringComparison.Ordinal);
        if (sep <= 0 || sep + 2 > text.Length)
        {
            throw new ArgumentException($"Remapping rule '{text}' is malformed; the form is 'from:=to' (optionally 'node:from:=to'), e.g. '-r chatter:=/robot/chatter'.", nameof(text));
        }

        string left = text[..sep];
        string to = text[(sep + 2)..];
        string? node = null;
        int colon = left.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            node = left[..colon];
            left = left[(colon + 1)..];
            if (RosNames.ValidateNodeName(node) is { } badNode)
            {
                throw new ArgumentException($"Remapping rule '{text}': the node prefix '{node}' is invalid: {badNode}.", nameof(text));
            }
        }

        if (to.Length == 0)
        {
            throw new ArgumentException($"Remapping rule '{text}' has an empty replacement; give e.g. '{left}:=new_name'.", nameof(text));
        }

        switch (left)
        {
            case "__node" or "__name":
                if (RosNames.ValidateNodeName(to) is { } badName)
                {
                    throw new ArgumentException($"Remapping rule '{text}': '{to}' is not a valid node name: {badName}.", nameof(text));
                }

                break;
            case "__ns":
                if (RosNames.ValidateNamespace(to) is { } badNs)
                {
                    throw new ArgumentException($"Remapping rule '{text}': '{to}' is not a valid namespace: {badNs} (e.g. '__ns:=/robot').", nameof(text));
                }

                break;
            default:
                if (RosNames.ValidateTopicName(left) is { } badFrom)
                {
                    throw new ArgumentException($"Remapping rule '{text}': '{left}' is not a valid name to remap: {badFrom}.", nameof(text));
                }

                if (RosNames.ValidateTopicName(to) is { } badTo)
                {
                    throw new ArgumentException($"Remapping rule '{text}': '{to}' is not a valid replacement name: {badTo}.", nameof(text));
                }

                break;
        }

        return new RemapRule(node, left, to);
    }

    /// <summary>Parses one parameter assignment (<c>name:=value</c>) as given after <c>-p</c>.</summary>
    /// <param name="text">The assignment.</param>
    /// <returns>The assignment.</returns>
    /// <exception cref="ArgumentException">The assignment is malformed.</exception>
    public static ParameterOverride ParseParameter(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int sep = text.IndexOf(":=", StringComparison.Ordinal);
        if (sep <= 0)
        {
            throw new ArgumentException($"Parameter assignment '{text}' is malformed; the form is 'name:=value', e.g. '-p use_sim_time:=true'.", nameof(text));
        }

        string name = text[..sep];
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/'))
            {
                throw new ArgumentException($"Parameter assignment '{text}': the name '{name}' contains '{c}'; names use letters, digits, '_' and '.' (e.g. 'pid.kp').", nameof(text));
            }
        }

        return new ParameterOverride(name, text[(sep + 2)..]);
    }

    /// <summary>Applies the node name and namespace rules: the first <c>__node</c> and the first <c>__ns</c> rule that apply to the node.</summary>
    /// <param name="nodeName">The node's name as created.</param>
    /// <param name="nodeNamespace">The node's namespace as created.</param>
    /// <returns>The remapped name and namespace.</returns>
    public (string Name, string Namespace) RemapNode(string nodeName, string nodeNamespace)
    {
        string name = nodeName;
        string ns = nodeNamespace;
        foreach (RemapRule r in Remaps)
        {
            if (r.IsNodeName && r.AppliesTo(nodeName))
            {
                name = r.To;
                break;
            }
        }

        foreach (RemapRule r in Remaps)
        {
            if (r.IsNamespace && r.AppliesTo(nodeName))
            {
                ns = r.To;
                break;
            }
        }

        return (name, ns);
    }

    /// <summary>
    /// Applies the topic/service rules to an expanded name: each rule's <c>from</c> is expanded for the node and
    /// compared; the first match's <c>to</c> (expanded) is returned, else <paramref name="expandedName"/>.
    /// </summary>
    /// <param name="expandedName">The fully qualified name.</param>
    /// <param name="nodeName">The node's (remapped) name.</param>
    /// <param name="nodeNamespace">The node's (remapped) namespace.</param>
    /// <returns>The remapped fully qualified name.</returns>
    public string RemapTopic(string expandedName, string nodeName, string nodeNamespace)
    {
        foreach (RemapRule r in Remaps)
        {
            if (r.IsNodeName || r.IsNamespace || !r.AppliesTo(nodeName))
            {
                continue;
            }

            if (RosNames.Expand(r.From, nodeName, nodeNamespace) == expandedName)
            {
                return RosNames.Expand(r.To, nodeName, nodeNamespace);
            }
        }

        return expandedName;
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string flag, string example)
    {
        if (i + 1 >= args.Count || args[i + 1] == "--" || args[i + 1] == "--ros-args")
        {
            throw new ArgumentException($"ROS argument '{flag}' needs a value, e.g. '{example}'.", nameof(args));
        }

        return args[++i];
    }
}
