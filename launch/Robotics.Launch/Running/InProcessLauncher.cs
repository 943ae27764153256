using System.Diagnostics;
using System.Runtime.InteropServices;
using Robotics.Launch.Plan;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Nodes;
using Serilog;

namespace Robotics.Launch.Running;

/// <summary>
/// Runs an evaluated launch file in this process: every <c>&lt;node&gt;</c> is the <see cref="INodeExecutable"/> of the same
/// package and name from a <see cref="NodeExecutableCatalog"/>, started with the argument list ros2 launch would pass, all
/// on one shared <see cref="RosContext"/>; every <c>&lt;executable&gt;</c> is a child process.
/// </summary>
/// <remarks>
/// Nothing starts unless every node resolves. Cancelling the token (Ctrl-C in <c>robotics launch</c>) cancels the nodes
/// and sends SIGINT to child processes, then waits up to <see cref="LaunchRunOptions.ShutdownTimeout"/>; a node with
/// <c>on_exit="shutdown"</c> that ends stops the whole launch. Per-node environment changes cannot be isolated between
/// in-process nodes and are reported, not applied; child processes do get them.
/// </remarks>
public sealed class InProcessLauncher
{
    private const int SigInt = 2;
    private readonly NodeExecutableCatalog catalog;
    private readonly LaunchRunOptions options;
    private readonly ILogger logger;

    /// <summary>Creates a launcher.</summary>
    /// <param name="catalog">Where <c>pkg</c>/<c>exec</c> are looked up (usually <see cref="NodeExecutableCatalog.Default"/>).</param>
    /// <param name="options">Transport, logger, shutdown timeout; null for the defaults.</param>
    public InProcessLauncher(NodeExecutableCatalog catalog, LaunchRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
        this.options = options ?? new LaunchRunOptions();
        logger = this.options.Logger ?? Log.Logger;
    }

    /// <summary>Finds the executable of every node of a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The executables, one per node in <see cref="LaunchPlan.Nodes"/> order.</returns>
    /// <exception cref="LaunchException">A node names an executable the catalog does not have; the message lists the known ones.</exception>
    public IReadOnlyList<INodeExecutable> Resolve(LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new List<INodeExecutable>();
        foreach (PlannedNode n in plan.Nodes)
        {
            INodeExecutable? exe = catalog.Find(n.Package, n.Executable);
            if (exe is null)
            {
                string known = catalog.All.Count == 0 ? "none are registered in this build" : "known: " + string.Join(", ", catalog.All.Select(e => $"pkg=\"{e.Package}\" exec=\"{e.Name}\""));
                throw new LaunchException(n.SourceFile, n.Line, "node",
                    $"no node executable pkg=\"{n.Package}\" exec=\"{n.Executable}\" in this process ({known}). Check pkg/exec, or run foreign packages with ros2 launch.");
            }

            result.Add(exe);
        }

        return result;
    }

    /// <summary>Runs the plan until every node and process has ended or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="plan">The evaluated launch file.</param>
    /// <param name="cancellationToken">Cancel to shut down (Ctrl-C).</param>
    /// <returns>How each item ended.</returns>
    /// <exception cref="LaunchException">A node names an unknown executable (nothing was started).</exception>
    /// <exception cref="IOException">A generated parameter file could not be written.</exception>
    public async Task<LaunchRunResult> RunAsync(LaunchPlan plan, CancellationToken cancellationToken)
    {
        IReadOnlyList<INodeExecutable> executables = Resolve(plan);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlannedNode n in plan.Nodes)
        {
            foreach (GeneratedFile f in n.GeneratedFiles)
            {
                string dir = Path.GetDirectoryName(f.Path)!;
                Directory.CreateDirectory(dir);
                directories.Add(dir);
                await File.WriteAllTextAsync(f.Path, f.Contents, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (string w in plan.Warnings) logger.Warning("{Warning}", w);
        RosContext? context = null;
        IDisposable? attachment = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var names = new List<string>();
        var tasks = new List<Task<LaunchItemExit>>();
        try
        {
            context = options.Context ?? RosContext.Init([], new RosContextOptions { TransportName = options.TransportName, Clock = options.Clock });
            attachment = options.Attach?.Invoke(context);
            var runContext = new NodeRunContext(context, options.Clock ?? TimeProvider.System, logger);
            int nodeIndex = 0;
            foreach (LaunchItem item in plan.Items)
            {
                switch (item)
                {
                    case LaunchLogMessage m:
                        Write(m);
                        break;
                    case PlannedNode n:
                        {
                            INodeExecutable exe = executables[nodeIndex++];
                            if (n.Environment.Count > 0)
                            {
                                logger.Warning("{Node}: environment changes ({Names}) are not applied to in-process nodes (they share one process environment); set them before running robotics launch",
                                    n.DisplayName, string.Join(", ", n.Environment.Keys));
                            }

                            logger.Information("starting {Node}: {Package}/{Executable} {Arguments}", n.DisplayName, n.Package, n.Executable, string.Join(' ', n.Arguments));
                            names.Add(n.DisplayName);
                            NodeRunContext nodeContext = runContext with { Logger = logger.ForContext("LaunchItem", n.DisplayName) };
                            tasks.Add(RunNode(exe, n, nodeContext, stop));
                            break;
                        }

                    case PlannedProcess p:
                        names.Add(p.DisplayName);
                        tasks.Add(RunProcess(p, stop));
                        break;
                }
            }

            options.Started?.Invoke(context);
            Task all = Task.WhenAll(tasks);
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (stop.Token.Register(() => stopped.TrySetResult()))
            {
                await Task.WhenAny(all, stopped.Task).ConfigureAwait(false);
            }

            if (!all.IsCompleted)
            {
                logger.Information("shutting down {Count} launched item(s)", tasks.Count(t => !t.IsCompleted));
                await Task.WhenAny(all, Task.Delay(options.ShutdownTimeout, CancellationToken.None)).ConfigureAwait(false);
            }

            var exits = new List<LaunchItemExit>();
            for (int i = 0; i < tasks.Count; i++)
            {
                if (tasks[i].IsCompletedSuccessfully)
                {
                    exits.Add(tasks[i].Result);
                }
                else
                {
                    logger.Error("{Item} did not stop within {Timeout}", names[i], options.ShutdownTimeout);
                    exits.Add(new LaunchItemExit(names[i], 124, $"did not stop within {options.ShutdownTimeout.TotalSeconds} s"));
                }
            }

            LaunchItemExit? failed = exits.Find(e => e.ExitCode != 0);
            return new LaunchRunResult(failed?.ExitCode ?? 0, exits);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            attachment?.Dispose();
            if (options.Context is null) context?.Dispose();
            // Remove only what was written, then the folders if that left them empty (never someone else's files).
            foreach (PlannedNode n in plan.Nodes)
            {
                foreach (GeneratedFile f in n.GeneratedFiles) TryDelete(() => File.Delete(f.Path));
            }

            foreach (string dir in directories)
            {
                TryDelete(() =>
                {
                    if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
                });
            }
        }
    }

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Write(LaunchLogMessage m)
    {
        switch (m.Level)
        {
            case "error":
                logger.Error("[launch] {Message}", m.Message);
                break;
            case "warning" or "warn":
                logger.Warning("[launch] {Message}", m.Message);
                break;
            case "debug":
                logger.Debug("[launch] {Message}", m.Message);
                break;
            default:
                logger.Information("[launch] {Message}", m.Message);
                break;
        }
    }

    private Task<LaunchItemExit> RunNode(INodeExecutable exe, PlannedNode n, NodeRunContext context, CancellationTokenSource stop) =>
        Task.Run(async () =>
        {
            LaunchItemExit exit;
            try
            {
                int code = await exe.RunAsync(n.Arguments, context, stop.Token).ConfigureAwait(false);
                exit = new LaunchItemExit(n.DisplayName, code, null);
                if (code == 0) logger.Information("{Node} exited cleanly", n.DisplayName);
                else logger.Error("{Node} exited with code {Code}", n.DisplayName, code);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                exit = new LaunchItemExit(n.DisplayName, 0, null);
            }
            catch (Exception e)
            {
                logger.Error(e, "{Node} failed", n.DisplayName);
                exit = new LaunchItemExit(n.DisplayName, 1, e.Message);
            }

            if (n.ShutdownOnExit && !stop.IsCancellationRequested)
            {
                logger.Information("{Node} ended and has on_exit=shutdown: stopping the launch", n.DisplayName);
                await stop.CancelAsync().ConfigureAwait(false);
            }

            return exit;
        });

    private async Task<LaunchItemExit> RunProcess(PlannedProcess p, CancellationTokenSource stop)
    {
        var info = new ProcessStartInfo { UseShellExecute = false };
        if (p.Shell)
        {
            info.FileName = "/bin/sh";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(string.Join(' ', p.Command));
        }
        else
        {
            info.FileName = p.Command[0];
            foreach (string a in p.Command.Skip(1)) info.ArgumentList.Add(a);
        }

        if (p.WorkingDirectory is not null) info.WorkingDirectory = p.WorkingDirectory;
        foreach (var (k, v) in p.Environment)
        {
            if (v is null) info.Environment.Remove(k);
            else info.Environment[k] = v;
        }

        bool toLog = p.Output == "log";
        info.RedirectStandardOutput = toLog;
        info.RedirectStandardError = toLog;
        Process process;
        try
        {
            logger.Information("starting process {Name}: {Command}", p.DisplayName, string.Join(' ', p.Command));
            process = Process.Start(info) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            logger.Error("{Name}: could not start '{Program}': {Message}", p.DisplayName, info.FileName, e.Message);
            if (p.ShutdownOnExit) await stop.CancelAsync().ConfigureAwait(false);
            return new LaunchItemExit(p.DisplayName, 127, e.Message);
        }

        using (process)
        {
            if (toLog)
            {
                process.OutputDataReceived += (_, e) => { if (e.Data is not null) logger.Debug("[{Name}] {Line}", p.DisplayName, e.Data); };
                process.ErrorDataReceived += (_, e) => { if (e.Data is not null) logger.Debug("[{Name}] {Line}", p.DisplayName, e.Data); };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }

            try
            {
                await process.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Interrupt(process);
                using var grace = new CancellationTokenSource(options.ShutdownTimeout);
                try
                {
                    await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    logger.Warning("{Name} ignored SIGINT for {Timeout}; killing it", p.DisplayName, options.ShutdownTimeout);
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }

                return new LaunchItemExit(p.DisplayName, 0, null);
            }

            int code = process.ExitCode;
            if (code != 0) logger.Error("{Name} exited with code {Code}", p.DisplayName, code);
            if (p.ShutdownOnExit && !stop.IsCancellationRequested) await stop.CancelAsync().ConfigureAwait(false);
            return new LaunchItemExit(p.DisplayName, code, null);
        }
    }

    private static void Interrupt(Process process)
    {
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                _ = NativeMethods.kill(process.Id, SigInt);
            }
            else
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA5392 // a single libc call; LibraryImport would need unsafe code
        internal static extern int kill(int pid, int sig);
#pragma warning restore SYSLIB1054, CA5392
    }
}
