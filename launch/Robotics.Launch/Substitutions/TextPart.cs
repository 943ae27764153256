namespace Robotics.Launch.Substitutions;

/// <summary>A piece of an attribute value: literal text or a <c>$(name args…)</c> substitution.</summary>
internal abstract record TextPart;

/// <summary>Literal text.</summary>
internal sealed record LiteralPart(string Text) : TextPart;

/// <summary>A substitution; each argument is itself a sequence of parts (arguments may nest substitutions).</summary>
internal sealed record SubstitutionPart(string Name, IReadOnlyList<IReadOnlyList<TextPart>> Arguments, int Column) : TextPart;
