namespace Robotics.Ros.Transport;

/// <summary>One node of a participant and the Gids of its endpoints (<c>rmw_dds_common/msg/NodeEntitiesInfo</c>).</summary>
/// <param name="Namespace">Node namespace, e.g. <c>/</c> or <c>/demo</c>.</param>
/// <param name="Name">Node name without namespace.</param>
/// <param name="Readers">Gids of the node's readers (subscriptions, service request readers, client reply readers).</param>
/// <param name="Writers">Gids of the node's writers.</param>
public sealed record NodeEntitiesInfo(string Namespace, string Name, IReadOnlyList<Gid> Readers, IReadOnlyList<Gid> Writers);
