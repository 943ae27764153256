using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.RmwDdsCommon;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Messages;

/// <summary>
/// XCDR1 bytes from an independent encoder: tests/golden/ros/cdr_golden.py packs them by hand with Python's struct
/// module, and tests/golden/ros/cdr_cyclone.sh checks the same vectors against Cyclone's own serializer
/// (dds_stream_writeLE over idlc's ops). Pasted from `python3 tests/golden/ros/cdr_golden.py`.
/// </summary>
public sealed class CdrGoldenTests
{
    // StringHi: 11 bytes
    private static readonly byte[] StringHi = [0x00, 0x01, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x68, 0x69, 0x00];

    // Twist: 52 bytes (linear 1.0, -2.5, 3.25; angular 0.0, 0.5, -0.001)
    private static readonly byte[] TwistBytes = [0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF0, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xE0, 0x3F, 0xFC, 0xA9, 0xF1, 0xD2, 0x4D, 0x62, 0x50, 0xBF];

    // JointState: 100 bytes (header {1700000000, 123456789, "base_link"}, name [j1, joint_two], position [0.5, -1.25], velocity [], effort [3, 4])
    private static readonly byte[] JointStateBytes = [0x00, 0x01, 0x00, 0x00, 0x00, 0xF1, 0x53, 0x65, 0x15, 0xCD, 0x5B, 0x07, 0x0A, 0x00, 0x00, 0x00, 0x62, 0x61, 0x73, 0x65, 0x5F, 0x6C, 0x69, 0x6E, 0x6B, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x6A, 0x31, 0x00, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x6A, 0x6F, 0x69, 0x6E, 0x74, 0x5F, 0x74, 0x77, 0x6F, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xE0, 0x3F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xF4, 0xBF, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x40];

    // ParticipantEntitiesInfo: 72 bytes (gid 01..10; one node {"/demo", "talker", readers [], writers [A0..AF]})
    private static readonly byte[] ParticipantEntitiesInfoBytes = [0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x2F, 0x64, 0x65, 0x6D, 0x6F, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00, 0x74, 0x61, 0x6C, 0x6B, 0x65, 0x72, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF];

    internal static Twist SampleTwist() => new()
    {
        Linear = new Vector3 { X = 1.0, Y = -2.5, Z = 3.25 },
        Angular = new Vector3 { X = 0.0, Y = 0.5, Z = -0.001 },
    };

    internal static JointState SampleJointState() => new()
    {
        Header = new() { Stamp = new() { Sec = 1700000000, Nanosec = 123456789 }, FrameId = "base_link" },
        Name = ["j1", "joint_two"],
        Position = [0.5, -1.25],
        Velocity = [],
        Effort = [3.0, 4.0],
    };

    internal static ParticipantEntitiesInfo SampleParticipant() => new()
    {
        Gid = new Gid { Data = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray() },
        NodeEntitiesInfoSeq =
        [
            new NodeEntitiesInfo
            {
                NodeNamespace = "/demo",
                NodeName = "talker",
                ReaderGidSeq = [],
                WriterGidSeq = [new Gid { Data = Enumerable.Range(0xA0, 16).Select(i => (byte)i).ToArray() }],
            },
        ],
    };

    public static TheoryData<string> Names => new() { "String", "Twist", "JointState", "ParticipantEntitiesInfo" };

    private static (IRosMessage Message, byte[] Bytes) Case(string name) => name switch
    {
        "String" => (new RosString { Data = "hi" }, StringHi),
        "Twist" => (SampleTwist(), TwistBytes),
        "JointState" => (SampleJointState(), JointStateBytes),
        _ => (SampleParticipant(), ParticipantEntitiesInfoBytes),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Serialize_EqualsIndependentEncoding(string name)
    {
        var (message, expected) = Case(name);
        MessageTypeSupport s = message.TypeSupport;
        Assert.Equal(expected.Length, s.GetSerializedSize(message));
        Assert.Equal(expected, s.Serialize(message));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Deserialize_IndependentEncoding_GivesTheSampleFields(string name)
    {
        var (message, bytes) = Case(name);
        IRosMessage decoded = message.TypeSupport.CreateMessage();
        Assert.Equal(CdrStatus.Ok, message.TypeSupport.TryDeserialize(bytes, decoded));
        Assert.Equal(message, decoded);
    }

    [Fact]
    public void Deserialize_JointState_FieldsByHand()
    {
        var js = new JointState();
        Assert.Equal(CdrStatus.Ok, JointState.Support.TryDeserialize(JointStateBytes, js));
        Assert.Equal(1700000000, js.Header.Stamp.Sec);
        Assert.Equal(123456789u, js.Header.Stamp.Nanosec);
        Assert.Equal("base_link", js.Header.FrameId);
        Assert.Equal(["j1", "joint_two"], js.Name);
        Assert.Equal([0.5, -1.25], js.Position);
        Assert.Empty(js.Velocity);
        Assert.Equal([3.0, 4.0], js.Effort);
    }

    [Fact]
    public void Deserialize_BigEndianHeader_IsAccepted()
    {
        // "hi" as CDR_BE: header 00 00, length 3 big-endian.
        byte[] be = [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x68, 0x69, 0x00];
        var s = new RosString();
        Assert.Equal(CdrStatus.Ok, RosString.Support.TryDeserialize(be, s));
        Assert.Equal("hi", s.Data);
    }

    [Fact]
    public void Deserialize_OptionsBytes_AreIgnored()
    {
        // Cyclone's default serdata writes the padding count into the options (00 01 00 02, ros2-dds.md §3-C).
        byte[] withOptions = (byte[])StringHi.Clone();
        withOptions[3] = 0x02;
        var s = new RosString();
        Assert.Equal(CdrStatus.Ok, RosString.Support.TryDeserialize(withOptions, s));
        Assert.Equal("hi", s.Data);
    }

    [Fact]
    public void Serialize_EmptyMessage_IsOneDummyByte()
    {
        // std_msgs/Empty -> uint8 structure_needs_at_least_one_member.
        var e = new Robotics.Ros.Interfaces.StdMsgs.Empty();
        Assert.Equal(new byte[] { 0x00, 0x01, 0x00, 0x00, 0x00 }, e.TypeSupport.Serialize(e));
    }

    [Fact]
    public void Serialize_Bool_IsOneByte_AndAlignmentCountsFromAfterTheHeader()
    {
        // lifecycle_msgs/Transition {uint8 id; string label}: id at 0, label length aligned to 4 (offset 4).
        var t = new Robotics.Ros.Interfaces.LifecycleMsgs.Transition { Id = 3, Label = "a" };
        Assert.Equal(new byte[] { 0, 1, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 0x61, 0 }, t.TypeSupport.Serialize(t));
        var b = new Robotics.Ros.Interfaces.StdMsgs.Bool { Data = true };
        Assert.Equal(new byte[] { 0, 1, 0, 0, 1 }, b.TypeSupport.Serialize(b));
    }

    [Fact]
    public void Serialize_WrappedRequest_PrefixesTheCycloneRequestHeader()
    {
        ServiceTypeSupport svc = Robotics.Ros.Interfaces.RclInterfaces.GetParameters.Support;
        var req = new Robotics.Ros.Interfaces.RclInterfaces.GetParametersRequest { Names = ["a"] };
        var wrapped = new WrappedServiceMessage(svc.WrappedRequest, req) { Guid = 0x0102030405060708UL, SequenceNumber = 5 };
        byte[] bytes = svc.WrappedRequest.Serialize(wrapped);
        // header, guid LE, seq LE, then names: count 1, "a" (len 2).
        Assert.Equal(new byte[] { 0, 1, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1, 5, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0x61, 0 }, bytes);
        var back = (WrappedServiceMessage)svc.WrappedRequest.CreateMessage();
        Assert.Equal(CdrStatus.Ok, svc.WrappedRequest.TryDeserialize(bytes, back));
        Assert.Equal(0x0102030405060708UL, back.Guid);
        Assert.Equal(5, back.SequenceNumber);
        Assert.Equal(req, back.Payload);
        Assert.Equal("rcl_interfaces::srv::dds_::GetParameters_Request_", svc.WrappedRequest.DdsTypeName);
    }
}
