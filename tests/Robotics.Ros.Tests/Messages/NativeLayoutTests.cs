using System.Runtime.InteropServices;
using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages;

/// <summary>The native C layout written for Cyclone (offsets as idlc's C structs: see the descriptor tests).</summary>
public sealed unsafe class NativeLayoutTests
{
    [Fact]
    public void Twist_IsSixDoublesInOrder()
    {
        using var w = new NativeSampleWriter(Twist.Support.NativeSize);
        Twist.Support.WriteNative(CdrGoldenTests.SampleTwist(), w);
        double[] values = MemoryMarshal.Cast<byte, double>(w.SampleSpan).ToArray();
        Assert.Equal([1.0, -2.5, 3.25, 0.0, 0.5, -0.001], values);
        Assert.Equal(48, Twist.Support.NativeSize);
    }

    [Fact]
    public void JointState_UsesCharPointersAndDdsSequences()
    {
        using var w = new NativeSampleWriter(JointState.Support.NativeSize);
        JointState.Support.WriteNative(CdrGoldenTests.SampleJointState(), w);
        byte* p = (byte*)w.Sample;
        // Header_ {Time_ stamp {int32 sec; uint32 nanosec}; char* frame_id} = 16 bytes.
        Assert.Equal(1700000000, *(int*)p);
        Assert.Equal(123456789u, *(uint*)(p + 4));
        Assert.Equal("base_link", Marshal.PtrToStringUTF8(*(nint*)(p + 8)));
        // name: dds_sequence_t at 16 {uint32 _maximum; uint32 _length; char** _buffer; bool _release}.
        Assert.Equal(2u, *(uint*)(p + 16 + 4));
        byte** names = *(byte***)(p + 16 + 8);
        Assert.Equal("joint_two", Marshal.PtrToStringUTF8((nint)names[1]));
        // position at 40, velocity at 64, effort at 88 (24-byte sequences).
        Assert.Equal(-1.25, (*(double**)(p + 40 + 8))[1]);
        Assert.Equal(0u, *(uint*)(p + 64 + 4));
        Assert.Equal(4.0, (*(double**)(p + 88 + 8))[1]);
        Assert.Equal(112, JointState.Support.NativeSize);

        var back = new JointState();
        Assert.Equal(CdrStatus.Ok, JointState.Support.ReadNative(w.Sample, back));
        Assert.Equal(CdrGoldenTests.SampleJointState(), back);
    }

    [Fact]
    public void BoundedStrings_AreInlineCharArrays()
    {
        // rmw_dds_common NodeEntitiesInfo_ {char node_namespace[257]; char node_name[257]; seq reader; seq writer}.
        var n = new Robotics.Ros.Interfaces.RmwDdsCommon.NodeEntitiesInfo { NodeNamespace = "/demo", NodeName = "talker" };
        using var w = new NativeSampleWriter(n.TypeSupport.NativeSize);
        n.TypeSupport.WriteNative(n, w);
        byte* p = (byte*)w.Sample;
        Assert.Equal("/demo", Marshal.PtrToStringUTF8((nint)p));
        Assert.Equal("talker", Marshal.PtrToStringUTF8((nint)(p + 257)));
    }

    [Fact]
    public void WriteNative_FixedSizeMessage_AllocatesNothing()
    {
        Twist t = CdrGoldenTests.SampleTwist();
        using var w = new NativeSampleWriter(Twist.Support.NativeSize);
        var buffer = new byte[64];
        MessageTypeSupport s = Twist.Support;
        s.WriteNative(t, w); // warm up
        s.Serialize(t, buffer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            w.Reset();
            s.WriteNative(t, w);
            s.Serialize(t, buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Deserialize_SameSizedArraysAndEqualStrings_AreReused()
    {
        JointState sample = CdrGoldenTests.SampleJointState();
        byte[] bytes = JointState.Support.Serialize(sample);
        var target = new JointState();
        Assert.Equal(CdrStatus.Ok, JointState.Support.TryDeserialize(bytes, target));
        double[] position = target.Position;
        string frame = target.Header.FrameId;
        Assert.Equal(CdrStatus.Ok, JointState.Support.TryDeserialize(bytes, target));
        Assert.Same(position, target.Position);
        Assert.Same(frame, target.Header.FrameId);
    }
}
