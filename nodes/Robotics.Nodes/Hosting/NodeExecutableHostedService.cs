using Microsoft.Extensions.Hosting;

namespace Robotics.Nodes.Hosting;

/// <summary>
/// Runs one <see cref="INodeExecutable"/> as a Microsoft.Extensions.Hosting hosted service: started with the host,
/// cancelled (clean lifecycle shutdown: safe command, deactivate, cleanup) when the host stops (Ctrl-C, SIGTERM from
/// <c>ros2 launch</c>). When the executable ends by itself (finalized, or bad arguments) the host is asked to stop.
/// </summary>
public sealed class NodeExecutableHostedService : BackgroundService
{
    private readonly INodeExecutable _executable;
    private readonly IReadOnlyList<string> _args;
    private readonly NodeRunContext _context;
    private readonly IHostApplicationLifetime? _lifetime;

    /// <summary>Creates the service.</summary>
    /// <param name="executable">The node executable.</param>
    /// <param name="args">Its arguments (user arguments and <c>--ros-args</c> blocks).</param>
    /// <param name="context">Where it runs.</param>
    /// <param name="lifetime">The host's lifetime, stopped when the executable returns; null to leave the host running.</param>
    public NodeExecutableHostedService(INodeExecutable executable, IReadOnlyList<string> args, NodeRunContext context, IHostApplicationLifetime? lifetime = null)
    {
        _executable = executable ?? throw new ArgumentNullException(nameof(executable));
        _args = args ?? throw new ArgumentNullException(nameof(args));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _lifetime = lifetime;
    }

    /// <summary>The executable's exit code once it returned (0 clean, 2 bad arguments), else null.</summary>
    public int? ExitCode { get; private set; }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        ExitCode = await _executable.RunAsync(_args, _context, stoppingToken).ConfigureAwait(false);
        _lifetime?.StopApplication();
    }
}
