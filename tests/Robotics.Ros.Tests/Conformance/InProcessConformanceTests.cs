using Robotics.Ros.Transport;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Conformance;

/// <summary>The conformance suite against <see cref="InProcessTransport"/> (all participants on one <see cref="InProcessDomain"/>).</summary>
public sealed class InProcessConformanceTests : TransportConformanceTests
{
    private readonly InProcessDomain _domain = new();

    protected override string TopicPrefix => "inproc";

    protected override IRosTransport NewParticipant() => new InProcessTransport(_domain);

    [Fact]
    public void MalformedSamples_AreDroppedAndCounted_NeverDelivered()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("malformed");
        var w = (InProcessWriter)Own(a.CreateWriter(new EndpointOptions(topic, RosString.Support, QosProfile.Default)));
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosString.Support, QosProfile.Default)));

        // std_msgs/String "hi" is 00 01 00 00 | 03 00 00 00 | 68 69 00 (XCDR1 LE: length includes the NUL).
        byte[] truncated = [0x00, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x68, 0x69, 0x00]; // claims 10 bytes, has 3
        byte[] noNul = [0x00, 0x01, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x68, 0x69, 0x6a];     // last byte must be NUL
        byte[] valid = [0x00, 0x01, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x68, 0x69, 0x00];
        w.PublishSerialized(truncated);
        w.PublishSerialized(noNul);
        w.PublishSerialized(valid);

        Assert.Equal(2, r.DroppedSamples);
        var m = new RosString();
        Assert.True(r.TryTake(m, out _));
        Assert.Equal("hi", m.Data);
        Assert.False(r.TryTake(m, out _));
    }
}
