using System.Text;

namespace Robotics.Launch.Substitutions;

/// <summary>
/// Parses attribute values with substitutions as the ROS 2 launch frontend does: <c>$(name arg arg…)</c>, arguments
/// separated by white space, quoted with <c>'…'</c> or <c>"…"</c> (quotes removed, substitutions inside kept), nested
/// substitutions allowed anywhere (<c>$(var $(var which))</c>).
/// </summary>
internal static class SubstitutionParser
{
    public static IReadOnlyList<TextPart> Parse(string text)
    {
        var parts = new List<TextPart>();
        var sb = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '(')
            {
                Flush(parts, sb);
                parts.Add(ParseSubstitution(text, ref i));
                continue;
            }

            sb.Append(text[i++]);
        }

        Flush(parts, sb);
        return parts;
    }

    public static bool HasSubstitutions(string text) => text.Contains("$(", StringComparison.Ordinal);

    private static void Flush(List<TextPart> parts, StringBuilder sb)
    {
        if (sb.Length == 0) return;
        parts.Add(new LiteralPart(sb.ToString()));
        sb.Clear();
    }

    private static SubstitutionPart ParseSubstitution(string s, ref int i)
    {
        int start = i;
        i += 2;
        int nameStart = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-')) i++;
        string name = s[nameStart..i];
        if (name.Length == 0)
        {
            throw new FormatException($"'$(' at column {start + 1} must be followed by a substitution name, e.g. '$(var name)'.");
        }

        var args = new List<IReadOnlyList<TextPart>>();
        while (true)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (i >= s.Length)
            {
                throw new FormatException($"'$({name}' at column {start + 1} is not closed; add the ')'.");
            }

            if (s[i] == ')')
            {
                i++;
                break;
            }

            args.Add(ParseArgument(s, ref i, start, name));
        }

        return new SubstitutionPart(name, args, start + 1);
    }

    private static List<TextPart> ParseArgument(string s, ref int i, int start, string name)
    {
        var parts = new List<TextPart>();
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c) || c == ')') break;
            if (c == '$' && i + 1 < s.Length && s[i + 1] == '(')
            {
                Flush(parts, sb);
                parts.Add(ParseSubstitution(s, ref i));
                continue;
            }

            if (c is '\'' or '"')
            {
                char quote = c;
                int quoteAt = i;
                i++;
                while (i < s.Length && s[i] != quote)
                {
                    if (s[i] == '$' && i + 1 < s.Length && s[i + 1] == '(')
                    {
                        Flush(parts, sb);
                        parts.Add(ParseSubstitution(s, ref i));
                        continue;
                    }

                    sb.Append(s[i++]);
                }

                if (i >= s.Length)
                {
                    throw new FormatException($"'$({name}' at column {start + 1}: the quote opened at column {quoteAt + 1} is not closed.");
                }

                i++;
                continue;
            }

            sb.Append(c);
            i++;
        }

        Flush(parts, sb);
        return parts;
    }
}
