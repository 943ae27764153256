namespace Robotics.Ros.Messages;

/// <summary>
/// The data of a Cyclone DDS <c>dds_topic_descriptor_t</c> (0.10.x ABI) for one type, as <c>idlc</c> emits it:
/// native sample size and alignment, flag set, type name and the marshalling ops bytecode.
/// The type has no keys (ROS topics are keyless).
/// </summary>
/// <param name="TypeName">DDS type name, e.g. <c>std_msgs::msg::dds_::String_</c>.</param>
/// <param name="Size">Size in bytes of the native C sample (<c>m_size</c>).</param>
/// <param name="Align">Alignment in bytes of the native C sample (<c>m_align</c>).</param>
/// <param name="FlagSet">Descriptor flags (<c>m_flagset</c>, <c>DDS_TOPIC_*</c>).</param>
/// <param name="Ops">The ops bytecode words (<c>m_ops</c>), see <c>dds/ddsc/dds_opcodes.h</c>.</param>
public sealed record DdsTopicDescriptor(string TypeName, uint Size, uint Align, uint FlagSet, uint[] Ops)
{
    /// <summary>Number of ops as idlc counts them (<c>m_nops</c>): instructions, not words.</summary>
    public uint NOps { get; init; }

    /// <summary>Number of keys (<c>m_nkeys</c>); always 0 for ROS types.</summary>
    public uint NKeys => 0;
}
