using System.CommandLine;
using System.Globalization;
using ScottPlot;

namespace Robotics.Cli.Pushing;

/// <summary>
/// <c>robotics sparsity-plot</c>: draws prediction error vs remaining ReLUs from the sparsification table
/// (models/artifacts/pusher-sparse-errors.md, written by the sparsification run) into a PNG next to it.
/// </summary>
public static class SparsityPlotCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var table = new Option<string?>("--table") { Description = "The error table (markdown; default models/artifacts/pusher-sparse-errors.md)." };
        var output = new Option<string?>("--out") { Description = "PNG to write (default: the table's path with .png)." };
        var knee = new Option<int>("--knee") { Description = "ReLU count to mark as the knee (0 = none).", DefaultValueFactory = _ => 8 };
        var command = new Command("sparsity-plot",
            "Plot one-step and 10-step prediction error vs remaining ReLUs of the sparsified pusher models (ScottPlot PNG). Exit 0 = written, 2 = invalid input.")
        {
            table, output, knee,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(table) ?? Path.Combine(RepoPaths.Root, "models", "artifacts", "pusher-sparse-errors.md");
            string png = parse.GetValue(output) ?? Path.ChangeExtension(path, ".png");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"robotics sparsity-plot: --table {path} does not exist; run the sparsification (docs/mip-mpc.md) or pass --table.");
                return 2;
            }

            List<Row> rows;
            try
            {
                rows = Parse(File.ReadAllLines(path));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"robotics sparsity-plot: {path}: {e.Message}");
                return 2;
            }

            if (rows.Count < 2)
            {
                Console.Error.WriteLine($"robotics sparsity-plot: {path}: expected at least 2 table rows '| ReLUs | identity | x, y | yaw | x, y | yaw |', found {rows.Count}.");
                return 2;
            }

            Draw(rows, parse.GetValue(knee), png);
            Console.WriteLine($"wrote {png} ({rows.Count} sparsity levels)");
            return 0;
        });
        return command;
    }

    private sealed record Row(int Relus, double OneStepMm, double OneStepYaw, double TenStepMm, double TenStepYaw);

    // Rows "| 8 | 56 | 1.502, 1.531 | 23.05 | 6.04, 6.75 | 111.2 |": position errors are the mean of x and y.
    private static List<Row> Parse(string[] lines)
    {
        var rows = new List<Row>();
        foreach (string line in lines)
        {
            var cells = line.Trim().Trim('|').Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 6 || !int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int relus)) continue;
            rows.Add(new Row(relus, MeanPair(cells[2], line), Number(cells[3], line), MeanPair(cells[4], line), Number(cells[5], line)));
        }

        rows.Sort((a, b) => a.Relus.CompareTo(b.Relus));
        return rows;
    }

    private static double MeanPair(string cell, string line)
    {
        var parts = cell.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw new FormatException($"expected 'x, y' in '{cell}' of line '{line}'.");
        return (Number(parts[0], line) + Number(parts[1], line)) / 2;
    }

    private static double Number(string text, string line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : throw new FormatException($"'{text}' in line '{line}' is not a number.");

    private static void Draw(List<Row> rows, int knee, string png)
    {
        // x axis: equally spaced levels (0, 2, 4, 8, ... are roughly logarithmic), labelled with the ReLU count.
        var xs = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        ScottPlot.Plot top = multiplot.GetPlot(0), bottom = multiplot.GetPlot(1);
        Line(top, xs, rows.Select(r => r.OneStepMm).ToArray(), "one-step RMSE (mean of box x, y)");
        Line(top, xs, rows.Select(r => r.TenStepMm).ToArray(), "10-step open-loop RMSE (mean of box x, y)");
        Line(bottom, xs, rows.Select(r => r.OneStepYaw).ToArray(), "one-step RMSE yaw");
        Line(bottom, xs, rows.Select(r => r.TenStepYaw).ToArray(), "10-step open-loop RMSE yaw");
        top.Title("Pusher model: prediction error vs remaining ReLUs (others replaced by identity)");
        top.YLabel("box position error [mm]");
        bottom.YLabel("box yaw error [mrad]");
        bottom.XLabel("remaining ReLU neurons (of 64)");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < rows.Count; i++) ticks.AddMajor(i, rows[i].Relus.ToString(CultureInfo.InvariantCulture));
        foreach (var plot in new[] { top, bottom })
        {
            plot.Axes.Bottom.TickGenerator = ticks;
            int k = rows.FindIndex(r => r.Relus == knee);
            if (knee > 0 && k >= 0)
            {
                var line = plot.Add.VerticalLine(k);
                line.LinePattern = LinePattern.Dashed;
                line.LegendText = $"knee ({knee} ReLUs)";
            }

            plot.ShowLegend(Alignment.UpperRight);
        }

        multiplot.SharedAxes.ShareX([top, bottom]);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(png));
        if (folder is not null) Directory.CreateDirectory(folder);
        multiplot.SavePng(png, 900, 700);
    }

    private static void Line(ScottPlot.Plot plot, double[] xs, double[] ys, string label)
    {
        var line = plot.Add.Scatter(xs, ys);
        line.LegendText = label;
        line.LineWidth = 1.5f;
        line.MarkerSize = 6;
    }
}
