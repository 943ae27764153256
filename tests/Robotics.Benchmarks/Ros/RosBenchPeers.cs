using System.Diagnostics;
using Robotics.Ros.Dds;

namespace Robotics.Benchmarks.Ros;

/// <summary>
/// The external processes of the ROS benchmarks: the idlc-generated C peers of tests/interop (built by
/// tests/interop/build.sh) and the C# echo peer tests/interop/RosEcho (built with dotnet), all in one DDS domain on
/// loopback only.
/// </summary>
internal static class RosBenchPeers
{
    /// <summary>Domain of the benchmarks (the tests use 201-215).</summary>
    public const int Domain = 220;

    /// <summary>Loopback-only Cyclone configuration (same as the test runner's).</summary>
    public const string LoopbackConfig =
        "<CycloneDDS><Domain Id=\"any\"><General><Interfaces><NetworkInterface name=\"lo\"/></Interfaces>" +
        "<AllowMulticast>false</AllowMulticast></General><Discovery><Peers><Peer address=\"127.0.0.1\"/></Peers>" +
        "<ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>120</MaxAutoParticipantIndex></Discovery></Domain></CycloneDDS>";

    private static readonly string OutputRoot = Path.Combine(Path.GetTempPath(), "robotics-interop-" + Environment.UserName);

    /// <summary>Options of the benchmark's own transport.</summary>
    public static DdsTransportOptions TransportOptions => new()
    {
        DomainId = Domain,
        DiscoveryRange = DiscoveryRange.Localhost,
        CycloneUri = LoopbackConfig,
    };

    /// <summary>Builds the C peers and returns the path of <c>peer</c>.</summary>
    public static string BuildCPeer()
    {
        Run("bash", [Path.Combine(RepoRoot(), "tests", "interop", "build.sh"), OutputRoot]);
        return Path.Combine(OutputRoot, "peer");
    }

    /// <summary>Builds the C# echo peer and returns the path of its dll.</summary>
    public static string BuildCSharpEcho()
    {
        string output = Path.Combine(OutputRoot, "rosecho");
        Run("dotnet", ["build", Path.Combine(RepoRoot(), "tests", "interop", "RosEcho", "RosEcho.csproj"), "-c", "Release", "-o", output,
            "--artifacts-path", Path.Combine(OutputRoot, "rosecho-artifacts"), "-v", "q", "-nologo"]);
        return Path.Combine(output, "RosEcho.dll");
    }

    /// <summary>Starts a peer in the benchmark domain with the loopback configuration.</summary>
    public static BenchProcess Start(string program, params string[] arguments)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ROS_DOMAIN_ID"] = Domain.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["CYCLONEDDS_URI"] = LoopbackConfig;
        psi.Environment["ROS_AUTOMATIC_DISCOVERY_RANGE"] = "LOCALHOST";
        return new BenchProcess(Process.Start(psi) ?? throw new InvalidOperationException($"could not start {program}"));
    }

    private static void Run(string program, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> o = p.StandardOutput.ReadToEndAsync();
        Task<string> e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', psi.ArgumentList)} failed:\n{o.Result}{e.Result}");
        }
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Robotics.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
    }
}

/// <summary>A peer process driven line by line over stdin/stdout.</summary>
internal sealed class BenchProcess(Process process) : IDisposable
{
    /// <summary>Reads lines until one equals <paramref name="line"/>; throws with the output when the peer ends first.</summary>
    public void Expect(string line)
    {
        string? l;
        while ((l = process.StandardOutput.ReadLine()) is not null)
        {
            if (l == line)
            {
                return;
            }
        }

        throw new InvalidOperationException($"peer ended before printing {line}: {process.StandardError.ReadToEnd()}");
    }

    /// <summary>Sends one line.</summary>
    public void Send(string line)
    {
        process.StandardInput.WriteLine(line);
        process.StandardInput.Flush();
    }

    /// <summary>Reads one line.</summary>
    public string ReadLine() => process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("peer ended: " + process.StandardError.ReadToEnd());

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }
}
