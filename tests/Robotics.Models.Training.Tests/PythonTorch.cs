using System.Diagnostics;
using System.Text.Json;

namespace Robotics.Models.Training.Tests;

/// <summary>
/// Runs python/state_dict_interop.py with /usr/bin/python3 when that interpreter has torch (Debian 12:
/// <c>apt-get install python3-torch</c>); tests that need it are skipped otherwise.
/// </summary>
internal static class PythonTorch
{
    public const string Interpreter = "/usr/bin/python3";

    // find_spec locates the package without importing it (importing torch takes seconds; this runs at test discovery).
    private static readonly Lazy<bool> s_available = new(() =>
        File.Exists(Interpreter) && Run(["-c", "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('torch') else 1)"], out _));

    public static bool Available => s_available.Value;

    public static string Script => Path.Combine(TestConfigs.RepoRoot, "tests", "Robotics.Models.Training.Tests", "python", "state_dict_interop.py");

    /// <summary>Runs the interop script and parses its JSON: family -> (states, inputs, next) rows.</summary>
    public static Dictionary<string, Cases> RunScript(params string[] arguments)
    {
        if (!Run([Script, .. arguments], out string stdout)) throw new InvalidOperationException($"{Script} {string.Join(' ', arguments)} failed:{Environment.NewLine}{stdout}");
        return JsonSerializer.Deserialize<Dictionary<string, Cases>>(stdout, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static bool Run(IEnumerable<string> arguments, out string output)
    {
        var psi = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) output += stderr.Result;
        return process.ExitCode == 0;
    }

    /// <summary>States, inputs and the PyTorch next states, one row per case.</summary>
    public sealed record Cases(double[][] States, double[][] Inputs, double[][] Next);
}

/// <summary>A theory that is skipped when /usr/bin/python3 has no torch.</summary>
internal sealed class PythonTorchTheoryAttribute : TheoryAttribute
{
    public PythonTorchTheoryAttribute()
    {
        if (!PythonTorch.Available) Skip = "/usr/bin/python3 has no torch (Debian 12: apt-get install python3-torch).";
    }
}
