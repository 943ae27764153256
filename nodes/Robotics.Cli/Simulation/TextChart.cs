using System.Globalization;
using System.Text;

namespace Robotics.Cli.Simulation;

/// <summary>A small fixed-size text plot of one or two series over time, for terminals and logs.</summary>
public static class TextChart
{
    /// <summary>
    /// Renders <paramref name="measured"/> ('*') and <paramref name="reference"/> ('-', drawn first so the
    /// measurement shows on top) sampled at <paramref name="time"/>, <paramref name="width"/> columns by
    /// <paramref name="height"/> rows, with the value axis on the left and the time axis below.
    /// </summary>
    public static string Render(IReadOnlyList<double> time, IReadOnlyList<double> measured, IReadOnlyList<double> reference,
        int width = 64, int height = 12, string unit = "")
    {
        // Non-finite samples (e.g. a sensor dropout reads NaN) are left out of the scale and the plot.
        var finite = measured.Concat(reference).Where(double.IsFinite).ToList();
        if (time.Count == 0 || finite.Count == 0) return "(no data)\n";
        double lo = finite.Min();
        double hi = finite.Max();
        if (hi - lo < 1e-12)
        {
            hi += 0.5;
            lo -= 0.5;
        }

        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        var grid = new char[height, width];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++) grid[r, c] = ' ';
        }

        void Plot(IReadOnlyList<double> series, char mark)
        {
            for (int c = 0; c < width; c++)
            {
                int i = (int)Math.Min(time.Count - 1, (long)c * (time.Count - 1) / Math.Max(1, width - 1));
                if (!double.IsFinite(series[i])) continue;
                int row = (int)Math.Round((hi - series[i]) / (hi - lo) * (height - 1));
                grid[Math.Clamp(row, 0, height - 1), c] = mark;
            }
        }

        Plot(reference, '-');
        Plot(measured, '*');
        var sb = new StringBuilder();
        for (int r = 0; r < height; r++)
        {
            double value = hi - (hi - lo) * r / (height - 1);
            sb.Append(value.ToString("+0.000;-0.000", CultureInfo.InvariantCulture).PadLeft(8)).Append(' ').Append(unit).Append(" |");
            for (int c = 0; c < width; c++) sb.Append(grid[r, c]);
            sb.Append('\n');
        }

        string t0 = time[0].ToString("0.0", CultureInfo.InvariantCulture) + " s";
        string t1 = time[^1].ToString("0.0", CultureInfo.InvariantCulture) + " s";
        int indent = 10 + unit.Length + 1;
        sb.Append(' ', indent).Append(t0).Append(' ', Math.Max(1, width - t0.Length - t1.Length)).Append(t1).Append('\n');
        return sb.ToString();
    }
}
