namespace Robotics.Ros.Messages;

/// <summary>
/// Everything a transport or tool needs to know about one message type: names, RIHS01 type hash, Cyclone topic
/// descriptor, XCDR1 codec and native C layout writer. One instance per type (generated).
/// </summary>
public abstract class MessageTypeSupport
{
    /// <summary>ROS type name, e.g. <c>std_msgs/msg/String</c>.</summary>
    public abstract string RosTypeName { get; }

    /// <summary>DDS type name, e.g. <c>std_msgs::msg::dds_::String_</c>.</summary>
    public abstract string DdsTypeName { get; }

    /// <summary>RIHS01 type hash, <c>RIHS01_</c> followed by 64 lower-case hex digits.</summary>
    public abstract string TypeHash { get; }

    /// <summary>The generated C# class.</summary>
    public abstract Type MessageType { get; }

    /// <summary>Fields, constants and source text.</summary>
    public abstract MessageDefinition Definition { get; }

    /// <summary>Cyclone DDS descriptor data (ops bytecode, size, alignment, flags).</summary>
    public abstract DdsTopicDescriptor TopicDescriptor { get; }

    /// <summary>Creates a message with default values.</summary>
    /// <returns>A new message.</returns>
    public abstract IRosMessage CreateMessage();

    /// <summary>Size of the XCDR1 encoding of <paramref name="message"/>, including the 4-byte header.</summary>
    /// <param name="message">A message of this type.</param>
    /// <returns>Size in bytes.</returns>
    public abstract int GetSerializedSize(IRosMessage message);

    /// <summary>
    /// Writes the XCDR1 little-endian encoding (header <c>00 01 00 00</c>) of <paramref name="message"/>.
    /// </summary>
    /// <param name="message">A message of this type whose bounded fields respect their bounds.</param>
    /// <param name="destination">At least <see cref="GetSerializedSize"/> bytes.</param>
    /// <returns>Number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too small, a bound is exceeded or the message has another type.</exception>
    public abstract int Serialize(IRosMessage message, Span<byte> destination);

    /// <summary>Decodes an XCDR1 sample (header included) into <paramref name="target"/>. Never throws on bad bytes.</summary>
    /// <param name="data">The serialized sample.</param>
    /// <param name="target">A message of this type; on a non-Ok status its contents are unspecified.</param>
    /// <returns><see cref="CdrStatus.Ok"/> or the reason the data was rejected.</returns>
    public abstract CdrStatus TryDeserialize(ReadOnlySpan<byte> data, IRosMessage target);

    /// <summary>Size of the native C sample that the ops describe (equals <see cref="DdsTopicDescriptor.Size"/>).</summary>
    public abstract int NativeSize { get; }

    /// <summary>
    /// Writes <paramref name="message"/> in the native C layout into <paramref name="writer"/>'s sample buffer;
    /// strings and sequence buffers go to the writer's arena.
    /// </summary>
    /// <param name="message">A message of this type.</param>
    /// <param name="writer">A writer whose sample buffer holds at least <see cref="NativeSize"/> bytes.</param>
    public abstract void WriteNative(IRosMessage message, NativeSampleWriter writer);

    /// <summary>
    /// Reads a native C sample (as Cyclone delivers it from <c>dds_take</c>) into <paramref name="target"/>.
    /// </summary>
    /// <param name="sample">Pointer to a native sample of this type.</param>
    /// <param name="target">A message of this type.</param>
    /// <returns><see cref="CdrStatus.Ok"/>, or a status when a string is not valid UTF-8 or a bound is exceeded.</returns>
    public virtual CdrStatus ReadNative(nint sample, IRosMessage target) => CdrStatus.WrongType;

    /// <summary>Size of the CDR body (no header) starting at <paramref name="pos"/> relative to the alignment origin.</summary>
    internal virtual int CdrBodySize(IRosMessage message, int pos) => throw new NotSupportedException($"{RosTypeName}: no CDR body access");

    /// <summary>Writes the CDR body (no header).</summary>
    internal virtual void CdrBodyWrite(IRosMessage message, ref Serialization.CdrWriter writer) => throw new NotSupportedException($"{RosTypeName}: no CDR body access");

    /// <summary>Reads the CDR body (no header).</summary>
    internal virtual CdrStatus CdrBodyRead(IRosMessage target, ref Serialization.CdrReader reader) => CdrStatus.WrongType;

    /// <summary>Writes the native layout at <paramref name="at"/>.</summary>
    internal virtual unsafe void NativeWriteAt(IRosMessage message, NativeSampleWriter writer, byte* at) => throw new NotSupportedException($"{RosTypeName}: no native layout access");

    /// <summary>Reads the native layout at <paramref name="at"/>.</summary>
    internal virtual unsafe CdrStatus NativeReadAt(IRosMessage target, byte* at) => CdrStatus.WrongType;

    /// <summary>Package name, e.g. <c>std_msgs</c>.</summary>
    public string PackageName => RosTypeName.Substring(0, RosTypeName.IndexOf('/', StringComparison.Ordinal));

    /// <summary>Short type name, e.g. <c>String</c>.</summary>
    public string ShortName => RosTypeName.Substring(RosTypeName.LastIndexOf('/') + 1);

    /// <summary>Serializes into a new array (convenience; allocates).</summary>
    /// <param name="message">A message of this type.</param>
    /// <returns>The XCDR1 bytes, header included.</returns>
    public byte[] Serialize(IRosMessage message)
    {
        var buffer = new byte[GetSerializedSize(message)];
        int n = Serialize(message, buffer);
        return n == buffer.Length ? buffer : buffer.AsSpan(0, n).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => RosTypeName;
}
