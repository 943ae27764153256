using System.Globalization;
using System.Text;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Launch.Running;

/// <summary>
/// One node executable as its own process: what the wrapper <c>lib/robotics/&lt;exec&gt;</c> of the ament package runs
/// (<c>dotnet Robotics.NodeRunner.dll &lt;exec&gt; [args…] --ros-args …</c>) when <c>ros2 launch</c> or <c>ros2 run</c> starts it.
/// </summary>
/// <remarks>
/// It finds the executable in the catalog, checks the <c>--ros-args</c> blocks, and hands over to
/// <see cref="NodeProcess"/> (Cyclone DDS unless <c>ROBOTICS_ROS_TRANSPORT</c> says otherwise; SIGINT and SIGTERM, which
/// ros2 launch sends on shutdown, stop the node cleanly). With <c>ROBOTICS_NODE_RUNNER_ECHO=1</c> the
/// runner prints how it parsed its arguments and exits without starting the node (to check what ros2 launch passed).
/// </remarks>
public static class NodeRunnerCommand
{
    /// <summary>Exit code for bad arguments or an unknown executable.</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Runs the runner's command line.</summary>
    /// <param name="args">The process arguments: <c>&lt;exec&gt; [args…]</c>, or <c>--list-executables</c>.</param>
    /// <param name="catalog">The executables.</param>
    /// <param name="output">Where listings and the echo go.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="getEnvironmentVariable">Environment lookup; null reads the process environment.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, NodeExecutableCatalog catalog, TextWriter output, ILogger logger,
        Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(logger);
        Func<string, string?> env = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            output.WriteLine("usage: Robotics.NodeRunner <executable> [arguments...] [--ros-args ...]   (what lib/robotics/<executable> runs)");
            output.WriteLine("       Robotics.NodeRunner --list-executables");
            return args.Count == 0 ? ExitInvalidInput : 0;
        }

        if (args[0] == "--list-executables")
        {
            foreach (INodeExecutable e in catalog.All) output.WriteLine(e.Name);
            return 0;
        }

        string name = args[0];
        string[] rest = [.. args.Skip(1)];
        RosArguments parsed;
        try
        {
            parsed = RosArguments.Parse(rest);
        }
        catch (ArgumentException e)
        {
            logger.Error("{Executable}: {Message}", name, e.Message);
            return ExitInvalidInput;
        }

        if (env("ROBOTICS_NODE_RUNNER_ECHO") == "1")
        {
            output.Write(Describe(name, rest, parsed));
            return 0;
        }

        INodeExecutable? exe = catalog.All.FirstOrDefault(e => e.Name == name);
        if (exe is null)
        {
            logger.Error("unknown node executable '{Executable}'; this build has: {Known}", name,
                catalog.All.Count == 0 ? "none" : string.Join(", ", catalog.All.Select(e => e.Name)));
            return ExitInvalidInput;
        }

        // The process itself (generic host, Serilog, one RosContext on Cyclone DDS unless ROBOTICS_ROS_TRANSPORT says
        // otherwise, clean stop on SIGINT/SIGTERM) is the node host's NodeProcess.
        return await NodeProcess.RunAsync(exe, rest, logger).ConfigureAwait(false);
    }

    /// <summary>The text <c>ROBOTICS_NODE_RUNNER_ECHO=1</c> prints: one <c>key: value</c> line per parsed item.</summary>
    /// <param name="executable">The executable name.</param>
    /// <param name="args">The arguments after the executable.</param>
    /// <param name="parsed">Their parse.</param>
    /// <returns>The description.</returns>
    public static string Describe(string executable, IReadOnlyList<string> args, RosArguments parsed)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(parsed);
        var sb = new StringBuilder();
        var (nodeName, ns) = parsed.RemapNode("<default>", "/");
        sb.Append(CultureInfo.InvariantCulture, $"executable: {executable}\n");
        sb.Append(CultureInfo.InvariantCulture, $"argc: {args.Count}\n");
        sb.Append(CultureInfo.InvariantCulture, $"user_args: {string.Join(' ', parsed.UserArguments)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"node_name: {nodeName}\n");
        sb.Append(CultureInfo.InvariantCulture, $"namespace: {ns}\n");
        foreach (string f in parsed.ParamsFiles) sb.Append(CultureInfo.InvariantCulture, $"params_file: {f}\n");
        foreach (ParameterOverride p in parsed.Parameters) sb.Append(CultureInfo.InvariantCulture, $"param: {p.Name}={p.Value}\n");
        foreach (RemapRule r in parsed.Remaps)
        {
            if (!r.IsNodeName && !r.IsNamespace) sb.Append(CultureInfo.InvariantCulture, $"remap: {r.From}->{r.To}\n");
        }

        return sb.ToString();
    }

}
