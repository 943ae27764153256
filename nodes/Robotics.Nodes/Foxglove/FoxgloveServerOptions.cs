namespace Robotics.Nodes.Foxglove;

/// <summary>Options of <see cref="FoxgloveServer"/>.</summary>
public sealed record FoxgloveServerOptions
{
    /// <summary>The default port of foxglove_bridge and the Foxglove SDK.</summary>
    public const int DefaultPort = 8765;

    /// <summary>TCP port on 127.0.0.1 (0 picks a free port; read it back from <see cref="FoxgloveServer.Port"/>).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Server name sent in <c>serverInfo</c>.</summary>
    public string Name { get; init; } = "robotics";

    /// <summary>
    /// Messages queued per client before the oldest are dropped (a slow viewer never slows the publisher). Default 1024.
    /// </summary>
    public int ClientQueueLength { get; init; } = 1024;
}
