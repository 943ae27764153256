namespace Robotics.Ros.Messages;

/// <summary>A constant declared in a .msg file, e.g. <c>uint8 OK=0</c>.</summary>
/// <param name="Name">Constant name as in the .msg file.</param>
/// <param name="Kind">Primitive kind (never <see cref="RosFieldKind.Message"/>).</param>
/// <param name="Value">The value, boxed as the C# type of <paramref name="Kind"/>.</param>
/// <param name="ValueText">The value text as written in the .msg file.</param>
public sealed record ConstantDefinition(string Name, RosFieldKind Kind, object Value, string ValueText);
