using System.Diagnostics;

namespace Robotics.Cli.Tests.Ros;

/// <summary>
/// Runs the built CLI as a child process with a ROS environment: its own ROS_DOMAIN_ID and a loopback-only
/// CYCLONEDDS_URI (no multicast, peer 127.0.0.1), so DDS traffic never leaves the machine.
/// </summary>
internal sealed class RosCliProcess : IDisposable
{
    public const string LoopbackConfig =
        "<CycloneDDS><Domain><General><Interfaces><NetworkInterface name=\"lo\"/></Interfaces><AllowMulticast>false</AllowMulticast></General>"
        + "<Discovery><Peers><Peer address=\"127.0.0.1\"/></Peers><ParticipantIndex>auto</ParticipantIndex><MaxAutoParticipantIndex>32</MaxAutoParticipantIndex></Discovery></Domain></CycloneDDS>";

    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private RosCliProcess(int domain, string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Robotics.Cli.dll"));
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ROBOTICS_REPO_ROOT"] = RepoPaths.Root;
        psi.Environment["ROS_DOMAIN_ID"] = domain.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["CYCLONEDDS_URI"] = LoopbackConfig;
        psi.Environment.Remove("ROS_DISTRO");
        psi.Environment.Remove("ROBOTICS_ROS_TRANSPORT");
        _process = Process.Start(psi)!;
        _stdout = _process.StandardOutput.ReadToEndAsync();
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
    }

    public static RosCliProcess Start(int domain, params string[] arguments) => new(domain, arguments);

    public static Result Run(int domain, params string[] arguments)
    {
        using RosCliProcess p = Start(domain, arguments);
        return p.WaitForExit();
    }

    public Result WaitForExit()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("robotics did not finish within 2 minutes");
        }

        return new Result(_process.ExitCode, _stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal), _stderr.Result);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
