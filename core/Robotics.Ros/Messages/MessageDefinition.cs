namespace Robotics.Ros.Messages;

/// <summary>
/// Introspection data of one message type: fields in declaration order, constants and the .msg source text.
/// Used for YAML conversion, <c>interface show</c> and schema export.
/// </summary>
public sealed class MessageDefinition
{
    /// <summary>Creates a definition (called by generated code).</summary>
    /// <param name="rosTypeName">ROS type name, e.g. <c>std_msgs/msg/Header</c>.</param>
    /// <param name="fields">Fields in declaration order.</param>
    /// <param name="constants">Constants in declaration order.</param>
    /// <param name="text">The .msg text the type was generated from.</param>
    public MessageDefinition(string rosTypeName, IReadOnlyList<FieldDefinition> fields,
        IReadOnlyList<ConstantDefinition> constants, string text)
    {
        RosTypeName = rosTypeName;
        Fields = fields;
        Constants = constants;
        Text = text;
    }

    /// <summary>ROS type name, e.g. <c>std_msgs/msg/Header</c>.</summary>
    public string RosTypeName { get; }

    /// <summary>Fields in declaration order (empty for an empty message such as <c>std_msgs/Empty</c>).</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Constants in declaration order.</summary>
    public IReadOnlyList<ConstantDefinition> Constants { get; }

    /// <summary>The .msg source text (comments included), as vendored.</summary>
    public string Text { get; }

    /// <summary>Finds a field by its ROS name.</summary>
    /// <param name="name">ROS field name.</param>
    /// <returns>The field or null.</returns>
    public FieldDefinition? FindField(string name)
    {
        foreach (FieldDefinition f in Fields)
        {
            if (f.Name == name)
            {
                return f;
            }
        }

        return null;
    }
}
