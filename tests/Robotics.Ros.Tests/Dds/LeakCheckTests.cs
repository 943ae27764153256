using System.Diagnostics;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// Acceptance check A8 (tests/interop/leak-check.sh): with the loopback-only configuration, peers discover each other
/// and tcpdump on a veth in the same network namespace sees no UDP packet. Needs root for ip netns and tcpdump.
/// </summary>
public class LeakCheckTests
{
    internal static readonly string? Missing =
        InteropPeers.MissingReason
        ?? (Environment.UserName != "root" ? "needs root (ip netns, veth, tcpdump)" : null)
        ?? (!File.Exists("/usr/bin/tcpdump") && !File.Exists("/usr/sbin/tcpdump") ? "tcpdump not found: apt-get install tcpdump" : null)
        ?? (!File.Exists("/usr/sbin/ip") && !File.Exists("/usr/bin/ip") && !File.Exists("/sbin/ip") ? "ip not found: apt-get install iproute2" : null);

    [LeakCheckFact]
    public void LoopbackConfig_DiscoversAndSendsNothingOnOtherInterfaces()
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(InteropPeers.RepoRoot, "tests", "interop", "leak-check.sh"));
        psi.ArgumentList.Add(InteropPeers.Directory);
        using var p = Process.Start(psi)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(60_000), "leak-check.sh timed out");
        Assert.True(p.ExitCode == 0, output + stderr.Result);
        Assert.Contains("received=3 leaked_udp=0", output, StringComparison.Ordinal);
    }
}

/// <summary>A fact that skips unless the leak check can run here (root, ip, tcpdump, interop peers).</summary>
public sealed class LeakCheckFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to what is missing.</summary>
    public LeakCheckFactAttribute()
    {
        if (LeakCheckTests.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
