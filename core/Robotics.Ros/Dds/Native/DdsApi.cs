using System.Runtime.InteropServices;

namespace Robotics.Ros.Dds.Native;

/// <summary>
/// P/Invoke declarations for the parts of the Cyclone DDS 0.10 C API (<c>dds/dds.h</c>, <c>ddsi_serdata.h</c>) that the
/// transport uses. Entities are <c>int</c> handles (negative = error code), QoS and listener objects are pointers.
/// </summary>
internal static unsafe partial class DdsApi
{
    internal const long Infinity = long.MaxValue;
    internal const int LengthUnlimited = -1;
    internal const uint DomainDefault = uint.MaxValue;

    internal const int BuiltinTopicDcpsParticipant = 0x7fff0000 + 1;
    internal const int BuiltinTopicDcpsPublication = 0x7fff0000 + 3;
    internal const int BuiltinTopicDcpsSubscription = 0x7fff0000 + 4;

    internal const uint AnyState = 127;
    internal const uint InstanceStateAlive = 16;
    internal const short DataRepresentationXcdr1 = 0;
    internal const int IgnoreLocalParticipant = 1;

    internal const int HistoryKeepLast = 0;
    internal const int HistoryKeepAll = 1;
    internal const int ReliabilityBestEffort = 0;
    internal const int ReliabilityReliable = 1;
    internal const int DurabilityVolatile = 0;
    internal const int DurabilityTransientLocal = 1;
    internal const int LivelinessAutomatic = 0;
    internal const int LivelinessManualByTopic = 2;

    [LibraryImport(CycloneLibrary.ImportName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dds_create_domain(uint domain, string? config);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_participant(uint domain, nint qos, nint listener);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_publisher(int participant, nint qos, nint listener);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_subscriber(int participant, nint qos, nint listener);

    [LibraryImport(CycloneLibrary.ImportName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int dds_create_topic(int participant, NativeTopicDescriptor* descriptor, string name, nint qos, nint listener);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_writer(int participantOrPublisher, int topic, nint qos, nint listener);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_reader(int participantOrSubscriber, int topic, nint qos, nint listener);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_delete(int entity);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_get_guid(int entity, DdsGuid* guid);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_get_instance_handle(int entity, ulong* handle);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial byte* dds_strretcode(int rc);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_free(void* p);

    // ---- QoS ----
    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial nint dds_create_qos();

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_delete_qos(nint qos);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_userdata(nint qos, void* value, nuint size);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_history(nint qos, int kind, int depth);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_reliability(nint qos, int kind, long maxBlockingTime);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_durability(nint qos, int kind);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_durability_service(nint qos, long serviceCleanupDelay, int historyKind, int historyDepth, int maxSamples, int maxInstances, int maxSamplesPerInstance);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_writer_data_lifecycle(nint qos, [MarshalAs(UnmanagedType.U1)] bool autodispose);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_liveliness(nint qos, int kind, long leaseDuration);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_lifespan(nint qos, long lifespan);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_deadline(nint qos, long deadline);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_ignorelocal(nint qos, int kind);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_qset_data_representation(nint qos, uint n, short* values);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_userdata(nint qos, void** value, nuint* size);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_reliability(nint qos, int* kind, long* maxBlockingTime);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_durability(nint qos, int* kind);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_history(nint qos, int* kind, int* depth);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_liveliness(nint qos, int* kind, long* leaseDuration);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_deadline(nint qos, long* deadline);

    [LibraryImport(CycloneLibrary.ImportName)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool dds_qget_lifespan(nint qos, long* lifespan);

    // ---- listeners and status ----
    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial nint dds_create_listener(void* arg);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_delete_listener(nint listener);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_lset_data_available(nint listener, delegate* unmanaged<int, void*, void> callback);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_lset_publication_matched(nint listener, delegate* unmanaged<int, MatchedStatus, void*, void> callback);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_lset_subscription_matched(nint listener, delegate* unmanaged<int, MatchedStatus, void*, void> callback);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_get_publication_matched_status(int writer, MatchedStatus* status);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_get_subscription_matched_status(int reader, MatchedStatus* status);

    // ---- data ----
    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_write(int writer, void* sample);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_take(int reader, void** buffer, DdsSampleInfo* infos, nuint bufferSize, uint maxSamples);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_return_loan(int reader, void** buffer, int count);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_takecdr(int reader, nint* serdata, uint maxSamples, DdsSampleInfo* infos, uint mask);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial uint ddsi_serdata_size(nint serdata);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void ddsi_serdata_to_ser(nint serdata, nuint offset, nuint size, void* buffer);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void ddsi_serdata_unref(nint serdata);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial nint dds_get_matched_publication_data(int reader, ulong publicationHandle);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial void dds_builtintopic_free_endpoint(void* endpoint);

    // ---- waitsets (graph thread) ----
    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_waitset(int participant);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_waitset_attach(int waitset, int entity, nint x);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_waitset_wait(int waitset, nint* xs, nuint nxs, long relativeTimeout);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_readcondition(int reader, uint mask);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_create_guardcondition(int participant);

    [LibraryImport(CycloneLibrary.ImportName)]
    internal static partial int dds_set_guardcondition(int guardCondition, [MarshalAs(UnmanagedType.U1)] bool triggered);

    /// <summary>The text of a Cyclone return code.</summary>
    internal static string ErrorText(int rc) => Marshal.PtrToStringUTF8((nint)dds_strretcode(rc)) ?? rc.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
