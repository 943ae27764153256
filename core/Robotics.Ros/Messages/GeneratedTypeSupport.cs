using Robotics.Ros.Serialization;

namespace Robotics.Ros.Messages;

/// <summary>Base of every generated message type support: implements the public codec API over typed body functions.</summary>
/// <typeparam name="T">The generated message class.</typeparam>
internal abstract unsafe class GeneratedTypeSupport<T> : MessageTypeSupport where T : class, IRosMessageType<T>, new()
{
    public override Type MessageType => typeof(T);

    public override IRosMessage CreateMessage() => new T();

    public override int NativeSize => (int)TopicDescriptor.Size;

    protected abstract int BodySize(T message, int pos);

    protected abstract void BodyWrite(T message, ref CdrWriter writer);

    protected abstract CdrStatus BodyRead(T target, ref CdrReader reader);

    protected abstract void NativeWrite(T message, NativeSampleWriter writer, byte* at);

    protected abstract CdrStatus NativeRead(T target, byte* at);

    public override int GetSerializedSize(IRosMessage message) => 4 + BodySize(Cast(message), 0);

    public override int Serialize(IRosMessage message, Span<byte> destination)
    {
        T m = Cast(message);
        var w = new CdrWriter(destination);
        BodyWrite(m, ref w);
        return w.Length;
    }

    public override CdrStatus TryDeserialize(ReadOnlySpan<byte> data, IRosMessage target)
    {
        if (target is not T t)
        {
            return CdrStatus.WrongType;
        }

        CdrStatus st = CdrReader.Create(data, out CdrReader r);
        return st != CdrStatus.Ok ? st : BodyRead(t, ref r);
    }

    public override void WriteNative(IRosMessage message, NativeSampleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.SampleSize < NativeSize)
        {
            throw new ArgumentException($"{RosTypeName}: the writer's sample buffer holds {writer.SampleSize} bytes, the native sample needs {NativeSize}; create it with new NativeSampleWriter(support.NativeSize).", nameof(writer));
        }

        NativeWrite(Cast(message), writer, writer.SamplePointer);
    }

    public override CdrStatus ReadNative(nint sample, IRosMessage target) =>
        target is T t && sample != 0 ? NativeRead(t, (byte*)sample) : CdrStatus.WrongType;

    internal override int CdrBodySize(IRosMessage message, int pos) => BodySize(Cast(message), pos);

    internal override void CdrBodyWrite(IRosMessage message, ref CdrWriter writer) => BodyWrite(Cast(message), ref writer);

    internal override CdrStatus CdrBodyRead(IRosMessage target, ref CdrReader reader) =>
        target is T t ? BodyRead(t, ref reader) : CdrStatus.WrongType;

    internal override void NativeWriteAt(IRosMessage message, NativeSampleWriter writer, byte* at) => NativeWrite(Cast(message), writer, at);

    internal override CdrStatus NativeReadAt(IRosMessage target, byte* at) =>
        target is T t ? NativeRead(t, at) : CdrStatus.WrongType;

    private T Cast(IRosMessage message) =>
        message as T ?? throw new ArgumentException($"{RosTypeName}: expected a {typeof(T).FullName}, got {message?.GetType().FullName ?? "null"}.", nameof(message));
}
