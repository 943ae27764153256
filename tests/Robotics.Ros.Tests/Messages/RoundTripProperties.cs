using FsCheck.Xunit;
using Robotics.Core.Randomness;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages;

/// <summary>Property-based round trips over random messages (values within bounds) of every generated type.</summary>
public sealed class RoundTripProperties
{
    [Property(MaxTest = 20)]
    public void Cdr_RoundTrip_AllTypes(int seed)
    {
        var rng = new Rng((ulong)(uint)seed);
        foreach (MessageTypeSupport s in MessageTypeRegistry.AllMessages)
        {
            IRosMessage m = RandomMessages.Create(s, rng.Fork(s.RosTypeName));
            byte[] bytes = s.Serialize(m);
            Assert.Equal(s.GetSerializedSize(m), bytes.Length);
            IRosMessage back = s.CreateMessage();
            CdrStatus st = s.TryDeserialize(bytes, back);
            Assert.True(st == CdrStatus.Ok, $"{s.RosTypeName} seed {seed}: {st}");
            Assert.True(m.Equals(back), $"{s.RosTypeName} seed {seed}: round trip differs\n{MessageYamlOf(m)}\nvs\n{MessageYamlOf(back)}");
            Assert.Equal(bytes, s.Serialize(back));
        }
    }

    [Property(MaxTest = 10)]
    public void Native_RoundTrip_AllTypes(int seed)
    {
        var rng = new Rng((ulong)(uint)seed ^ 0x5eed);
        using var writer = new NativeSampleWriter(64);
        foreach (MessageTypeSupport s in MessageTypeRegistry.AllMessages)
        {
            IRosMessage m = RandomMessages.Create(s, rng.Fork(s.RosTypeName));
            writer.EnsureSampleSize(s.NativeSize);
            s.WriteNative(m, writer);
            IRosMessage back = s.CreateMessage();
            CdrStatus st = s.ReadNative(writer.Sample, back);
            Assert.True(st == CdrStatus.Ok, $"{s.RosTypeName} seed {seed}: {st}");
            Assert.True(m.Equals(back), $"{s.RosTypeName} seed {seed}: native round trip differs");
        }
    }

    [Property(MaxTest = 10)]
    public void Wrapped_RoundTrip_AllServices(int seed)
    {
        var rng = new Rng((ulong)(uint)seed ^ 0xabc);
        foreach (ServiceTypeSupport svc in MessageTypeRegistry.AllServices)
        {
            foreach (MessageTypeSupport w in new[] { svc.WrappedRequest, svc.WrappedResponse })
            {
                var inner = ((WrappedServiceMessage)w.CreateMessage()).Payload.TypeSupport;
                var m = new WrappedServiceMessage(w, RandomMessages.Create(inner, rng)) { Guid = rng.NextUInt64(), SequenceNumber = (long)rng.NextUInt64() };
                byte[] bytes = w.Serialize(m);
                var back = (WrappedServiceMessage)w.CreateMessage();
                Assert.Equal(CdrStatus.Ok, w.TryDeserialize(bytes, back));
                Assert.Equal(m.Guid, back.Guid);
                Assert.Equal(m.SequenceNumber, back.SequenceNumber);
                Assert.True(m.Payload.Equals(back.Payload), svc.RosTypeName);
            }
        }
    }

    private static string MessageYamlOf(IRosMessage m) => Robotics.Ros.Serialization.MessageYaml.Write(m);
}
