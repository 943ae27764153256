using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Dds;

/// <summary>
/// <c>rmw_dds_common/msg/ParticipantEntitiesInfo</c> as it travels on <c>ros_discovery_info</c>, for either Gid size
/// (16 bytes on Iron/Jazzy, 24 on Humble: the two are not wire compatible). The transport owns this codec rather than
/// using the generated type because the Gid size is chosen at run time by <c>ROS_DISTRO</c>. The descriptor equals
/// what idlc generates from the rosidl IDL (checked by a test against <c>tests/interop</c>'s opsdump).
/// </summary>
internal static class DiscoveryInfoCodec
{
    internal const string TypeName = "rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_";
    internal const int MaxNameLength = 256;
    private const int NodeNativeSize = 568;       // char[257] ns, char[257] name, seq at 520, seq at 544
    private const int SequenceSize = 24;          // dds_sequence_t on LP64

    // idlc opcodes (dds/ddsc/dds_opcodes.h, 0.10)
    private const uint OpRts = 0x00000000;
    private const uint AdrExt = 0x01000000 | (0x0d << 16);                        // DDS_OP_ADR | DDS_OP_TYPE_EXT
    private const uint AdrSeqStu = 0x01000000 | (0x07 << 16) | (0x0a << 8);       // DDS_OP_ADR | DDS_OP_TYPE_SEQ | DDS_OP_SUBTYPE_STU
    private const uint AdrArr1By = 0x01000000 | (0x08 << 16) | (0x01 << 8);       // DDS_OP_ADR | DDS_OP_TYPE_ARR | DDS_OP_SUBTYPE_1BY
    private const uint AdrBst = 0x01000000 | (0x06 << 16);                        // DDS_OP_ADR | DDS_OP_TYPE_BST

    /// <summary>The Cyclone descriptor of ParticipantEntitiesInfo with a Gid of <paramref name="gidSize"/> bytes.</summary>
    internal static DdsTopicDescriptor Descriptor(int gidSize)
    {
        uint g = (uint)gidSize;
        uint[] ops =
        [
            // ParticipantEntitiesInfo_
            AdrExt, 0, (3u << 16) + 8u,
            AdrSeqStu, g, NodeNativeSize, (4u << 16) + 9u,
            OpRts,
            // Gid_
            AdrArr1By, 0, g,
            OpRts,
            // NodeEntitiesInfo_
            AdrBst, 0, 257,
            AdrBst, 257, 257,
            AdrSeqStu, 520, g, (4u << 16) + 65526u,
            AdrSeqStu, 544, g, (4u << 16) + 65522u,
            OpRts,
        ];
        return new DdsTopicDescriptor(TypeName, g + SequenceSize, 8, 0, ops) { NOps = 10 };
    }

    /// <summary>Native sample size for <paramref name="gidSize"/>.</summary>
    internal static int NativeSize(int gidSize) => gidSize + SequenceSize;

    /// <summary>Writes the native sample of <paramref name="info"/> (for <c>dds_write</c>).</summary>
    internal static unsafe void WriteNative(DiscoveryInfo info, int gidSize, NativeSampleWriter writer)
    {
        writer.Reset();
        byte* sample = writer.SamplePointer;
        info.Participant.CopyTo(new Span<byte>(sample, gidSize));
        byte* nodes = writer.WriteSequence(sample + gidSize, info.Nodes.Count, NodeNativeSize);
        for (int n = 0; n < info.Nodes.Count; n++)
        {
            DiscoveryNode node = info.Nodes[n];
            byte* at = nodes + (n * NodeNativeSize);
            WriteBoundedString(node.Namespace, at);
            WriteBoundedString(node.Name, at + 257);
            WriteGids(writer, at + 520, node.Readers, gidSize);
            WriteGids(writer, at + 544, node.Writers, gidSize);
        }
    }

    /// <summary>Encodes <paramref name="info"/> as XCDR1 little endian (header included).</summary>
    internal static byte[] Serialize(DiscoveryInfo info, int gidSize)
    {
        var bytes = new List<byte> { 0x00, 0x01, 0x00, 0x00 };
        void Align(int a)
        {
            while ((bytes.Count - 4) % a != 0)
            {
                bytes.Add(0);
            }
        }

        void U32(int v)
        {
            Align(4);
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            bytes.AddRange(b.ToArray());
        }

        void Str(string s)
        {
            byte[] u = Encoding.UTF8.GetBytes(s);
            U32(u.Length + 1);
            bytes.AddRange(u);
            bytes.Add(0);
        }

        void Gids(IReadOnlyList<byte[]> gids)
        {
            U32(gids.Count);
            foreach (byte[] gid in gids)
            {
                bytes.AddRange(Pad(gid, gidSize));
            }
        }

        bytes.AddRange(Pad(info.Participant, gidSize));
        U32(info.Nodes.Count);
        foreach (DiscoveryNode node in info.Nodes)
        {
            Str(node.Namespace);
            Str(node.Name);
            Gids(node.Readers);
            Gids(node.Writers);
        }

        return bytes.ToArray();
    }

    /// <summary>Decodes an XCDR1 sample (header included); never throws on bad bytes.</summary>
    internal static CdrStatus TryDeserialize(ReadOnlySpan<byte> data, int gidSize, out DiscoveryInfo? info)
    {
        info = null;
        if (data.Length < 4 || data[0] != 0 || (data[1] != 0 && data[1] != 1))
        {
            return CdrStatus.BadHeader;
        }

        bool little = data[1] == 1;
        ReadOnlySpan<byte> body = data.Slice(4);
        int pos = 0;
        if (body.Length < gidSize)
        {
            return CdrStatus.Truncated;
        }

        byte[] participant = body.Slice(0, gidSize).ToArray();
        pos = gidSize;
        CdrStatus status = ReadU32(body, ref pos, little, out uint nodeCount);
        if (status != CdrStatus.Ok)
        {
            return status;
        }

        // each node needs at least 4+1 + 4+1 + 4 + 4 bytes: reject impossible counts before allocating
        if (nodeCount > (uint)(body.Length - pos) / 18u)
        {
            return CdrStatus.InvalidLength;
        }

        var nodes = new List<DiscoveryNode>((int)nodeCount);
        for (uint n = 0; n < nodeCount; n++)
        {
            if ((status = ReadBoundedString(body, ref pos, little, out string ns)) != CdrStatus.Ok
                || (status = ReadBoundedString(body, ref pos, little, out string name)) != CdrStatus.Ok
                || (status = ReadGids(body, ref pos, little, gidSize, out byte[][] readers)) != CdrStatus.Ok
                || (status = ReadGids(body, ref pos, little, gidSize, out byte[][] writers)) != CdrStatus.Ok)
            {
                return status;
            }

            nodes.Add(new DiscoveryNode(ns, name, readers, writers));
        }

        info = new DiscoveryInfo(participant, nodes);
        return CdrStatus.Ok;
    }

    private static CdrStatus ReadU32(ReadOnlySpan<byte> body, ref int pos, bool little, out uint value)
    {
        pos = (pos + 3) & ~3;
        if (pos + 4 > body.Length)
        {
            value = 0;
            return CdrStatus.Truncated;
        }

        value = little ? BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(pos)) : BinaryPrimitives.ReadUInt32BigEndian(body.Slice(pos));
        pos += 4;
        return CdrStatus.Ok;
    }

    private static CdrStatus ReadBoundedString(ReadOnlySpan<byte> body, ref int pos, bool little, out string value)
    {
        value = string.Empty;
        CdrStatus status = ReadU32(body, ref pos, little, out uint length);
        if (status != CdrStatus.Ok)
        {
            return status;
        }

        if (length == 0)
        {
            return CdrStatus.InvalidLength;
        }

        if (length > (uint)(body.Length - pos))
        {
            return CdrStatus.Truncated;
        }

        if (length > MaxNameLength + 1)
        {
            return CdrStatus.BoundExceeded;
        }

        ReadOnlySpan<byte> text = body.Slice(pos, (int)length - 1);
        if (body[pos + (int)length - 1] != 0 || text.IndexOf((byte)0) >= 0 || !Utf8.IsValid(text))
        {
            return CdrStatus.InvalidString;
        }

        value = Encoding.UTF8.GetString(text);
        pos += (int)length;
        return CdrStatus.Ok;
    }

    private static CdrStatus ReadGids(ReadOnlySpan<byte> body, ref int pos, bool little, int gidSize, out byte[][] gids)
    {
        gids = [];
        CdrStatus status = ReadU32(body, ref pos, little, out uint count);
        if (status != CdrStatus.Ok)
        {
            return status;
        }

        if (count > (uint)(body.Length - pos) / (uint)gidSize)
        {
            return CdrStatus.Truncated;
        }

        gids = new byte[count][];
        for (int k = 0; k < count; k++)
        {
            gids[k] = body.Slice(pos, gidSize).ToArray();
            pos += gidSize;
        }

        return CdrStatus.Ok;
    }

    private static unsafe void WriteBoundedString(string value, byte* at)
    {
        var span = new Span<byte>(at, 257);
        span.Clear();
        int n = Encoding.UTF8.GetByteCount(value);
        if (n > MaxNameLength)
        {
            throw new ArgumentException($"Node name or namespace '{value}' is {n} bytes of UTF-8; rmw_dds_common allows at most {MaxNameLength}.", nameof(value));
        }

        Encoding.UTF8.GetBytes(value, span);
    }

    private static unsafe void WriteGids(NativeSampleWriter writer, byte* at, IReadOnlyList<byte[]> gids, int gidSize)
    {
        byte* buffer = writer.WriteSequence(at, gids.Count, gidSize);
        for (int k = 0; k < gids.Count; k++)
        {
            Pad(gids[k], gidSize).CopyTo(new Span<byte>(buffer + (k * gidSize), gidSize));
        }
    }

    private static byte[] Pad(byte[] gid, int gidSize)
    {
        var padded = new byte[gidSize];
        gid.AsSpan(0, Math.Min(gid.Length, gidSize)).CopyTo(padded);
        return padded;
    }
}

/// <summary>One <c>ParticipantEntitiesInfo</c> sample: participant Gid and its nodes (Gids as raw bytes, 16 or 24).</summary>
internal sealed record DiscoveryInfo(byte[] Participant, IReadOnlyList<DiscoveryNode> Nodes);

/// <summary>One <c>NodeEntitiesInfo</c>: namespace, name and the Gids of the node's readers and writers.</summary>
internal sealed record DiscoveryNode(string Namespace, string Name, IReadOnlyList<byte[]> Readers, IReadOnlyList<byte[]> Writers);
