using System.Runtime.InteropServices;
using System.Text;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Dds.Native;

/// <summary>
/// A <c>dds_topic_descriptor_t</c> built in native memory from a <see cref="DdsTopicDescriptor"/> (type name, size,
/// alignment, flags, ops). Cyclone keeps a pointer to the descriptor's contents for as long as the topic's type
/// exists in the domain, so instances live as long as the transport that created topics from them.
/// </summary>
internal sealed unsafe class NativeDescriptor : IDisposable
{
    private NativeTopicDescriptor* _descriptor;

    /// <summary>Copies <paramref name="descriptor"/> into native memory.</summary>
    public NativeDescriptor(DdsTopicDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (descriptor.Ops.Length == 0)
        {
            throw new ArgumentException($"Descriptor of '{descriptor.TypeName}' has no ops; the generator must emit at least DDS_OP_RTS.", nameof(descriptor));
        }

        TypeName = descriptor.TypeName;
        _descriptor = (NativeTopicDescriptor*)NativeMemory.AllocZeroed((nuint)sizeof(NativeTopicDescriptor));
        byte[] name = Encoding.UTF8.GetBytes(descriptor.TypeName);
        byte* namePtr = (byte*)NativeMemory.AllocZeroed((nuint)name.Length + 1);
        name.CopyTo(new Span<byte>(namePtr, name.Length));
        uint* ops = (uint*)NativeMemory.Alloc((nuint)descriptor.Ops.Length, sizeof(uint));
        descriptor.Ops.CopyTo(new Span<uint>(ops, descriptor.Ops.Length));
        byte* meta = (byte*)NativeMemory.AllocZeroed(1);
        _descriptor->Size = descriptor.Size;
        _descriptor->Align = descriptor.Align;
        _descriptor->FlagSet = descriptor.FlagSet;
        _descriptor->NKeys = 0;
        _descriptor->TypeName = namePtr;
        _descriptor->Keys = null;
        _descriptor->NOps = descriptor.NOps;
        _descriptor->Ops = ops;
        _descriptor->Meta = meta;
    }

    /// <summary>The DDS type name.</summary>
    public string TypeName { get; }

    /// <summary>Pointer to pass to <c>dds_create_topic</c>.</summary>
    public NativeTopicDescriptor* Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_descriptor == null, this);
            return _descriptor;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_descriptor == null)
        {
            return;
        }

        NativeMemory.Free(_descriptor->TypeName);
        NativeMemory.Free(_descriptor->Ops);
        NativeMemory.Free(_descriptor->Meta);
        NativeMemory.Free(_descriptor);
        _descriptor = null;
    }
}
