using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// A running interop peer: started with the test's ROS_DOMAIN_ID and the loopback-only Cyclone configuration, its
/// standard output collected line by line. Disposing kills it if it is still running.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _stderr = new();

    private PeerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Everything printed so far (stdout, then stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_all)
            {
                return _all + (_stderr.Length > 0 ? "\n[stderr]\n" + _stderr : string.Empty);
            }
        }
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> in domain <paramref name="domain"/>.</summary>
    public static PeerProcess Start(string program, int domain, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ROS_DOMAIN_ID"] = domain.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["CYCLONEDDS_URI"] = TestDds.LoopbackConfig;
        if (environment is not null)
        {
            foreach ((string key, string value) in environment)
            {
                psi.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = psi };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                peer._lines.CompleteAdding();
                return;
            }

            lock (peer._all)
            {
                peer._all.AppendLine(e.Data);
            }

            peer._lines.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (peer._all)
                {
                    peer._stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits for the next line satisfying <paramref name="predicate"/>, collecting lines skipped on the way.</summary>
    /// <returns>The line, or null on timeout or end of output.</returns>
    public string? WaitForLine(Func<string, bool> predicate, TimeSpan timeout, List<string>? skipped = null)
    {
        DateTime end = DateTime.UtcNow + timeout;
        while (true)
        {
            TimeSpan left = end - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                if (!_lines.TryTake(out string? line, left))
                {
                    return null;
                }

                if (predicate(line))
                {
                    return line;
                }

                skipped?.Add(line);
            }
            catch (InvalidOperationException)
            {
                return null; // output ended
            }
        }
    }

    /// <summary>Writes a line to the peer's standard input.</summary>
    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Closes the peer's standard input.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits for the peer to exit and returns its exit code (-1 on timeout).</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return -1;
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }

        _process.Dispose();
    }
}
