using System.Globalization;

namespace Robotics.Control.Stl;

/// <summary>
/// A uniformly sampled multi-signal trace: sample times and one column per named signal.
/// </summary>
public sealed class StlTrace
{
    private readonly Dictionary<string, double[]> columns;

    /// <summary>Creates a trace.</summary>
    /// <param name="times">Sample times, seconds, strictly increasing with a constant step (within 1e-6 relative).</param>
    /// <param name="columns">Signal name to values (one per time).</param>
    /// <exception cref="ArgumentException">Lengths differ, fewer than one sample, or the sampling is not uniform.</exception>
    public StlTrace(double[] times, IReadOnlyDictionary<string, double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(columns);
        if (times.Length == 0)
        {
            throw new ArgumentException("A trace needs at least one sample.", nameof(times));
        }

        foreach (var (name, values) in columns)
        {
            if (values.Length != times.Length)
            {
                throw new ArgumentException($"Signal '{name}' has {values.Length} samples but there are {times.Length} times.", nameof(columns));
            }
        }

        SamplePeriod = times.Length > 1 ? (times[^1] - times[0]) / (times.Length - 1) : 1.0;
        for (int k = 1; k < times.Length; k++)
        {
            double step = times[k] - times[k - 1];
            if (!(step > 0) || Math.Abs(step - SamplePeriod) > 1e-6 * SamplePeriod + 1e-12)
            {
                throw new ArgumentException(
                    $"The trace is not uniformly sampled: time step {step.ToString(CultureInfo.InvariantCulture)} s at sample {k} " +
                    $"differs from the mean period {SamplePeriod.ToString(CultureInfo.InvariantCulture)} s; resample it first.", nameof(times));
            }
        }

        Times = times;
        this.columns = new Dictionary<string, double[]>(columns, StringComparer.Ordinal);
    }

    /// <summary>Sample times, seconds.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The sample period, seconds.</summary>
    public double SamplePeriod { get; }

    /// <summary>Number of samples.</summary>
    public int Length => Times.Count;

    /// <summary>The signal names.</summary>
    public IReadOnlyCollection<string> SignalNames => columns.Keys;

    /// <summary>The values of one signal, or null when the trace has no such signal.</summary>
    /// <param name="name">The signal name.</param>
    /// <returns>The values or null.</returns>
    public double[]? Signal(string name) => columns.GetValueOrDefault(name);

    /// <summary>
    /// Reads a CSV file: a header row, the first column is time in seconds, the others are signals named by the header.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="FormatException">The file is malformed; the message names the file, line and column.</exception>
    public static StlTrace ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length < 2)
        {
            throw new FormatException($"{path}: a trace CSV needs a header row and at least one data row.");
        }

        string[] header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        if (header.Length < 2)
        {
            throw new FormatException($"{path}:1: the header needs a time column followed by signal columns, e.g. 'time,x,y'.");
        }

        var times = new List<double>();
        var values = new List<double>[header.Length - 1];
        for (int c = 0; c < values.Length; c++)
        {
            values[c] = [];
        }

        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                throw new FormatException($"{path}:{i + 1}: {cells.Length} columns, the header has {header.Length}.");
            }

            for (int c = 0; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    throw new FormatException($"{path}:{i + 1}: column '{header[c]}' holds '{cells[c].Trim()}', which is not a number.");
                }

                if (c == 0)
                {
                    times.Add(v);
                }
                else
                {
                    values[c - 1].Add(v);
                }
            }
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int c = 1; c < header.Length; c++)
        {
            columns[header[c]] = values[c - 1].ToArray();
        }

        try
        {
            return new StlTrace(times.ToArray(), columns);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }
}
