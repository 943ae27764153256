using System.Diagnostics;

namespace Robotics.Drivers.Tests.Serial;

/// <summary>
/// Builds native/codec_oracle.c against the firmware's hil-rigs/common/proto.c with gcc (once per test run)
/// and answers one command per call over stdin/stdout.
/// </summary>
internal sealed class COracle : IDisposable
{
    private static readonly Lazy<string> Binary = new(Build);
    private readonly Process _process;

    public COracle()
    {
        var psi = new ProcessStartInfo(Binary.Value) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the codec oracle");
    }

    public string Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        return _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"oracle gave no answer to '{command}'");
    }

    private static string Build()
    {
        string common = Path.Combine(TestPaths.RepoRoot, "hil-rigs", "common");
        string source = Path.Combine(TestPaths.RepoRoot, "tests", "Robotics.Drivers.Tests", "Serial", "native", "codec_oracle.c");
        string output = Path.Combine(Path.GetTempPath(), $"robotics-codec-oracle-{Environment.ProcessId}");
        var psi = new ProcessStartInfo("gcc") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-std=c99", "-O1", "-Wall", "-Werror", "-I", common, source, Path.Combine(common, "proto.c"), "-o", output }) psi.ArgumentList.Add(a);
        using var gcc = Process.Start(psi)!;
        string errors = gcc.StandardError.ReadToEnd();
        gcc.WaitForExit();
        if (gcc.ExitCode != 0) throw new InvalidOperationException($"gcc failed to build the codec oracle:\n{errors}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            _process.WaitForExit(2000);
        }
        finally
        {
            _process.Dispose();
        }
    }
}
