using System.Text;

namespace Robotics.Launch.Evaluation;

/// <summary>Splits a command line into words as POSIX <c>shlex.split</c> does (quotes and backslashes; no expansion).</summary>
internal static class CommandLineSplitter
{
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        bool inWord = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(sb.ToString());
                    sb.Clear();
                    inWord = false;
                }

                i++;
                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                int end = text.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException($"the single quote at column {i + 1} of '{text}' is not closed.");
                sb.Append(text, i + 1, end - i - 1);
                i = end + 1;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    sb.Append(text[i++]);
                }

                if (i >= text.Length) throw new FormatException($"a double quote in '{text}' is not closed.");
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                sb.Append(text[i + 1]);
                i += 2;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        if (inWord) words.Add(sb.ToString());
        return words;
    }
}
