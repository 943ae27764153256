using Robotics.Nodes.Foxglove;
using Robotics.Ros.Nodes;
using Robotics.Ros.Recording;

namespace Robotics.Cli.Launch;

/// <summary>
/// What <c>robotics launch</c> attaches to the launch's shared context: <c>--record FILE.mcap</c> (a
/// <see cref="RosTopicRecorder"/> writing a rosbag2 MCAP and <c>metadata.yaml</c>) and <c>--foxglove PORT</c> (a
/// <see cref="FoxgloveServer"/> on 127.0.0.1 fed by a <see cref="RosFoxgloveBridge"/>), spun on one thread until disposed.
/// </summary>
internal sealed class LaunchTaps : IDisposable
{
    private readonly RosBagWriter? bag;
    private readonly RosTopicRecorder? recorder;
    private readonly FoxgloveServer? server;
    private readonly RosFoxgloveBridge? bridge;
    private readonly Executor executor = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    public LaunchTaps(RosContext context, string? recordPath, int? foxglovePort)
    {
        try
        {
            if (recordPath is not null)
            {
                bag = RosBagWriter.Create(recordPath);
                recorder = new RosTopicRecorder(context, bag);
                executor.Add(recorder.Node);
            }

            if (foxglovePort is { } port)
            {
                server = new FoxgloveServer(new FoxgloveServerOptions { Port = port, Name = "robotics launch" });
                server.Start();
                bridge = new RosFoxgloveBridge(context, server);
                executor.Add(bridge.Node);
                Console.Error.WriteLine($"robotics launch: foxglove serving {server.Url} (subprotocols foxglove.sdk.v1, foxglove.websocket.v1)");
            }
        }
        catch
        {
            Close();
            throw;
        }

        thread = new Thread(() => executor.Spin(stop.Token)) { IsBackground = true, Name = "launch-taps" };
        thread.Start();
    }

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        Close();
        executor.Dispose();
        stop.Dispose();
    }

    private void Close()
    {
        recorder?.Dispose(); // final poll
        bag?.Dispose();      // finishes the MCAP summary and metadata.yaml
        bridge?.Dispose();
        server?.Dispose();
    }
}
