using Robotics.Ros.Nodes;
using Robotics.Ros.Recording;

namespace Robotics.Cli.Launch;

/// <summary>
/// <c>robotics launch --record FILE.mcap</c>: a <see cref="RosTopicRecorder"/> on the launch's shared context, spun on its
/// own thread, writing a rosbag2 MCAP (and <c>metadata.yaml</c> beside it) until disposed.
/// </summary>
internal sealed class LaunchRecording : IDisposable
{
    private readonly RosBagWriter bag;
    private readonly RosTopicRecorder recorder;
    private readonly Executor executor = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;

    public LaunchRecording(RosContext context, string path)
    {
        bag = RosBagWriter.Create(path);
        try
        {
            recorder = new RosTopicRecorder(context, bag);
        }
        catch
        {
            bag.Dispose();
            throw;
        }

        executor.Add(recorder.Node);
        thread = new Thread(() => executor.Spin(stop.Token)) { IsBackground = true, Name = "launch-recorder" };
        thread.Start();
    }

    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        recorder.Dispose(); // final poll
        bag.Dispose();      // finishes the MCAP summary and metadata.yaml
        executor.Dispose();
        stop.Dispose();
    }
}
