namespace Robotics.Ros.Graph;

/// <summary>A node seen in the graph: namespace, name and the enclave of its participant.</summary>
/// <param name="Namespace">Namespace, e.g. <c>/</c> or <c>/demo</c>.</param>
/// <param name="Name">Name without namespace, e.g. <c>talker</c>.</param>
/// <param name="Enclave">Security enclave of the node's participant (<c>/</c> by default).</param>
public readonly record struct NodeName(string Namespace, string Name, string Enclave = "/")
{
    /// <summary>Fully qualified name as <c>ros2 node list</c> prints it: <c>/demo/talker</c>, <c>/talker</c>.</summary>
    public string FullName => Namespace.EndsWith('/') ? Namespace + Name : Namespace + "/" + Name;

    /// <summary>The fully qualified name.</summary>
    public override string ToString() => FullName;
}
