namespace Robotics.Ros.Messages;

/// <summary>
/// One field of a ROS 2 message type: its ROS name, type, bounds and default, plus accessors that read and write
/// the field on a message instance (values are boxed; use this for tools, not on hot paths).
/// Array fields use C# arrays (<c>T[]</c>); <c>byte</c>, <c>char</c> and <c>uint8</c> elements are <see cref="byte"/>.
/// </summary>
public sealed class FieldDefinition
{
    private readonly Func<IRosMessage, object> _get;
    private readonly Action<IRosMessage, object> _set;
    private readonly Func<MessageTypeSupport>? _nested;

    /// <summary>Creates a field definition (called by generated code).</summary>
    /// <param name="name">ROS field name (lower_snake).</param>
    /// <param name="propertyName">C# property name.</param>
    /// <param name="kind">Element kind.</param>
    /// <param name="messageTypeName">ROS type name of the element for <see cref="RosFieldKind.Message"/> (e.g. <c>std_msgs/msg/Header</c>), else null.</param>
    /// <param name="stringBound">Bound of a bounded string element, 0 if unbounded.</param>
    /// <param name="arrayKind">Array decoration.</param>
    /// <param name="arraySize">Fixed size or bound of the array, 0 when not applicable.</param>
    /// <param name="defaultValueText">Default value as written in the .msg file, or null.</param>
    /// <param name="getter">Reads the field (boxed).</param>
    /// <param name="setter">Writes the field (boxed value of the C# field type).</param>
    /// <param name="nestedSupport">Returns the nested message's type support, for message fields.</param>
    public FieldDefinition(string name, string propertyName, RosFieldKind kind, string? messageTypeName, int stringBound,
        RosArrayKind arrayKind, int arraySize, string? defaultValueText, Func<IRosMessage, object> getter,
        Action<IRosMessage, object> setter, Func<MessageTypeSupport>? nestedSupport)
    {
        Name = name;
        PropertyName = propertyName;
        Kind = kind;
        MessageTypeName = messageTypeName;
        StringBound = stringBound;
        ArrayKind = arrayKind;
        ArraySize = arraySize;
        DefaultValueText = defaultValueText;
        _get = getter;
        _set = setter;
        _nested = nestedSupport;
    }

    /// <summary>ROS field name, e.g. <c>frame_id</c>.</summary>
    public string Name { get; }

    /// <summary>C# property name, e.g. <c>FrameId</c>.</summary>
    public string PropertyName { get; }

    /// <summary>Element kind.</summary>
    public RosFieldKind Kind { get; }

    /// <summary>ROS type name of a nested message element (<c>pkg/msg/Type</c>), null for primitives.</summary>
    public string? MessageTypeName { get; }

    /// <summary>Bound of a bounded string element (<c>string&lt;=N</c>), 0 when unbounded.</summary>
    public int StringBound { get; }

    /// <summary>Array decoration.</summary>
    public RosArrayKind ArrayKind { get; }

    /// <summary>Fixed length (<see cref="RosArrayKind.Fixed"/>) or bound (<see cref="RosArrayKind.Bounded"/>), else 0.</summary>
    public int ArraySize { get; }

    /// <summary>Default value text from the .msg file, or null when the field has none.</summary>
    public string? DefaultValueText { get; }

    /// <summary>Type support of the nested message for <see cref="RosFieldKind.Message"/> fields, else null.</summary>
    public MessageTypeSupport? NestedSupport => _nested?.Invoke();

    /// <summary>True when the field is an array or sequence.</summary>
    public bool IsArray => ArrayKind != RosArrayKind.None;

    /// <summary>The ROS type as written in a .msg file, e.g. <c>float64[3]</c>, <c>string&lt;=10</c>, <c>std_msgs/Header</c>.</summary>
    public string RosTypeText
    {
        get
        {
            string element = Kind switch
            {
                RosFieldKind.Message => ShortName(MessageTypeName!),
                RosFieldKind.String => StringBound > 0 ? "string<=" + StringBound : "string",
                RosFieldKind.WString => StringBound > 0 ? "wstring<=" + StringBound : "wstring",
                _ => Kind.ToString().ToLowerInvariant(),
            };
            return ArrayKind switch
            {
                RosArrayKind.Fixed => element + "[" + ArraySize + "]",
                RosArrayKind.Bounded => element + "[<=" + ArraySize + "]",
                RosArrayKind.Unbounded => element + "[]",
                _ => element,
            };
        }
    }

    /// <summary>Reads the field value (boxed; arrays are returned by reference).</summary>
    /// <param name="message">A message of the declaring type.</param>
    /// <returns>The value.</returns>
    public object GetValue(IRosMessage message) => _get(message);

    /// <summary>Writes the field value (boxed value of the C# property type).</summary>
    /// <param name="message">A message of the declaring type.</param>
    /// <param name="value">The new value.</param>
    public void SetValue(IRosMessage message, object value) => _set(message, value);

    private static string ShortName(string rosTypeName)
    {
        string[] parts = rosTypeName.Split('/');
        return parts.Length == 3 ? parts[0] + "/" + parts[2] : rosTypeName;
    }
}
