using System.Globalization;

namespace Robotics.Control.Stl;

internal enum StlTokenKind
{
    Number,
    Identifier,
    Symbol,
    Separator,
    End,
}

internal readonly record struct StlToken(StlTokenKind Kind, string Text, double Number, int Line, int Column)
{
    public override string ToString() => Kind switch
    {
        StlTokenKind.End => "end of input",
        StlTokenKind.Separator => Text == ";" ? "';'" : "end of line",
        _ => $"'{Text}'",
    };
}

/// <summary>
/// Splits a specification into tokens. Newlines separate statements only outside brackets and when the line does not
/// end in an operator, so long formulas can be wrapped.
/// </summary>
internal static class StlLexer
{
    private static readonly string[] Symbols =
        ["<->", "->", ">=", "<=", "==", "!=", "&&", "||", "(", ")", "[", "]", ",", ":", ";", "+", "-", "*", "/", ">", "<", "!", "~", "&", "|", "="];

    public static List<StlToken> Tokenize(string text, string source)
    {
        var tokens = new List<StlToken>();
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int column = i - lineStart + 1;
            if (c == '\n')
            {
                if (depth == 0 && tokens.Count > 0 && !ContinuesLine(tokens[^1]))
                {
                    tokens.Add(new StlToken(StlTokenKind.Separator, "\n", 0, line, column));
                }

                line++;
                lineStart = i + 1;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                if (i < text.Length && (text[i] == 'e' || text[i] == 'E') && i + 1 < text.Length &&
                    (char.IsAsciiDigit(text[i + 1]) || ((text[i + 1] == '-' || text[i + 1] == '+') && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
                {
                    i += 2;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }

                string s = text[start..i];
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    throw new StlParseException(source, line, column, $"'{s}' is not a number");
                }

                tokens.Add(new StlToken(StlTokenKind.Number, s, value, line, column));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new StlToken(StlTokenKind.Identifier, text[start..i], 0, line, column));
                continue;
            }

            string? symbol = null;
            foreach (string candidate in Symbols)
            {
                if (string.CompareOrdinal(text, i, candidate, 0, candidate.Length) == 0)
                {
                    symbol = candidate;
                    break;
                }
            }

            if (symbol is null)
            {
                throw new StlParseException(source, line, column, $"unexpected character '{c}'");
            }

            depth += symbol is "(" or "[" ? 1 : symbol is ")" or "]" ? -1 : 0;
            tokens.Add(symbol == ";"
                ? new StlToken(StlTokenKind.Separator, ";", 0, line, column)
                : new StlToken(StlTokenKind.Symbol, symbol, 0, line, column));
            i += symbol.Length;
        }

        tokens.Add(new StlToken(StlTokenKind.End, "", 0, line, text.Length - lineStart + 1));
        return tokens;
    }

    private static bool ContinuesLine(StlToken last) =>
        last.Kind == StlTokenKind.Separator ||
        (last.Kind == StlTokenKind.Symbol && last.Text is not (")" or "]")) ||
        (last.Kind == StlTokenKind.Identifier && last.Text is "and" or "or" or "implies" or "iff" or "not" or "until" or "since");
}
