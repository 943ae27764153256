namespace Robotics.Control.Tuning;

/// <summary>
/// A small store of tuning hints (the paper's RAG memory) retrieved by relevance to an instruction: TF-IDF weighted
/// bag-of-words cosine similarity, deterministic (ties keep the stored order). No embedding model is needed on the robot.
/// </summary>
public sealed class TuningMemory
{
    private readonly List<string> hints = [];
    private readonly List<Dictionary<string, int>> counts = [];

    /// <summary>Creates a memory holding <paramref name="initialHints"/>.</summary>
    /// <param name="initialHints">Hints, e.g. "To stay closer to the centreline raise qn".</param>
    public TuningMemory(IEnumerable<string>? initialHints = null)
    {
        foreach (string h in initialHints ?? [])
        {
            Add(h);
        }
    }

    /// <summary>Number of hints.</summary>
    public int Count => hints.Count;

    /// <summary>Reads hints from a text file: one per non-empty line, <c>#</c> starts a comment line.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The memory.</returns>
    public static TuningMemory Load(string path) =>
        new(File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));

    /// <summary>Adds a hint.</summary>
    /// <param name="hint">The hint text.</param>
    public void Add(string hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hint);
        hints.Add(hint);
        counts.Add(WordCounts(hint));
    }

    /// <summary>The <paramref name="k"/> hints most relevant to <paramref name="query"/> (fewer when fewer share a word with it).</summary>
    /// <param name="query">The instruction.</param>
    /// <param name="k">How many.</param>
    /// <returns>The hints, most relevant first.</returns>
    public IReadOnlyList<string> Retrieve(string query, int k)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = WordCounts(query);
        int n = hints.Count;
        var scored = new List<(double Score, int Index)>();
        for (int i = 0; i < n; i++)
        {
            double dot = 0;
            double normHint = 0;
            foreach (var (word, c) in counts[i])
            {
                double w = c * Idf(word);
                normHint += w * w;
                if (q.TryGetValue(word, out int qc))
                {
                    dot += w * qc * Idf(word);
                }
            }

            double normQuery = 0;
            foreach (var (word, c) in q)
            {
                double w = c * Idf(word);
                normQuery += w * w;
            }

            if (dot > 0)
            {
                scored.Add((dot / Math.Sqrt(normHint * normQuery), i));
            }
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(k).Select(s => hints[s.Index]).ToArray();
    }

    private double Idf(string word)
    {
        int df = 0;
        foreach (var c in counts)
        {
            if (c.ContainsKey(word))
            {
                df++;
            }
        }

        return Math.Log((1.0 + counts.Count) / (1.0 + df)) + 1.0;
    }

    private static Dictionary<string, int> WordCounts(string text)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                string word = text[start..i].ToLowerInvariant();
                if (word.Length > 2 && !StopWords.Contains(word))
                {
                    result[word] = result.GetValueOrDefault(word) + 1;
                }

                start = -1;
            }
        }

        return result;
    }

    private static readonly HashSet<string> StopWords =
        ["the", "and", "for", "with", "that", "this", "you", "are", "but", "not", "was", "from", "your", "more", "less", "should", "please"];
}
