using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Models.Export;

namespace Robotics.Models.Tests;

/// <summary>Compiles generated C with the system gcc into a temporary directory and runs it.</summary>
internal sealed class CCompiler : IDisposable
{
    public CCompiler()
    {
        Directory = Path.Combine(Path.GetTempPath(), "robotics-cexport-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>
    /// Writes the model files and a harness that steps every (state, input) row once and prints the next states;
    /// compiles with warnings as errors (C99, pedantic) and returns the rows printed.
    /// </summary>
    public double[][] Run(CExportResult export, double[][] states, double[][] inputs, string extraC = "")
    {
        File.WriteAllText(Path.Combine(Directory, export.HeaderFileName), export.Header);
        File.WriteAllText(Path.Combine(Directory, export.SourceFileName), export.Source);
        string N = export.Name.ToUpperInvariant();
        var h = new StringBuilder();
        h.AppendLine("#include <stdio.h>");
        h.AppendLine($"#include \"{export.HeaderFileName}\"");
        h.AppendLine(extraC);
        h.AppendLine($"static const float S[{states.Length}][{N}_STATE_SIZE] = {{");
        foreach (var s in states) h.AppendLine("    { " + string.Join(", ", s.Select(v => CExporterLiteral((float)v))) + " },");
        h.AppendLine("};");
        h.AppendLine($"static const float U[{inputs.Length}][{N}_INPUT_SIZE] = {{");
        foreach (var u in inputs) h.AppendLine("    { " + string.Join(", ", u.Select(v => CExporterLiteral((float)v))) + " },");
        h.AppendLine("};");
        h.AppendLine("int main(void)");
        h.AppendLine("{");
        h.AppendLine($"    float next[{N}_STATE_SIZE];");
        h.AppendLine($"    for (int k = 0; k < {states.Length}; k++) {{");
        h.AppendLine($"        {export.Name}_step(S[k], U[k], next);");
        h.AppendLine($"        for (int i = 0; i < {N}_STATE_SIZE; i++) printf(\"%.9g \", (double)next[i]);");
        h.AppendLine("        printf(\"\\n\");");
        h.AppendLine("    }");
        h.AppendLine("    return 0;");
        h.AppendLine("}");
        File.WriteAllText(Path.Combine(Directory, "harness.c"), h.ToString());
        string exe = Path.Combine(Directory, "harness");
        Exec("gcc", $"-std=c99 -O2 -Wall -Wextra -Wpedantic -Werror -o {exe} harness.c {export.SourceFileName} -lm");
        string output = Exec(exe, "");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
    }

    /// <summary>Sizes of the model's .text (code) and .rodata (weights) compiled with -Os, from binutils size -A.</summary>
    public (long Text, long Rodata) CompiledSize(CExportResult export)
    {
        File.WriteAllText(Path.Combine(Directory, export.HeaderFileName), export.Header);
        File.WriteAllText(Path.Combine(Directory, export.SourceFileName), export.Source);
        string obj = Path.Combine(Directory, export.Name + ".o");
        Exec("gcc", $"-std=c99 -Os -Wall -Wextra -Wpedantic -Werror -c -o {obj} {export.SourceFileName}");
        long text = 0, rodata = 0;
        foreach (var line in Exec("size", $"-A {obj}").Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !long.TryParse(parts[1], out long bytes)) continue;
            if (parts[0].StartsWith(".text", StringComparison.Ordinal)) text += bytes;
            if (parts[0].StartsWith(".rodata", StringComparison.Ordinal)) rodata += bytes;
        }

        return (text, rodata);
    }

    private string Exec(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode} (gcc and binutils must be installed: apt-get install gcc):\n{stderr}\n{stdout}");
        }

        return stdout;
    }

    private static string CExporterLiteral(float v)
    {
        string s = v.ToString("G9", CultureInfo.InvariantCulture);
        if (!s.Contains('.') && !s.Contains('E')) s += ".0";
        return s + "f";
    }
}
