using Robotics.Core.Time;
using RosInt32 = Robotics.Ros.Interfaces.StdMsgs.Int32;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Recording;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Tests.Recording;

public sealed class RosTopicRecorderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rosrec-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Poll_RecordsEveryTopicOfTheContext_AtClockTime()
    {
        var clock = new ManualClock();
        var domain = new InProcessDomain(clock);
        string path = Path.Combine(_folder, "launch.mcap");
        using (var context = RosContext.Init([], new RosContextOptions { TransportName = "inprocess", InProcessDomain = domain, Clock = clock }))
        using (var bag = RosBagWriter.Create(path))
        {
            using var node = new Node(context, "talker", "/rig");
            var counter = node.CreatePublisher<RosInt32>("count", QosProfile.Default);
            var chatter = node.CreatePublisher<Robotics.Ros.Interfaces.StdMsgs.String>("chatter", QosProfile.Default);
            using var recorder = new RosTopicRecorder(context, bag);
            Assert.Equal(["/rig/chatter", "/rig/count"], recorder.RecordedTopics.Order(StringComparer.Ordinal));
            var msg = new RosInt32();
            for (int k = 0; k < 10; k++)
            {
                clock.Advance(SimTime.FromSeconds(0.01));
                msg.Data = k;
                counter.Publish(msg);
                recorder.Poll();
            }

            chatter.Publish(new Robotics.Ros.Interfaces.StdMsgs.String { Data = "bye" });
        }

        McapRecording r = McapReader.ReadFile(path);
        var count = r.FindChannel("/rig/count")!;
        var messages = r.Messages.Where(m => m.ChannelId == count.Id).ToArray();
        Assert.Equal(10, messages.Length);
        var decoded = new RosInt32();
        for (int k = 0; k < 10; k++)
        {
            // Log time = clock time since the recorder was created: the k-th message is polled at (k + 1) * 10 ms.
            Assert.Equal((ulong)((k + 1) * 10_000_000L), messages[k].LogTime);
            Assert.Equal(CdrStatus.Ok, RosInt32.Support.TryDeserialize(messages[k].Data, decoded));
            Assert.Equal(k, decoded.Data);
        }

        // The last sample was taken by Dispose's final poll.
        Assert.Single(r.Messages, m => m.ChannelId == r.FindChannel("/rig/chatter")!.Id);
        Assert.True(File.Exists(Path.Combine(_folder, "metadata.yaml")));
    }
}
