using System.Runtime.InteropServices;

namespace Robotics.Ros.Dds.Native;

/// <summary><c>dds_guid_t</c>: 16 bytes (GUID prefix 12 + entity id 4).</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
internal unsafe struct DdsGuid
{
    public fixed byte V[16];
}

/// <summary><c>dds_publication_matched_status_t</c> / <c>dds_subscription_matched_status_t</c> (same layout).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MatchedStatus
{
    public uint TotalCount;
    public int TotalCountChange;
    public uint CurrentCount;
    public int CurrentCountChange;
    public ulong LastHandle;
}

/// <summary><c>dds_sample_info_t</c> (64 bytes on LP64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DdsSampleInfo
{
    public uint SampleState;
    public uint ViewState;
    public uint InstanceState;
    [MarshalAs(UnmanagedType.U1)]
    public bool ValidData;
    public long SourceTimestamp;
    public ulong InstanceHandle;
    public ulong PublicationHandle;
    public uint DisposedGenerationCount;
    public uint NoWritersGenerationCount;
    public uint SampleRank;
    public uint GenerationRank;
    public uint AbsoluteGenerationRank;
}

/// <summary><c>dds_builtintopic_participant_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct BuiltinParticipant
{
    public DdsGuid Key;
    public nint Qos;
}

/// <summary><c>dds_builtintopic_endpoint_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct BuiltinEndpoint
{
    public DdsGuid Key;
    public DdsGuid ParticipantKey;
    public ulong ParticipantInstanceHandle;
    public nint TopicName;
    public nint TypeName;
    public nint Qos;
}

/// <summary><c>dds_topic_descriptor_t</c> of Cyclone DDS 0.10 (96 bytes on LP64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeTopicDescriptor
{
    public uint Size;
    public uint Align;
    public uint FlagSet;
    public uint NKeys;
    public byte* TypeName;
    public void* Keys;
    public uint NOps;
    public uint* Ops;
    public byte* Meta;
    public TypeMetaSer TypeInformation;
    public TypeMetaSer TypeMapping;
    public uint RestrictDataRepresentation;
}

/// <summary><c>struct dds_type_meta_ser</c> (16 bytes on LP64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TypeMetaSer
{
    public byte* Data;
    public uint Size;
}
