using Robotics.Ros.Dds.Native;

namespace Robotics.Ros.Dds;

/// <summary>
/// Creates each DDS domain once per process with the ROS-derived configuration and counts its users, as
/// <c>check_create_domain()</c>/<c>check_destroy_domain()</c> in rmw_cyclonedds do: a second transport on the same
/// domain must use the same configuration, and the domain is deleted with its last transport.
/// </summary>
internal static class DdsDomainRegistry
{
    private static readonly object Gate = new();
    private static readonly Dictionary<uint, Entry> Domains = new();

    /// <summary>Creates the domain (first user) or checks that its configuration matches (later users).</summary>
    /// <exception cref="InvalidOperationException">The configuration differs from the existing domain's, or Cyclone rejected it.</exception>
    internal static void Acquire(uint domainId, string config)
    {
        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out Entry? entry))
            {
                if (entry.Config != config)
                {
                    throw new InvalidOperationException(
                        $"DDS domain {domainId} already exists in this process with another discovery configuration ('{entry.Config}' vs '{config}'); " +
                        "create all transports of one domain with the same ROS_AUTOMATIC_DISCOVERY_RANGE, ROS_STATIC_PEERS and CYCLONEDDS_URI.");
                }

                entry.References++;
                return;
            }

            int handle = DdsApi.dds_create_domain(domainId, config);
            if (handle < 0)
            {
                throw new InvalidOperationException(
                    $"Cyclone DDS could not create domain {domainId}: {DdsApi.ErrorText(handle)}. Check CYCLONEDDS_URI and the configuration '{config}'.");
            }

            Domains[domainId] = new Entry(handle, config) { References = 1 };
        }
    }

    /// <summary>Drops one reference; deletes the domain with the last one.</summary>
    internal static void Release(uint domainId)
    {
        lock (Gate)
        {
            if (Domains.TryGetValue(domainId, out Entry? entry) && --entry.References == 0)
            {
                Domains.Remove(domainId);
                DdsApi.dds_delete(entry.Handle);
            }
        }
    }

    private sealed class Entry(int handle, string config)
    {
        public int Handle { get; } = handle;

        public string Config { get; } = config;

        public int References { get; set; }
    }
}
