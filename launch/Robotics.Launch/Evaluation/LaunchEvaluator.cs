using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Robotics.Launch.Expressions;
using Robotics.Launch.Plan;
using Robotics.Launch.Substitutions;
using Robotics.Ros.Nodes;

namespace Robotics.Launch.Evaluation;

/// <summary>
/// Evaluates a ROS 2 XML launch file (<c>*.launch.xml</c>) the way <c>ros2 launch</c> executes it, into a
/// <see cref="LaunchPlan"/>: the nodes with the exact argument lists they would receive, the processes, the declared
/// arguments.
/// </summary>
/// <remarks>
/// <para>Tags: <c>launch</c>, <c>arg</c> (<c>default</c>, <c>description</c>, <c>&lt;choice value&gt;</c>), <c>let</c>,
/// <c>node</c> (<c>pkg exec name namespace args ros_args output on_exit …</c>; children <c>param</c> (<c>name</c>/<c>value</c>,
/// <c>type</c>, <c>value-sep</c>, nested, or <c>from</c> + <c>allow_substs</c>), <c>remap</c>, <c>env</c>), <c>group</c>
/// (<c>scoped</c>, <c>forwarding</c>, <c>&lt;keep&gt;</c>), <c>push-ros-namespace</c>/<c>push_ros_namespace</c>,
/// <c>include</c> (<c>&lt;arg name value&gt;</c>), <c>executable</c>, <c>set_env</c>/<c>unset_env</c>/<c>append_env</c>,
/// <c>set_parameter</c>, <c>set_parameters_from_file</c>, <c>set_remap</c>, <c>log</c>; <c>if</c>/<c>unless</c> on every action.</para>
/// <para>Substitutions: <c>$(var)</c>, <c>$(env NAME [default])</c>, <c>$(optenv)</c>, <c>$(find-pkg-share)</c>,
/// <c>$(find-pkg-prefix)</c>, <c>$(eval)</c> (<see cref="EvalExpression"/>), <c>$(dirname)</c>, <c>$(filename)</c>,
/// <c>$(anon)</c>, <c>$(not)</c>, <c>$(and)</c>, <c>$(or)</c>, <c>$(equals)</c>, <c>$(not-equals)</c>, <c>$(if)</c>.</para>
/// <para>Anything else (an unknown tag or attribute, a Python or YAML launch file, an unknown substitution) is a
/// <see cref="LaunchException"/> naming the file, line and tag. As in ros2 launch, <c>include</c> is not scoped: wrap it in a
/// <c>&lt;group&gt;</c> to keep its arguments from leaking into the including file.</para>
/// </remarks>
public sealed class LaunchEvaluator
{
    private static readonly string[] ActionTags =
    [
        "arg", "let", "node", "executable", "group", "include", "push-ros-namespace", "push_ros_namespace",
        "set_env", "unset_env", "append_env", "set_parameter", "set_parameters_from_file", "set_remap", "log",
    ];

    private static readonly string[] ProcessAttributes =
    [
        "cwd", "name", "output", "shell", "launch-prefix", "emulate_tty", "respawn", "respawn_delay",
        "respawn_max_retries", "sigterm_timeout", "sigkill_timeout", "on_exit",
    ];

    private static readonly Dictionary<string, string[]> Attributes = new(StringComparer.Ordinal)
    {
        ["arg"] = ["name", "default", "description"],
        ["let"] = ["name", "value"],
        ["node"] = ["pkg", "exec", "namespace", "args", "ros_args", "exec_name", .. ProcessAttributes],
        ["executable"] = ["cmd", "args", .. ProcessAttributes],
        ["group"] = ["scoped", "forwarding"],
        ["include"] = ["file"],
        ["push-ros-namespace"] = ["namespace"],
        ["push_ros_namespace"] = ["namespace"],
        ["set_env"] = ["name", "value"],
        ["unset_env"] = ["name"],
        ["append_env"] = ["name", "value", "prepend", "separator"],
        ["set_parameter"] = ["name", "value"],
        ["set_parameters_from_file"] = ["filename"],
        ["set_remap"] = ["from", "to"],
        ["log"] = ["message", "level"],
    };

    private readonly LaunchEvaluationOptions options;
    private readonly PackageLocator packages;
    private readonly Func<string, string?> getEnv;
    private readonly string anonSuffix;
    private readonly Dictionary<string, string> anonNames = new(StringComparer.Ordinal);
    private readonly List<LaunchItem> items = [];
    private readonly List<LaunchArgument> declared = [];
    private readonly List<string> warnings = [];
    private readonly Stack<string> includeStack = new();
    private string generatedDirectory = string.Empty;
    private int generatedCount;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="options">Package lookup, environment and where generated files go; null for the defaults.</param>
    public LaunchEvaluator(LaunchEvaluationOptions? options = null)
    {
        this.options = options ?? new LaunchEvaluationOptions();
        getEnv = this.options.GetEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        packages = this.options.Packages ?? new PackageLocator(null, getEnv);
        anonSuffix = this.options.AnonymousSuffix
            ?? $"{Environment.ProcessId}_{Random.Shared.NextInt64(0, long.MaxValue).ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Evaluates a launch file.</summary>
    /// <param name="launchFile">The <c>*.launch.xml</c> file.</param>
    /// <param name="arguments">Launch arguments from the command line (<c>name:=value</c>).</param>
    /// <returns>The plan; nothing is started and no file is written.</returns>
    /// <exception cref="LaunchException">The file is invalid; the message names the file, line and tag and the fix.</exception>
    public LaunchPlan Evaluate(string launchFile, IReadOnlyDictionary<string, string>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(launchFile);
        items.Clear();
        declared.Clear();
        warnings.Clear();
        includeStack.Clear();
        generatedCount = 0;
        generatedDirectory = options.GeneratedFilesDirectory
            ?? Path.Combine(Path.GetTempPath(), $"robotics-launch-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        var scope = new LaunchScope();
        if (arguments is not null)
        {
            foreach (var (k, v) in arguments) scope.Configurations[k] = v;
        }

        string path = Path.GetFullPath(launchFile);
        RunFile(path, scope, launchFile, 0, "launch");
        if (arguments is not null)
        {
            foreach (string k in arguments.Keys)
            {
                if (!declared.Exists(a => a.Name == k))
                {
                    warnings.Add($"launch argument '{k}' was given but no launch file declares it (typo?); declared: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Select(a => a.Name).Distinct()))}.");
                }
            }
        }

        return new LaunchPlan(path, [.. items], [.. declared], new Dictionary<string, string>(scope.Configurations), [.. warnings]);
    }

    /// <summary>
    /// Lists the arguments a launch file declares without evaluating it (for <c>--show-args</c>): its <c>&lt;arg&gt;</c>
    /// elements outside <c>&lt;include&gt;</c>, at any depth, with defaults as written.
    /// </summary>
    /// <param name="launchFile">The launch file.</param>
    /// <returns>The declared arguments, in document order.</returns>
    /// <exception cref="LaunchException">The file is not a readable launch file.</exception>
    public static IReadOnlyList<LaunchArgument> ReadDeclaredArguments(string launchFile)
    {
        string path = Path.GetFullPath(launchFile);
        XElement root = Load(path, launchFile, 0, "launch");
        var result = new List<LaunchArgument>();
        foreach (XElement el in root.Descendants("arg"))
        {
            if (el.Ancestors("include").Any()) continue;
            result.Add(new LaunchArgument(
                (string?)el.Attribute("name") ?? string.Empty,
                (string?)el.Attribute("default"),
                (string?)el.Attribute("description"),
                el.Elements("choice").Select(c => (string?)c.Attribute("value") ?? string.Empty).ToArray(),
                path));
        }

        return result;
    }

    private static int LineOf(XObject o) => o is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static XElement Load(string path, string shownAs, int line, string tag)
    {
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".py", StringComparison.Ordinal))
        {
            throw new LaunchException(shownAs, line, tag, $"'{path}' is a Python launch file; only XML launch files (*.launch.xml) run here. Port it to XML (same actions and substitutions).");
        }

        if (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal))
        {
            throw new LaunchException(shownAs, line, tag, $"'{path}' is a YAML launch file; only XML launch files (*.launch.xml) run here. Write it as XML.");
        }

        if (!File.Exists(path))
        {
            throw new LaunchException(shownAs, line, tag, $"launch file '{path}' does not exist. Check the path (relative paths resolve from the working directory; write $(dirname)/other.launch.xml for a file next to this one).");
        }

        XDocument doc;
        try
        {
            doc = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new LaunchException(path, e.LineNumber, "launch", $"not well-formed XML: {e.Message}", e);
        }

        XElement root = doc.Root!;
        if (root.Name.LocalName != "launch" || root.Name.Namespace != XNamespace.None)
        {
            throw new LaunchException(path, LineOf(root), root.Name.LocalName, "the root element of a launch file must be <launch>.");
        }

        foreach (XAttribute a in root.Attributes())
        {
            if (a.IsNamespaceDeclaration || a.Name.LocalName == "version") continue;
            throw new LaunchException(path, LineOf(root), "launch", $"unknown attribute '{a.Name}'; <launch> takes only 'version'.");
        }

        foreach (XElement child in root.Elements()) Validate(child, path, "launch");
        return root;
    }

    /// <summary>Checks tags, attributes and children before anything runs, so a typo fails even in a branch that is switched off.</summary>
    private static void Validate(XElement el, string file, string parent)
    {
        string tag = el.Name.LocalName;
        int line = LineOf(el);
        if (el.Name.Namespace != XNamespace.None)
        {
            throw new LaunchException(file, line, el.Name.ToString(), "XML namespaces are not used in launch files; remove the prefix.");
        }

        string[] allowedAttributes;
        string[] allowedChildren;
        bool conditional = false;
        switch (parent)
        {
            case "launch" or "group":
                if (parent == "group" && tag == "keep")
                {
                    allowedAttributes = ["name", "value"];
                    allowedChildren = [];
                    break;
                }

                if (!Attributes.TryGetValue(tag, out string[]? attrs))
                {
                    string close = string.Join(", ", ActionTags);
                    string hint = tag switch
                    {
                        "param" => " <param> belongs inside <node>; at launch level use <set_parameter name value/>.",
                        "remap" => " <remap> belongs inside <node>; at launch level use <set_remap from to/>.",
                        "env" => " <env> belongs inside <node>/<executable>; at launch level use <set_env name value/>.",
                        "lifecycle_node" or "node_container" or "composable_node" or "load_composable_node" => " Use <node> (our nodes are managed nodes; drive transitions through the lifecycle services).",
                        _ => string.Empty,
                    };
                    throw new LaunchException(file, line, tag, $"unsupported tag. Supported here: {close}{(parent == "group" ? ", keep" : string.Empty)}.{hint}");
                }

                allowedAttributes = attrs;
                allowedChildren = tag switch
                {
                    "arg" => ["choice"],
                    "node" => ["param", "remap", "env"],
                    "executable" => ["env"],
                    "include" => ["arg"],
                    "group" => [.. ActionTags, "keep"],
                    _ => [],
                };
                conditional = true;
                break;
            case "arg":
                allowedAttributes = ["value"];
                allowedChildren = [];
                break;
            case "node":
                switch (tag)
                {
                    case "param":
                        allowedAttributes = ["name", "value", "type", "value-sep", "from", "allow_substs"];
                        allowedChildren = ["param"];
                        break;
                    case "remap":
                        allowedAttributes = ["from", "to"];
                        allowedChildren = [];
                        break;
                    case "env":
                        allowedAttributes = ["name", "value"];
                        allowedChildren = [];
                        break;
                    default:
                        throw new LaunchException(file, line, tag, "unsupported tag inside <node>; use <param>, <remap> or <env>.");
                }

                break;
            case "param":
                if (tag != "param") throw new LaunchException(file, line, tag, "only nested <param> elements may appear inside <param>.");
                allowedAttributes = ["name", "value", "type", "value-sep"];
                allowedChildren = ["param"];
                break;
            case "executable":
                if (tag != "env") throw new LaunchException(file, line, tag, "unsupported tag inside <executable>; only <env name value/> is allowed.");
                allowedAttributes = ["name", "value"];
                allowedChildren = [];
                break;
            case "include":
                if (tag != "arg") throw new LaunchException(file, line, tag, "unsupported tag inside <include>; pass arguments with <arg name=\"…\" value=\"…\"/>.");
                allowedAttributes = ["name", "value"];
                allowedChildren = [];
                break;
            default:
                throw new LaunchException(file, line, tag, $"unexpected tag inside <{parent}>.");
        }

        if (parent == "arg" && tag != "choice")
        {
            throw new LaunchException(file, line, tag, "only <choice value=\"…\"/> may appear inside <arg>.");
        }

        foreach (XAttribute a in el.Attributes())
        {
            string name = a.Name.LocalName;
            if (a.Name.Namespace != XNamespace.None || (Array.IndexOf(allowedAttributes, name) < 0 && !(conditional && name is "if" or "unless")))
            {
                throw new LaunchException(file, line, tag,
                    $"unsupported attribute '{a.Name}'. <{tag}> takes: {string.Join(", ", allowedAttributes)}{(conditional ? ", if, unless" : string.Empty)}.");
            }
        }

        foreach (XElement child in el.Elements())
        {
            if (Array.IndexOf(allowedChildren, child.Name.LocalName) < 0 && !(tag == "group"))
            {
                throw new LaunchException(file, LineOf(child), child.Name.LocalName,
                    allowedChildren.Length == 0 ? $"<{tag}> takes no child elements." : $"unsupported tag inside <{tag}>; allowed: {string.Join(", ", allowedChildren)}.");
            }

            Validate(child, file, tag is "arg" or "node" or "param" or "executable" or "include" or "group" ? tag : "none");
        }
    }

    private void RunFile(string path, LaunchScope scope, string shownAs, int line, string tag)
    {
        if (includeStack.Contains(path))
        {
            throw new LaunchException(shownAs, line, tag, $"'{path}' includes itself (through {string.Join(" <- ", includeStack)}); remove the cycle.");
        }

        XElement root = Load(path, shownAs, line, tag);
        includeStack.Push(path);
        try
        {
            RunChildren(root, scope, path);
        }
        finally
        {
            includeStack.Pop();
        }
    }

    private void RunChildren(XElement parent, LaunchScope scope, string file)
    {
        foreach (XElement el in parent.Elements())
        {
            if (el.Name.LocalName == "keep") continue;
            if (!ConditionHolds(el, scope, file)) continue;
            Run(el, scope, file);
        }
    }

    private bool ConditionHolds(XElement el, LaunchScope scope, string file)
    {
        if (el.Attribute("if") is { } ifAttr && !Condition(el, ifAttr, scope, file)) return false;
        if (el.Attribute("unless") is { } unlessAttr && Condition(el, unlessAttr, scope, file)) return false;
        return true;
    }

    private bool Condition(XElement el, XAttribute attr, LaunchScope scope, string file)
    {
        string value = Substitute(attr.Value, scope, file, el, attr.Name.LocalName);
        return ParseBool(value) ?? throw Fail(file, el,
            $"{attr.Name.LocalName}=\"{attr.Value}\" evaluated to '{value}'; a condition must be true, false, 1 or 0 (case-insensitive).");
    }

    private static bool? ParseBool(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static LaunchException Fail(string file, XElement el, string problem) => new(file, LineOf(el), el.Name.LocalName, problem);

    private void Run(XElement el, LaunchScope scope, string file)
    {
        switch (el.Name.LocalName)
        {
            case "arg":
                DeclareArgument(el, scope, file);
                break;
            case "let":
                scope.Configurations[Required(el, "name", scope, file)] = Required(el, "value", scope, file, allowEmpty: true);
                break;
            case "node":
                items.Add(Node(el, scope, file));
                break;
            case "executable":
                items.Add(Executable(el, scope, file));
                break;
            case "group":
                Group(el, scope, file);
                break;
            case "include":
                Include(el, scope, file);
                break;
            case "push-ros-namespace" or "push_ros_namespace":
                {
                    string ns = Required(el, "namespace", scope, file, allowEmpty: true);
                    string? result = MakeAbsolute(PrefixNamespace(scope.RosNamespace, ns.Length == 0 ? null : ns));
                    CheckNamespace(result, el, file);
                    scope.RosNamespace = result;
                    break;
                }

            case "set_env":
                scope.Environment[Required(el, "name", scope, file)] = Required(el, "value", scope, file, allowEmpty: true);
                break;
            case "unset_env":
                scope.Environment[Required(el, "name", scope, file)] = null;
                break;
            case "append_env":
                {
                    string name = Required(el, "name", scope, file);
                    string value = Required(el, "value", scope, file, allowEmpty: true);
                    bool prepend = OptionalBool(el, "prepend", scope, file) ?? false;
                    string separator = Optional(el, "separator", scope, file) ?? ":";
                    string? current = LookupEnv(name, scope);
                    scope.Environment[name] = string.IsNullOrEmpty(current) ? value : prepend ? value + separator + current : current + separator + value;
                    break;
                }

            case "set_parameter":
                scope.GlobalParameters.Add(new GlobalParameter(CheckedParameterName(el, scope, file), Required(el, "value", scope, file, allowEmpty: true), null));
                break;
            case "set_parameters_from_file":
                scope.GlobalParameters.Add(new GlobalParameter(null, null, ExistingParamsFile(el, "filename", scope, file)));
                break;
            case "set_remap":
                scope.Remaps.Add(new(Required(el, "from", scope, file), Required(el, "to", scope, file)));
                CheckRemap(scope.Remaps[^1], el, file);
                break;
            case "log":
                {
                    string level = Optional(el, "level", scope, file) ?? "info";
                    if (level is not ("info" or "warning" or "warn" or "error" or "debug"))
                    {
                        throw Fail(file, el, $"level=\"{level}\" is not a log level; use info, warning, error or debug.");
                    }

                    items.Add(new LaunchLogMessage(file, LineOf(el), level, Required(el, "message", scope, file, allowEmpty: true)));
                    break;
                }

            default:
                throw Fail(file, el, "unsupported tag.");
        }
    }

    private void DeclareArgument(XElement el, LaunchScope scope, string file)
    {
        string name = Required(el, "name", scope, file);
        string[] choices = el.Elements("choice")
            .Select(c => Substitute(c.Attribute("value")?.Value ?? throw Fail(file, c, "<choice> needs a value attribute."), scope, file, c, "value"))
            .ToArray();
        string? rawDefault = el.Attribute("default")?.Value;
        if (!declared.Exists(a => a.Name == name && a.SourceFile == file))
        {
            declared.Add(new LaunchArgument(name, rawDefault, el.Attribute("description")?.Value, choices, file));
        }

        if (!scope.Configurations.TryGetValue(name, out string? value))
        {
            if (rawDefault is null)
            {
                string by = includeStack.Count > 1 ? $" by the included file '{file}'" : string.Empty;
                throw Fail(file, el,
                    $"launch argument '{name}' is required{by} and was not given. Pass it as '{name}:=value' ({(includeStack.Count > 1 ? "<arg name=\"" + name + "\" value=\"…\"/> in the <include>" : "on the command line")}), or give the <arg> a default.");
            }

            value = Substitute(rawDefault, scope, file, el, "default");
            scope.Configurations[name] = value;
        }

        if (choices.Length > 0 && Array.IndexOf(choices, value) < 0)
        {
            throw Fail(file, el, $"launch argument '{name}' is '{value}', which is not one of its choices: {string.Join(", ", choices)}. Pass one of them, e.g. {name}:={choices[0]}.");
        }
    }

    private void Group(XElement el, LaunchScope scope, string file)
    {
        bool scoped = OptionalBool(el, "scoped", scope, file) ?? true;
        bool forwarding = OptionalBool(el, "forwarding", scope, file) ?? true;
        if (!scoped && !forwarding)
        {
            throw Fail(file, el, "forwarding=\"false\" needs scoped=\"true\" (an unscoped group cannot hide configurations).");
        }

        LaunchScope inner = !scoped ? scope : forwarding ? scope.Clone() : scope.CloneWithoutConfigurations();
        foreach (XElement keep in el.Elements("keep"))
        {
            string name = Required(keep, "name", scope, file);
            inner.Configurations[name] = keep.Attribute("value") is { } v
                ? Substitute(v.Value, scope, file, keep, "value")
                : scope.Configurations.TryGetValue(name, out string? current)
                    ? current
                    : throw Fail(file, keep, $"<keep name=\"{name}\"> without a value needs '{name}' to be set in the enclosing scope.");
        }

        RunChildren(el, inner, file);
    }

    private void Include(XElement el, LaunchScope scope, string file)
    {
        string target = Required(el, "file", scope, file);
        var values = new List<KeyValuePair<string, string>>();
        foreach (XElement arg in el.Elements("arg"))
        {
            values.Add(new(Required(arg, "name", scope, file), Required(arg, "value", scope, file, allowEmpty: true)));
        }

        foreach (var (k, v) in values) scope.Configurations[k] = v;
        RunFile(Path.GetFullPath(target), scope, file, LineOf(el), "include");
    }

    private PlannedNode Node(XElement el, LaunchScope scope, string file)
    {
        string pkg = Required(el, "pkg", scope, file);
        string exec = Required(el, "exec", scope, file);
        string? name = Optional(el, "name", scope, file);
        if (name is not null && RosNames.ValidateNodeName(name) is { } badName)
        {
            throw Fail(file, el, $"name=\"{name}\" is not a valid node name: {badName}.");
        }

        string? ownNs = Optional(el, "namespace", scope, file);
        string? ns = MakeAbsolute(PrefixNamespace(scope.RosNamespace, string.IsNullOrEmpty(ownNs) ? null : ownNs));
        CheckNamespace(ns, el, file);

        var argv = new List<string>();
        if (Optional(el, "args", scope, file) is { } userArgs) argv.AddRange(Split(userArgs, el, file, "args"));
        if (Optional(el, "ros_args", scope, file) is { } rosArgs)
        {
            argv.Add("--ros-args");
            argv.AddRange(Split(rosArgs, el, file, "ros_args"));
        }

        argv.Add("--ros-args");
        if (name is not null) argv.AddRange(["-r", $"__node:={name}"]);
        if (ns is not null) argv.AddRange(["-r", $"__ns:={ns}"]);
        foreach (GlobalParameter g in scope.GlobalParameters)
        {
            if (g.File is not null) argv.AddRange(["--params-file", g.File]);
            else argv.AddRange(["-p", $"{g.Name}:={g.Value}"]);
        }

        var generated = new List<GeneratedFile>();
        var inline = new List<KeyValuePair<string, object>>();
        foreach (XElement p in el.Elements("param"))
        {
            bool hasFrom = p.Attribute("from") is not null;
            bool hasName = p.Attribute("name") is not null;
            if (hasFrom == hasName)
            {
                throw Fail(file, p, hasFrom
                    ? "'name' and 'from' are mutually exclusive: use <param name=\"x\" value=\"1\"/> or <param from=\"file.yaml\"/>."
                    : "a <param> needs either name (with value or nested <param>s) or from=\"params.yaml\".");
            }

            if (hasFrom)
            {
                foreach (string a in new[] { "value", "type", "value-sep" })
                {
                    if (p.Attribute(a) is not null) throw Fail(file, p, $"'{a}' cannot be combined with 'from'.");
                }

                if (p.HasElements) throw Fail(file, p, "<param from=…> takes no nested <param>s.");
                string path = ExistingParamsFile(p, "from", scope, file);
                if (OptionalBool(p, "allow_substs", scope, file) == true)
                {
                    string text = Substitute(File.ReadAllText(path), scope, file, p, $"contents of {path}");
                    var g = new GeneratedFile(NextGeneratedPath(Path.GetFileNameWithoutExtension(path)), text);
                    generated.Add(g);
                    path = g.Path;
                }

                argv.AddRange(["--params-file", path]);
            }
            else
            {
                if (p.Attribute("allow_substs") is not null) throw Fail(file, p, "'allow_substs' applies only to <param from=…>.");
                AddInline(inline, p, scope, file);
            }
        }

        if (inline.Count > 0)
        {
            string key = name is not null && ns is not null ? (ns == "/" ? "/" + name : ns + "/" + name) : "/**";
            var g = new GeneratedFile(NextGeneratedPath(name ?? exec), ParameterYaml.Write(key, inline));
            generated.Add(g);
            argv.AddRange(["--params-file", g.Path]);
        }

        var remaps = new List<KeyValuePair<string, string>>(scope.Remaps);
        foreach (XElement r in el.Elements("remap"))
        {
            var rule = new KeyValuePair<string, string>(Required(r, "from", scope, file), Required(r, "to", scope, file));
            CheckRemap(rule, r, file);
            remaps.Add(rule);
        }

        foreach (var (from, to) in remaps) argv.AddRange(["-r", $"{from}:={to}"]);

        var (output, shutdown, env) = ProcessOptions(el, scope, file);
        return new PlannedNode(file, LineOf(el), pkg, exec, name, ns, argv, generated, env, output, shutdown);
    }

    private PlannedProcess Executable(XElement el, LaunchScope scope, string file)
    {
        List<string> command = Split(Required(el, "cmd", scope, file), el, file, "cmd");
        if (Optional(el, "args", scope, file) is { } extra) command.AddRange(Split(extra, el, file, "args"));
        if (command.Count == 0) throw Fail(file, el, "cmd is empty; give the program to run, e.g. cmd=\"dotnet tool.dll --flag\".");
        bool shell = OptionalBool(el, "shell", scope, file) ?? false;
        string? cwd = Optional(el, "cwd", scope, file);
        var (output, shutdown, env) = ProcessOptions(el, scope, file);
        return new PlannedProcess(file, LineOf(el), command, shell, cwd, Optional(el, "name", scope, file), env, output, shutdown);
    }

    private (string Output, bool Shutdown, Dictionary<string, string?> Env) ProcessOptions(XElement el, LaunchScope scope, string file)
    {
        string output = Optional(el, "output", scope, file) ?? "log";
        if (output is not ("screen" or "log" or "both"))
        {
            throw Fail(file, el, $"output=\"{output}\" is not valid; use screen, log or both.");
        }

        string? onExit = Optional(el, "on_exit", scope, file);
        if (onExit is not null && onExit != "shutdown")
        {
            throw Fail(file, el, $"on_exit=\"{onExit}\" is not supported; the only value is 'shutdown' (stop the whole launch when this process exits).");
        }

        if (OptionalBool(el, "respawn", scope, file) == true)
        {
            warnings.Add($"{file}:{LineOf(el)}: respawn=\"true\" is honoured by ros2 launch but not by the in-process launcher (a node that exits stays down).");
        }

        if (Optional(el, "launch-prefix", scope, file) is { Length: > 0 } prefix)
        {
            warnings.Add($"{file}:{LineOf(el)}: launch-prefix=\"{prefix}\" applies under ros2 launch only; in-process nodes ignore it.");
        }

        foreach (string a in new[] { "emulate_tty", "sigterm_timeout", "sigkill_timeout", "respawn_delay", "respawn_max_retries", "exec_name" })
        {
            _ = Optional(el, a, scope, file);
        }

        var env = new Dictionary<string, string?>(scope.Environment, StringComparer.Ordinal);
        foreach (XElement e in el.Elements("env"))
        {
            env[Required(e, "name", scope, file)] = Required(e, "value", scope, file, allowEmpty: true);
        }

        return (output, onExit is not null, env);
    }

    private void AddInline(List<KeyValuePair<string, object>> map, XElement p, LaunchScope scope, string file)
    {
        string name = Required(p, "name", scope, file);
        if (name.Split('.').Any(part => part.Length == 0 || !part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            throw Fail(file, p, $"parameter name '{name}' is invalid; use letters, digits, '_' and '.' (e.g. pid.kp).");
        }

        object value;
        if (p.HasElements)
        {
            if (p.Attribute("value") is not null || p.Attribute("type") is not null)
            {
                throw Fail(file, p, "a <param> with nested <param>s cannot have a value or type.");
            }

            var nested = new List<KeyValuePair<string, object>>();
            foreach (XElement child in p.Elements("param")) AddInline(nested, child, scope, file);
            value = nested;
        }
        else
        {
            string raw = Required(p, "value", scope, file, allowEmpty: true);
            string? type = Optional(p, "type", scope, file);
            string? sep = Optional(p, "value-sep", scope, file);
            try
            {
                if (sep is not null)
                {
                    if (sep.Length == 0) throw new FormatException("value-sep is empty.");
                    string[] parts = raw.Length == 0 ? [] : raw.Split(sep);
                    object[] list = parts.Select(s => type is null ? ParameterYaml.Infer(s) : ParameterYaml.Convert(s, type)).ToArray();
                    if (list.Length > 1 && list.Select(v => v is long ? typeof(double) : v.GetType()).Distinct().Count() > 1)
                    {
                        throw new FormatException($"the list '{raw}' mixes types; ROS parameters hold lists of one type (quote strings or give type=\"str\").");
                    }

                    if (list.Any(v => v is double)) list = list.Select(v => v is long l ? (object)(double)l : v).ToArray();
                    value = list;
                }
                else
                {
                    value = type is null ? ParameterYaml.Infer(raw) : ParameterYaml.Convert(raw, type);
                }
            }
            catch (FormatException e)
            {
                throw Fail(file, p, $"parameter '{name}': {e.Message}");
            }
        }

        int existing = map.FindIndex(kv => kv.Key == name);
        if (existing >= 0) map[existing] = new(name, value);
        else map.Add(new(name, value));
    }

    private string ExistingParamsFile(XElement el, string attr, LaunchScope scope, string file)
    {
        string raw = Required(el, attr, scope, file);
        string path = Path.GetFullPath(raw);
        if (!File.Exists(path))
        {
            throw Fail(file, el,
                $"parameter file '{raw}' does not exist ({path}). Relative paths resolve from the working directory; use $(find-pkg-share robotics)/params/<file>.yaml or $(dirname)/<file>.yaml.");
        }

        return path;
    }

    private string CheckedParameterName(XElement el, LaunchScope scope, string file)
    {
        string name = Required(el, "name", scope, file);
        try
        {
            _ = RosArguments.ParseParameter(name + ":=x");
        }
        catch (ArgumentException e)
        {
            throw Fail(file, el, e.Message);
        }

        return name;
    }

    private static void CheckRemap(KeyValuePair<string, string> rule, XElement el, string file)
    {
        try
        {
            _ = RosArguments.ParseRemap($"{rule.Key}:={rule.Value}");
        }
        catch (ArgumentException e)
        {
            throw Fail(file, el, e.Message);
        }
    }

    private static void CheckNamespace(string? ns, XElement el, string file)
    {
        if (ns is not null && RosNames.ValidateNamespace(ns) is { } bad)
        {
            throw Fail(file, el, $"namespace '{ns}' is invalid: {bad}.");
        }
    }

    /// <summary>launch_ros <c>prefix_namespace</c>: a relative namespace goes under the base, an absolute one replaces it.</summary>
    private static string? PrefixNamespace(string? baseNs, string? ns)
    {
        if (ns is null) return baseNs;
        if (baseNs is null || ns.StartsWith('/')) return ns;
        return baseNs.TrimEnd('/') + "/" + ns;
    }

    private static string? MakeAbsolute(string? ns)
    {
        if (ns is null) return null;
        if (!ns.StartsWith('/')) ns = "/" + ns;
        return ns.Length > 1 ? ns.TrimEnd('/') : ns;
    }

    private string NextGeneratedPath(string stem)
    {
        generatedCount++;
        string safe = new(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return Path.Combine(generatedDirectory, $"launch_params_{generatedCount.ToString(CultureInfo.InvariantCulture)}_{safe}.yaml");
    }

    private List<string> Split(string text, XElement el, string file, string attr)
    {
        try
        {
            return CommandLineSplitter.Split(text);
        }
        catch (FormatException e)
        {
            throw Fail(file, el, $"{attr}: {e.Message}");
        }
    }

    private string Required(XElement el, string attr, LaunchScope scope, string file, bool allowEmpty = false)
    {
        XAttribute a = el.Attribute(attr) ?? throw Fail(file, el, $"the '{attr}' attribute is required.");
        string value = Substitute(a.Value, scope, file, el, attr);
        if (!allowEmpty && value.Length == 0) throw Fail(file, el, $"'{attr}' is empty (\"{a.Value}\").");
        return value;
    }

    private string? Optional(XElement el, string attr, LaunchScope scope, string file) =>
        el.Attribute(attr) is { } a ? Substitute(a.Value, scope, file, el, attr) : null;

    private bool? OptionalBool(XElement el, string attr, LaunchScope scope, string file)
    {
        if (Optional(el, attr, scope, file) is not { } text) return null;
        return ParseBool(text) ?? throw Fail(file, el, $"{attr}=\"{text}\" must be true or false.");
    }

    private string Substitute(string raw, LaunchScope scope, string file, XElement el, string attr)
    {
        if (!SubstitutionParser.HasSubstitutions(raw)) return raw;
        try
        {
            return Evaluate(SubstitutionParser.Parse(raw), scope, file);
        }
        catch (Exception e) when (e is FormatException or DirectoryNotFoundException)
        {
            throw new LaunchException(file, LineOf(el), el.Name.LocalName, $"{attr}=\"{raw}\": {e.Message}", e);
        }
    }

    private string Evaluate(IReadOnlyList<TextPart> parts, LaunchScope scope, string file)
    {
        if (parts.Count == 1 && parts[0] is LiteralPart only) return only.Text;
        var sb = new StringBuilder();
        foreach (TextPart part in parts)
        {
            if (part is LiteralPart lit)
            {
                sb.Append(lit.Text);
                continue;
            }

            var sub = (SubstitutionPart)part;
            var args = new string[sub.Arguments.Count];
            for (int i = 0; i < args.Length; i++) args[i] = Evaluate(sub.Arguments[i], scope, file);
            sb.Append(Apply(sub, args, scope, file));
        }

        return sb.ToString();
    }

    private string Apply(SubstitutionPart sub, string[] args, LaunchScope scope, string file)
    {
        string name = sub.Name;
        void Arity(int min, int max, string form)
        {
            if (args.Length < min || args.Length > max)
            {
                throw new FormatException($"$({name}) takes {form}, got {args.Length} argument(s).");
            }
        }

        bool Bool(string v) => ParseBool(v) ?? throw new FormatException($"$({name}): '{v}' is not a boolean (true, false, 1, 0).");

        switch (name)
        {
            case "var":
                Arity(1, 1, "one name: $(var name)");
                return scope.Configurations.TryGetValue(args[0], out string? value)
                    ? value
                    : throw new FormatException($"launch configuration '{args[0]}' is not set. Declare it before use with <arg name=\"{args[0]}\" default=\"…\"/> or <let name=\"{args[0]}\" value=\"…\"/>, or pass {args[0]}:=value.");
            case "env" or "optenv":
                Arity(1, 2, $"a variable name and an optional default: $({name} NAME [default])");
                return LookupEnv(args[0], scope) ?? (args.Length == 2 ? args[1]
                    : name == "optenv" ? string.Empty
                    : throw new FormatException($"environment variable '{args[0]}' is not set. Export it, or give a default: $(env {args[0]} default) ($(env {args[0]} '') for empty)."));
            case "find-pkg-share":
                Arity(1, 1, "one package: $(find-pkg-share robotics)");
                return packages.FindShare(args[0]);
            case "find-pkg-prefix":
                Arity(1, 1, "one package: $(find-pkg-prefix robotics)");
                return packages.FindPrefix(args[0]);
            case "eval":
                Arity(1, int.MaxValue, "an expression: $(eval '1 + 2')");
                return EvalExpression.Evaluate(string.Join(' ', args));
            case "dirname":
                Arity(0, 0, "no arguments");
                return Path.GetDirectoryName(file) ?? ".";
            case "filename":
                Arity(0, 0, "no arguments");
                return file;
            case "anon":
                Arity(1, 1, "one base name: $(anon talker)");
                if (!anonNames.TryGetValue(args[0], out string? anon))
                {
                    anon = new string($"{args[0]}_{anonSuffix}".Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
                    anonNames[args[0]] = anon;
                }

                return anon;
            case "not":
                Arity(1, 1, "one boolean");
                return Bool(args[0]) ? "false" : "true";
            case "and":
                Arity(2, int.MaxValue, "two or more booleans");
                return args.All(Bool) ? "true" : "false";
            case "or":
                Arity(2, int.MaxValue, "two or more booleans");
                return args.Any(Bool) ? "true" : "false";
            case "equals" or "not-equals":
                {
                    Arity(2, 2, "two values");
                    bool equal = double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
                        && double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b)
                            ? a == b
                            : ParseBool(args[0]) is { } x && ParseBool(args[1]) is { } y ? x == y : args[0] == args[1];
                    return equal == (name == "equals") ? "true" : "false";
                }

            case "if":
                Arity(2, 3, "a condition and one or two values: $(if cond a [b])");
                return Bool(args[0]) ? args[1] : args.Length == 3 ? args[2] : string.Empty;
            case "arg":
                throw new FormatException("$(arg name) is ROS 1 syntax; ROS 2 launch files use $(var name).");
            default:
                throw new FormatException(
                    $"substitution $({name}) is not supported here. Supported: var, env, optenv, find-pkg-share, find-pkg-prefix, eval, dirname, filename, anon, not, and, or, equals, not-equals, if.");
        }
    }

    private string? LookupEnv(string name, LaunchScope scope) =>
        scope.Environment.TryGetValue(name, out string? v) ? v : getEnv(name);
}
