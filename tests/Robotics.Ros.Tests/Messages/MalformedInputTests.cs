using Robotics.Core.Randomness;
using Robotics.Ros.Interfaces.RoboticsMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Messages;

/// <summary>Truncated and malformed CDR never throws and never reports Ok.</summary>
public sealed class MalformedInputTests
{
    [Fact]
    public void EveryTruncation_OfRandomSamplesOfEveryType_IsNotOk()
    {
        var rng = new Rng(20261128);
        int checkedPrefixes = 0;
        foreach (MessageTypeSupport s in MessageTypeRegistry.AllMessages)
        {
            for (int sample = 0; sample < 3; sample++)
            {
                byte[] bytes = s.Serialize(RandomMessages.Create(s, rng));
                IRosMessage target = s.CreateMessage();
                for (int len = 0; len < bytes.Length; len++)
                {
                    CdrStatus st = s.TryDeserialize(bytes.AsSpan(0, len), target);
                    Assert.True(st != CdrStatus.Ok, $"{s.RosTypeName}: a {len}-byte prefix of a {bytes.Length}-byte sample decoded as Ok");
                    checkedPrefixes++;
                }
            }
        }

        Assert.True(checkedPrefixes > 10000, checkedPrefixes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var rng = new Rng(7);
        var buffer = new byte[96];
        foreach (MessageTypeSupport s in MessageTypeRegistry.AllMessages)
        {
            IRosMessage target = s.CreateMessage();
            for (int i = 0; i < 50; i++)
            {
                for (int b = 0; b < buffer.Length; b++)
                {
                    buffer[b] = (byte)rng.NextUInt64();
                }

                buffer[0] = 0;
                buffer[1] = 1;
                _ = s.TryDeserialize(buffer.AsSpan(0, 4 + rng.NextInt(92)), target); // must not throw
            }
        }
    }

    [Fact]
    public void BadHeader_IsReported()
    {
        var s = new RosString();
        Assert.Equal(CdrStatus.BadHeader, RosString.Support.TryDeserialize([0x00, 0x02, 0, 0, 1, 0, 0, 0, 0], s));
        Assert.Equal(CdrStatus.BadHeader, RosString.Support.TryDeserialize([0x00, 0x01, 0], s));
        Assert.Equal(CdrStatus.BadHeader, RosString.Support.TryDeserialize([0x01, 0x01, 0, 0, 1, 0, 0, 0, 0], s));
    }

    [Fact]
    public void StringWithoutNul_IsInvalidString()
    {
        var s = new RosString();
        Assert.Equal(CdrStatus.InvalidString, RosString.Support.TryDeserialize([0, 1, 0, 0, 2, 0, 0, 0, 0x68, 0x69], s));
    }

    [Fact]
    public void StringWithInvalidUtf8_IsInvalidString()
    {
        var s = new RosString();
        Assert.Equal(CdrStatus.InvalidString, RosString.Support.TryDeserialize([0, 1, 0, 0, 3, 0, 0, 0, 0xC3, 0x28, 0], s));
    }

    [Fact]
    public void HugeLength_IsRejectedWithoutAllocating()
    {
        var js = new JointState();
        byte[] bytes = CdrGoldenTests.SampleJointState().TypeSupport.Serialize(CdrGoldenTests.SampleJointState());
        // The name sequence count sits after the header (8 bytes stamp + 4 len + "base_link\0" + 2 pad) = offset 4 + 24.
        Assert.Equal(2, BitConverter.ToInt32(bytes, 28));
        bytes[28] = 0xFF;
        bytes[29] = 0xFF;
        bytes[30] = 0xFF;
        bytes[31] = 0x7F;
        long before = GC.GetAllocatedBytesForCurrentThread();
        CdrStatus st = JointState.Support.TryDeserialize(bytes, js);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotEqual(CdrStatus.Ok, st);
        Assert.True(allocated < 10_000, $"allocated {allocated} bytes for a hostile length");
    }

    [Fact]
    public void BoundedSequenceOverBound_IsBoundExceeded_AndSerializeRefuses()
    {
        var v = new RiskVerdict { Specifications = Enumerable.Range(0, 9).Select(_ => new StlRobustness()).ToArray() };
        Assert.Throws<ArgumentException>(() => v.TypeSupport.Serialize(v));
        // Encode 8 (allowed), then patch the count to 9.
        v.Specifications = v.Specifications.Take(8).ToArray();
        byte[] bytes = v.TypeSupport.Serialize(v);
        var ok = new RiskVerdict();
        Assert.Equal(CdrStatus.Ok, v.TypeSupport.TryDeserialize(bytes, ok));
        Assert.Equal(8, ok.Specifications.Length);
        // Offsets after the 4-byte header: stamp 0..8, frame_id length 8, NUL 12, level 13, risk 16 (aligned 8),
        // threshold 24, reason length 32 + NUL 36, source length 40 + NUL 44, specification count 48 -> absolute 52.
        Assert.Equal(8, BitConverter.ToInt32(bytes, 52));
        bytes[52] = 9;
        Assert.Equal(CdrStatus.BoundExceeded, v.TypeSupport.TryDeserialize(bytes, new RiskVerdict()));
    }

    [Fact]
    public void BoundedStringOverBound_IsBoundExceeded_AndSerializeRefuses()
    {
        var p = new Robotics.Ros.Interfaces.RmwDdsCommon.NodeEntitiesInfo { NodeName = new string('n', 257) };
        Assert.Throws<ArgumentException>(() => p.TypeSupport.Serialize(p));
        p.NodeName = new string('n', 256);
        byte[] ok = p.TypeSupport.Serialize(p);
        var back = new Robotics.Ros.Interfaces.RmwDdsCommon.NodeEntitiesInfo();
        Assert.Equal(CdrStatus.Ok, p.TypeSupport.TryDeserialize(ok, back));
        Assert.Equal(p.NodeName, back.NodeName);
        // Hand-made: node_namespace "" then node_name of 257 'n' (length field 258).
        var bad = new List<byte> { 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0 };
        bad.AddRange(Enumerable.Repeat((byte)'n', 257));
        bad.Add(0);
        Assert.Equal(CdrStatus.BoundExceeded, p.TypeSupport.TryDeserialize(bad.ToArray(), back));
    }

    [Fact]
    public void FixedArrayWrongLength_SerializeRefuses()
    {
        var imu = new Imu { OrientationCovariance = new double[8] };
        var e = Assert.Throws<ArgumentException>(() => imu.TypeSupport.Serialize(imu));
        Assert.Contains("9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BooleanOtherThanZeroOrOne_IsInvalidBoolean()
    {
        var b = new Robotics.Ros.Interfaces.StdMsgs.Bool();
        Assert.Equal(CdrStatus.InvalidBoolean, b.TypeSupport.TryDeserialize([0, 1, 0, 0, 2], b));
    }

    [Fact]
    public void WrongTargetType_IsWrongType()
    {
        Assert.Equal(CdrStatus.WrongType, RosString.Support.TryDeserialize([0, 1, 0, 0, 1, 0, 0, 0, 0], new JointState()));
    }
}
