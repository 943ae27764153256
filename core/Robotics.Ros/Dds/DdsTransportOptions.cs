using System.Globalization;
using System.Text;

namespace Robotics.Ros.Dds;

/// <summary>
/// Settings of a Cyclone DDS transport, normally read from the ROS environment with <see cref="FromEnvironment()"/>:
/// <c>ROS_DOMAIN_ID</c>, <c>ROS_DISTRO</c> (Gid size and type hashes), <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c>,
/// <c>ROS_STATIC_PEERS</c>, <c>ROS_LOCALHOST_ONLY</c> and <c>CYCLONEDDS_URI</c>.
/// </summary>
public sealed record DdsTransportOptions
{
    /// <summary>DDS domain id (<c>ROS_DOMAIN_ID</c>, default 0; 0-232 are valid for Cyclone's port mapping).</summary>
    public uint DomainId { get; init; }

    /// <summary>Security enclave put into the participant USER_DATA as <c>enclave=&lt;enclave&gt;;</c>.</summary>
    public string Enclave { get; init; } = "/";

    /// <summary>
    /// Size in bytes of <c>rmw_dds_common/Gid</c> in <c>ros_discovery_info</c>: 24 on Humble, 16 on Iron and later.
    /// </summary>
    public int GidSize { get; init; } = 16;

    /// <summary>Whether endpoints carry <c>typehash=RIHS01_…;</c> USER_DATA (Iron and later; not Humble).</summary>
    public bool PublishTypeHash { get; init; } = true;

    /// <summary>Automatic discovery range (<c>ROS_AUTOMATIC_DISCOVERY_RANGE</c>).</summary>
    public DiscoveryRange DiscoveryRange { get; init; } = DiscoveryRange.Subnet;

    /// <summary>Unicast peers (<c>ROS_STATIC_PEERS</c>, separated by ';').</summary>
    public IReadOnlyList<string> StaticPeers { get; init; } = [];

    /// <summary>Cyclone configuration appended after the ROS-derived fragment (<c>CYCLONEDDS_URI</c>: XML or file:// URIs).</summary>
    public string? CycloneUri { get; init; }

    /// <summary>Reads the options from the process environment.</summary>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">A variable holds a value ROS would reject; the message names it and the allowed values.</exception>
    public static DdsTransportOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the options from <paramref name="getVariable"/> (for tests).</summary>
    /// <param name="getVariable">Returns the value of an environment variable, or null.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">A variable holds a value ROS would reject.</exception>
    public static DdsTransportOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        uint domain = 0;
        string? domainText = getVariable("ROS_DOMAIN_ID");
        if (!string.IsNullOrWhiteSpace(domainText)
            && (!uint.TryParse(domainText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out domain) || domain > 232))
        {
            throw new ArgumentException($"ROS_DOMAIN_ID='{domainText}' is not a domain id; use an integer 0-232 (0-101 with the ROS default port ranges).", nameof(getVariable));
        }

        bool humble = string.Equals(getVariable("ROS_DISTRO")?.Trim(), "humble", StringComparison.OrdinalIgnoreCase);
        string? rangeText = getVariable("ROS_AUTOMATIC_DISCOVERY_RANGE");
        DiscoveryRange range = DiscoveryRange.Subnet;
        if (!string.IsNullOrWhiteSpace(rangeText))
        {
            range = rangeText.Trim().ToUpperInvariant() switch
            {
                "SUBNET" => DiscoveryRange.Subnet,
                "LOCALHOST" => DiscoveryRange.Localhost,
                "OFF" => DiscoveryRange.Off,
                "SYSTEM_DEFAULT" => DiscoveryRange.SystemDefault,
                _ => throw new ArgumentException($"ROS_AUTOMATIC_DISCOVERY_RANGE='{rangeText}' is not a range; use SUBNET, LOCALHOST, OFF or SYSTEM_DEFAULT.", nameof(getVariable)),
            };
        }
        else if (getVariable("ROS_LOCALHOST_ONLY")?.Trim() == "1")
        {
            range = DiscoveryRange.Localhost;
        }

        string[] peers = (getVariable("ROS_STATIC_PEERS") ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? uri = getVariable("CYCLONEDDS_URI");
        return new DdsTransportOptions
        {
            DomainId = domain,
            GidSize = humble ? 24 : 16,
            PublishTypeHash = !humble,
            DiscoveryRange = range,
            StaticPeers = peers,
            CycloneUri = string.IsNullOrEmpty(uri) ? null : uri,
        };
    }

    /// <summary>
    /// The configuration string passed to <c>dds_create_domain</c>, built exactly as <c>check_create_domain()</c> in
    /// rmw_cyclonedds (jazzy) does: a discovery fragment for the range and static peers, then <c>CYCLONEDDS_URI</c>.
    /// </summary>
    /// <param name="processId">Process id, used in the discovery tag of <see cref="DiscoveryRange.Off"/>.</param>
    /// <returns>The configuration string (may be empty).</returns>
    public string BuildCycloneConfig(int processId)
    {
        bool addLocalhost = false, addStaticPeers = false, disableMulticast = false;
        switch (DiscoveryRange)
        {
            case DiscoveryRange.Subnet:
                addStaticPeers = true;
                break;
            case DiscoveryRange.Localhost:
                addLocalhost = true;
                addStaticPeers = true;
                disableMulticast = true;
                break;
            case DiscoveryRange.Off:
                disableMulticast = true;
                break;
            case DiscoveryRange.SystemDefault:
                break;
            default:
                throw new InvalidOperationException($"DiscoveryRange {DiscoveryRange} is not handled.");
        }

        var config = new StringBuilder();
        if (addLocalhost || addStaticPeers || disableMulticast)
        {
            config.Append("<CycloneDDS><Domain>");
            if (disableMulticast)
            {
                config.Append("<General><AllowMulticast>false</AllowMulticast></General>");
            }

            bool discoveryOff = disableMulticast && !addLocalhost && !addStaticPeers;
            if (discoveryOff)
            {
                config.Append("<Discovery><ParticipantIndex>none</ParticipantIndex>");
                config.Append("<Tag>ros_discovery_off_").Append(processId.ToString(CultureInfo.InvariantCulture)).Append("</Tag>");
            }
            else
            {
                config.Append("<Discovery><ParticipantIndex>auto</ParticipantIndex>");
                config.Append("<MaxAutoParticipantIndex>32</MaxAutoParticipantIndex>");
            }

            if ((addStaticPeers && StaticPeers.Count > 0) || addLocalhost)
            {
                config.Append("<Peers>");
                if (addLocalhost)
                {
                    config.Append("<Peer address=\"localhost\"/>");
                }

                if (addStaticPeers)
                {
                    foreach (string peer in StaticPeers)
                    {
                        config.Append("<Peer address=\"").Append(peer).Append("\"/>");
                    }
                }

                config.Append("</Peers>");
            }

            config.Append("</Discovery></Domain></CycloneDDS>,");
        }

        config.Append(CycloneUri ?? string.Empty);
        return config.ToString();
    }
}
