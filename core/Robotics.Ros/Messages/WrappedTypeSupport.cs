using System.Buffers.Binary;
using Robotics.Ros.Serialization;

namespace Robotics.Ros.Messages;

/// <summary>
/// The rmw_cyclonedds wire form of a service request or response: <c>{uint64 guid; int64 seq}</c> followed by the
/// fields of <see cref="Inner"/>. Messages are <see cref="WrappedServiceMessage"/>. The DDS type name is the inner one.
/// </summary>
internal sealed unsafe class WrappedTypeSupport : MessageTypeSupport
{
    public WrappedTypeSupport(MessageTypeSupport inner, DdsTopicDescriptor descriptor)
    {
        Inner = inner;
        TopicDescriptor = descriptor;
    }

    public MessageTypeSupport Inner { get; }

    public override string RosTypeName => Inner.RosTypeName;

    public override string DdsTypeName => Inner.DdsTypeName;

    public override string TypeHash => Inner.TypeHash;

    public override Type MessageType => typeof(WrappedServiceMessage);

    public override MessageDefinition Definition => Inner.Definition;

    public override DdsTopicDescriptor TopicDescriptor { get; }

    public override int NativeSize => (int)TopicDescriptor.Size;

    public override IRosMessage CreateMessage() => new WrappedServiceMessage(this, Inner.CreateMessage());

    public override int GetSerializedSize(IRosMessage message) => 4 + Inner.CdrBodySize(Cast(message).Payload, 16);

    public override int Serialize(IRosMessage message, Span<byte> destination)
    {
        WrappedServiceMessage m = Cast(message);
        var w = new CdrWriter(destination);
        w.WriteUInt64(m.Guid);
        w.WriteInt64(m.SequenceNumber);
        Inner.CdrBodyWrite(m.Payload, ref w);
        return w.Length;
    }

    public override CdrStatus TryDeserialize(ReadOnlySpan<byte> data, IRosMessage target)
    {
        if (target is not WrappedServiceMessage m || m.Payload is null || m.Payload.TypeSupport != Inner)
        {
            return CdrStatus.WrongType;
        }

        CdrStatus st = CdrReader.Create(data, out CdrReader r);
        if (st != CdrStatus.Ok)
        {
            return st;
        }

        if ((st = r.ReadUInt64(out ulong guid)) != CdrStatus.Ok || (st = r.ReadInt64(out long seq)) != CdrStatus.Ok)
        {
            return st;
        }

        m.Guid = guid;
        m.SequenceNumber = seq;
        return Inner.CdrBodyRead(m.Payload, ref r);
    }

    public override void WriteNative(IRosMessage message, NativeSampleWriter writer)
    {
        WrappedServiceMessage m = Cast(message);
        byte* p = writer.SamplePointer;
        *(ulong*)p = m.Guid;
        *(long*)(p + 8) = m.SequenceNumber;
        Inner.NativeWriteAt(m.Payload, writer, p + 16);
    }

    public override CdrStatus ReadNative(nint sample, IRosMessage target)
    {
        if (target is not WrappedServiceMessage m || sample == 0)
        {
            return CdrStatus.WrongType;
        }

        byte* p = (byte*)sample;
        m.Guid = *(ulong*)p;
        m.SequenceNumber = *(long*)(p + 8);
        return Inner.NativeReadAt(m.Payload, p + 16);
    }

    private WrappedServiceMessage Cast(IRosMessage message) =>
        message as WrappedServiceMessage ?? throw new ArgumentException($"{RosTypeName} (wrapped): expected a WrappedServiceMessage.", nameof(message));
}
