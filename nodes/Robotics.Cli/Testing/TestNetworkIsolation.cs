using System.Diagnostics;

namespace Robotics.Cli.Testing;

/// <summary>
/// Keeps the DDS traffic of the test suite on this machine. Every test process gets a loopback-only
/// Cyclone DDS configuration (<c>CYCLONEDDS_URI</c>) and <c>ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST</c>;
/// where the kernel allows it (root, or unprivileged user namespaces), the tests also run inside a fresh
/// network namespace that holds only <c>lo</c>, so nothing can reach a real network card even if a test
/// overrides the configuration.
/// </summary>
public sealed class TestNetworkIsolation
{
    /// <summary>The loopback-only Cyclone DDS configuration the tests run with.</summary>
    public const string LoopbackCycloneConfig =
        "<CycloneDDS><Domain Id=\"any\"><General><Interfaces><NetworkInterface name=\"lo\"/></Interfaces>" +
        "<AllowMulticast>false</AllowMulticast></General><Discovery><Peers><Peer address=\"127.0.0.1\"/></Peers>" +
        "<ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>120</MaxAutoParticipantIndex></Discovery></Domain></CycloneDDS>";

    private readonly string? _unshare;
    private readonly Dictionary<string, string> _environment;

    private TestNetworkIsolation(string? unshare, Dictionary<string, string> environment, string description)
    {
        _unshare = unshare;
        _environment = environment;
        Description = description;
    }

    /// <summary>One line saying how the tests are isolated, printed before they run.</summary>
    public string Description { get; }

    /// <summary>Writes the configuration under <c>.artifacts/</c> and probes for network namespaces.</summary>
    public static TestNetworkIsolation Prepare(string repoRoot)
    {
        string dir = Path.Combine(repoRoot, ".artifacts");
        Directory.CreateDirectory(dir);
        string config = Path.Combine(dir, "cyclonedds-loopback.xml");
        File.WriteAllText(config, LoopbackCycloneConfig);
        var environment = new Dictionary<string, string>
        {
            ["CYCLONEDDS_URI"] = "file://" + config,
            ["ROS_AUTOMATIC_DISCOVERY_RANGE"] = "LOCALHOST",
        };
        if (Environment.GetEnvironmentVariable("ROBOTICS_TEST_NETNS") == "0")
        {
            return new TestNetworkIsolation(null, environment, "DDS tests use a loopback-only CYCLONEDDS_URI (network namespace disabled by ROBOTICS_TEST_NETNS=0)");
        }

        string? unshare = FindOnPath("unshare");
        if (unshare is not null && FindOnPath("ip") is not null && Probe(unshare))
        {
            return new TestNetworkIsolation(unshare, environment, "tests run in a network namespace holding only 'lo', with a loopback-only CYCLONEDDS_URI");
        }

        return new TestNetworkIsolation(null, environment, "network namespaces unavailable here; DDS tests use a loopback-only CYCLONEDDS_URI");
    }

    /// <summary>A start info running <paramref name="program"/> with the isolation applied.</summary>
    public ProcessStartInfo CreateStartInfo(string program, IEnumerable<string> arguments)
    {
        ProcessStartInfo psi;
        if (_unshare is null)
        {
            psi = new ProcessStartInfo(program);
            foreach (string arg in arguments) psi.ArgumentList.Add(arg);
        }
        else
        {
            // unshare -n (root) or -rn (unprivileged user namespace) gives a namespace whose lo is down; bring it up
            // and enable multicast on it so DDS discovery behaves as on a normal host, then exec the program.
            psi = new ProcessStartInfo(_unshare);
            foreach (string arg in UnshareArguments()) psi.ArgumentList.Add(arg);
            psi.ArgumentList.Add("sh");
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("ip link set lo up && ip link set lo multicast on && exec \"$0\" \"$@\"");
            psi.ArgumentList.Add(program);
            foreach (string arg in arguments) psi.ArgumentList.Add(arg);
        }

        psi.UseShellExecute = false;
        foreach (var (key, value) in _environment)
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(key))) psi.Environment[key] = value;
        }

        return psi;
    }

    private static IEnumerable<string> UnshareArguments() =>
        Environment.UserName == "root" ? ["-n"] : ["-r", "-n"];

    private static bool Probe(string unshare)
    {
        try
        {
            var psi = new ProcessStartInfo(unshare) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in UnshareArguments()) psi.ArgumentList.Add(arg);
            psi.ArgumentList.Add("ip");
            psi.ArgumentList.Add("link");
            psi.ArgumentList.Add("set");
            psi.ArgumentList.Add("lo");
            psi.ArgumentList.Add("up");
            using var process = Process.Start(psi);
            if (process is null) return false;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
