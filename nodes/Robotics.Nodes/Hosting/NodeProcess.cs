using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Nodes.Hosting;

/// <summary>
/// The <c>Main</c> of a node process (what the ament wrapper at <c>lib/robotics/&lt;exec&gt;</c> ends up running): a generic
/// host with Serilog, one <see cref="RosContext"/> from the command line and environment (Cyclone DDS unless
/// <c>ROBOTICS_ROS_TRANSPORT=inprocess</c>), and the executable as a <see cref="NodeExecutableHostedService"/>.
/// </summary>
public static class NodeProcess
{
    /// <summary>Runs <paramref name="executable"/> until Ctrl-C/SIGTERM or until it finalizes.</summary>
    /// <param name="executable">The node executable.</param>
    /// <param name="args">The process arguments as <c>ros2 launch</c> passes them.</param>
    /// <param name="logger">The logger; null uses <see cref="Log.Logger"/>.</param>
    /// <returns>The exit code: 0 clean, 2 bad arguments (reported through the logger).</returns>
    public static async Task<int> RunAsync(INodeExecutable executable, IReadOnlyList<string> args, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentNullException.ThrowIfNull(args);
        logger ??= Log.Logger;
        RosContext ros;
        try
        {
            // Node-local arguments carry the remaps and parameters; the context only needs the enclave and transport.
            ros = RosContext.Init([]);
        }
        catch (Exception ex) when (ex is ArgumentException or DllNotFoundException)
        {
            logger.Error("{Executable}: cannot join the ROS graph: {Message}", executable.Name, ex.Message);
            return 2;
        }

        using (ros)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSerilog(logger);
            var context = new NodeRunContext(ros, TimeProvider.System, logger);
            builder.Services.AddSingleton(sp => new NodeExecutableHostedService(executable, args, context, sp.GetRequiredService<IHostApplicationLifetime>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeExecutableHostedService>());
            using var host = builder.Build();
            var service = host.Services.GetRequiredService<NodeExecutableHostedService>();
            await host.RunAsync().ConfigureAwait(false); // disposes the host's services
            return service.ExitCode ?? 0;
        }
    }
}
