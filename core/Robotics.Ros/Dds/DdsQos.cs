using System.Text;
using Robotics.Ros.Dds.Native;

namespace Robotics.Ros.Dds;

/// <summary>
/// QoS objects as rmw_cyclonedds builds them (<c>create_readwrite_qos()</c> in <c>rmw_node.cpp</c>), plus forced XCDR1
/// (rmw's sertype allows only XCDR1), and the reverse mapping for endpoints seen through the builtin topics.
/// </summary>
internal static unsafe class DdsQos
{
    /// <summary>One reader/writer QoS in ROS terms (<c>rmw_qos_profile_t</c>; durations in ns, negative = unspecified).</summary>
    internal readonly record struct Settings(
        bool KeepAll,
        int Depth,
        bool Reliable,
        bool TransientLocal,
        long DeadlineNs = -1,
        long LifespanNs = -1,
        bool LivelinessManualByTopic = false,
        long LivelinessLeaseNs = -1);

    /// <summary>Creates a <c>dds_qos_t</c>; the caller deletes it with <c>dds_delete_qos</c>.</summary>
    /// <exception cref="ArgumentException">The depth is outside 1..int.MaxValue for KEEP_LAST (0 means system default = 1).</exception>
    internal static nint Create(in Settings s, bool ignoreLocal, string userData)
    {
        if (!s.KeepAll && s.Depth < 0)
        {
            throw new ArgumentException($"QoS depth {s.Depth} is invalid; use 1 or more for KEEP_LAST (0 = system default, which is 1).", nameof(s));
        }

        nint qos = DdsApi.dds_create_qos();
        DdsApi.dds_qset_writer_data_lifecycle(qos, false);
        if (s.KeepAll)
        {
            DdsApi.dds_qset_history(qos, DdsApi.HistoryKeepAll, DdsApi.LengthUnlimited);
        }
        else
        {
            DdsApi.dds_qset_history(qos, DdsApi.HistoryKeepLast, s.Depth == 0 ? 1 : s.Depth);
        }

        if (s.Reliable)
        {
            DdsApi.dds_qset_reliability(qos, DdsApi.ReliabilityReliable, DdsApi.Infinity);
        }
        else
        {
            DdsApi.dds_qset_reliability(qos, DdsApi.ReliabilityBestEffort, 0);
        }

        if (s.TransientLocal)
        {
            // Cyclone keeps historical data per the durability service history: same kind and depth as the history.
            DdsApi.dds_qset_durability(qos, DdsApi.DurabilityTransientLocal);
            DdsApi.dds_qset_durability_service(
                qos, 0, s.KeepAll ? DdsApi.HistoryKeepAll : DdsApi.HistoryKeepLast, s.KeepAll ? DdsApi.LengthUnlimited : (s.Depth == 0 ? 1 : s.Depth),
                DdsApi.LengthUnlimited, DdsApi.LengthUnlimited, DdsApi.LengthUnlimited);
        }
        else
        {
            DdsApi.dds_qset_durability(qos, DdsApi.DurabilityVolatile);
        }

        if (s.LifespanNs >= 0)
        {
            DdsApi.dds_qset_lifespan(qos, s.LifespanNs);
        }

        if (s.DeadlineNs >= 0)
        {
            DdsApi.dds_qset_deadline(qos, s.DeadlineNs);
        }

        long lease = s.LivelinessLeaseNs >= 0 ? s.LivelinessLeaseNs : DdsApi.Infinity;
        DdsApi.dds_qset_liveliness(qos, s.LivelinessManualByTopic ? DdsApi.LivelinessManualByTopic : DdsApi.LivelinessAutomatic, lease);
        if (ignoreLocal)
        {
            DdsApi.dds_qset_ignorelocal(qos, DdsApi.IgnoreLocalParticipant);
        }

        byte[] ud = Encoding.UTF8.GetBytes(userData);
        fixed (byte* p = ud)
        {
            DdsApi.dds_qset_userdata(qos, p, (nuint)ud.Length);
        }

        short xcdr1 = DdsApi.DataRepresentationXcdr1;
        DdsApi.dds_qset_data_representation(qos, 1, &xcdr1);
        return qos;
    }

    /// <summary>Reads the ROS-relevant policies of a remote endpoint's QoS (from a builtin-topic sample).</summary>
    internal static Settings Read(nint qos)
    {
        int reliability = DdsApi.ReliabilityBestEffort, durability = DdsApi.DurabilityVolatile, history = DdsApi.HistoryKeepLast, depth = 1, liveliness = 0;
        long blocking, deadline = -1, lifespan = -1, lease = -1;
        if (qos != 0)
        {
            DdsApi.dds_qget_reliability(qos, &reliability, &blocking);
            DdsApi.dds_qget_durability(qos, &durability);
            DdsApi.dds_qget_history(qos, &history, &depth);
            if (!DdsApi.dds_qget_deadline(qos, &deadline) || deadline == DdsApi.Infinity)
            {
                deadline = -1;
            }

            if (!DdsApi.dds_qget_lifespan(qos, &lifespan) || lifespan == DdsApi.Infinity)
            {
                lifespan = -1;
            }

            if (!DdsApi.dds_qget_liveliness(qos, &liveliness, &lease) || lease == DdsApi.Infinity)
            {
                lease = -1;
            }
        }

        return new Settings(
            history == DdsApi.HistoryKeepAll,
            history == DdsApi.HistoryKeepAll ? 0 : depth,
            reliability == DdsApi.ReliabilityReliable,
            durability == DdsApi.DurabilityTransientLocal,
            deadline,
            lifespan,
            liveliness == DdsApi.LivelinessManualByTopic,
            lease);
    }

    /// <summary>The USER_DATA of a QoS object, or empty.</summary>
    internal static byte[] ReadUserData(nint qos)
    {
        void* value = null;
        nuint size = 0;
        if (qos == 0 || !DdsApi.dds_qget_userdata(qos, &value, &size) || value == null)
        {
            return [];
        }

        byte[] bytes = new ReadOnlySpan<byte>(value, (int)size).ToArray();
        DdsApi.dds_free(value);
        return bytes;
    }
}
