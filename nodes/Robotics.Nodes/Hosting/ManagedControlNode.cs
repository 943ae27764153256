using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Nodes.Diagnostics;
using Robotics.Nodes.Lifecycle;
using Robotics.Nodes.Logging;
using Robotics.Nodes.Parameters;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Robotics.Ros.Nodes;
using Serilog;
using Serilog.Events;
using Builtin = Robotics.Ros.Interfaces.BuiltinInterfaces;
using StdMsgs = Robotics.Ros.Interfaces.StdMsgs;

namespace Robotics.Nodes.Hosting;

/// <summary>
/// A ROS 2 managed (lifecycle) node around the shared <see cref="ControlLoop"/>: lifecycle services and
/// <c>~/transition_event</c>, declared parameters (params files, <c>-p</c>, the six parameter services,
/// <c>/parameter_events</c>), <c>/diagnostics</c> at 1 Hz and <c>/rosout</c>. Wall-clock time enters only here.
/// </summary>
/// <remarks>
/// <para>configure builds the parts (<see cref="ControlNodeDefinition.Configure"/>), configures the hardware and starts
/// the loop: from then on it ticks at <c>rate_hz</c>, reading and publishing; only while active does the controller
/// command the hardware (inactive ticks carry the safe command and write nothing). activate activates the hardware and
/// resets the controller; deactivate writes the hardware's safe command first, then deactivates it. A driver fault (a
/// refused write, or hardware that left the active state) does the same and moves the node to inactive.</para>
/// <para>Ticks and transitions are serialised by one lock taken between ticks, so a deactivate takes effect before the
/// next tick and a parameter set accepted by the service is applied at the next tick boundary.</para>
/// <para>Two ways to run: <see cref="RunAsync"/> (real time: <see cref="FixedRateRunner"/> on <see cref="NodeRunContext.Clock"/>,
/// executor on its own thread) or, in tests, <see cref="Start"/> then <see cref="TickOnce"/> and <c>Executor.SpinSome()</c>
/// on the caller's thread (deterministic with a <c>ManualClock</c>).</para>
/// </remarks>
public sealed class ManagedControlNode : IDisposable
{
    /// <summary>Host parameter: loop rate in Hz (read-only).</summary>
    public const string RateParameter = "rate_hz";

    /// <summary>Host parameter: hardware id shown in <c>/diagnostics</c>.</summary>
    public const string HardwareIdParameter = "hardware_id";

    /// <summary>Host parameter: configure and activate at start (default true).</summary>
    public const string AutostartParameter = "autostart";

    /// <summary>Host parameter: <c>/diagnostics</c> period in seconds (read-only, default 1).</summary>
    public const string DiagnosticsPeriodParameter = "diagnostics_period_s";

    /// <summary>Declared for compatibility with launch files that set it; simulated time is not supported (must stay false).</summary>
    public const string UseSimTimeParameter = "use_sim_time";

    private readonly object _tickGate = new();
    private readonly object _transitionGate = new();
    private readonly ControlNodeDefinition _definition;
    private readonly NodeRunContext _context;
    private readonly LifecycleStateMachine _machine = new();
    private readonly LifecycleServices _lifecycle;
    private readonly ParameterServices _parameterServices;
    private readonly RosoutSink? _rosout;
    private readonly Serilog.Core.Logger _logger;
    private readonly Publisher<DiagnosticArray> _diagnostics;
    private readonly Boundary _boundary;
    private readonly TaskCompletionSource _finalized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ControlNodeParts? _parts;
    private GatedHardware? _hardware;
    private GatedController? _controller;
    private SwappableReference? _reference;
    private ControlLoop? _loop;
    private double[] _safeCommand = [];
    private bool _realTime;
    private CancellationTokenSource? _runnerCts;
    private Task<long>? _runner;
    private long _driverFaults;
    private string _lastFault = "";
    private DiagnosticsWindow _window;
    private bool _disposed;

    /// <summary>Creates the node (unconfigured) from an executable's arguments.</summary>
    /// <param name="context">Where the node runs.</param>
    /// <param name="args">The executable's arguments including <c>--ros-args</c> blocks (used as node-local arguments).</param>
    /// <param name="definition">The node's definition.</param>
    /// <exception cref="ArgumentException">A ROS argument, params file or parameter value is invalid; the message names the file/line or argument and the fix.</exception>
    public ManagedControlNode(NodeRunContext context, IReadOnlyList<string> args, ControlNodeDefinition definition)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        ArgumentNullException.ThrowIfNull(args);
        var arguments = RosArguments.Parse(args);
        Node = new Node(context.Ros, definition.DefaultName, definition.DefaultNamespace,
            new NodeOptions { Arguments = args, UseGlobalArguments = false, Clock = context.Clock });
        try
        {
            bool rosout = !arguments.LogFlags.Contains("--disable-rosout-logs");
            _rosout = rosout ? new RosoutSink(Node) : null;
            var config = new LoggerConfiguration()
                .MinimumLevel.Is(LevelOf(arguments.LogLevels))
                .Enrich.WithProperty("node", Node.FullyQualifiedName)
                .WriteTo.Logger(context.Logger);
            if (_rosout is not null) config = config.WriteTo.Sink(_rosout);
            _logger = config.CreateLogger();

            Parameters = new NodeParameters(Node.FullyQualifiedName);
            Parameters.Declare(
            [
                ParameterDescriptor.Double(RateParameter, definition.DefaultRateHz, "Hz", "Control loop rate.", 0.1, 100_000, readOnly: true),
                ParameterDescriptor.String(HardwareIdParameter, definition.DefaultHardwareId, "Hardware id reported in /diagnostics."),
                ParameterDescriptor.Bool(AutostartParameter, true, "Configure and activate when the node starts (false: wait for lifecycle requests)."),
                ParameterDescriptor.Double(DiagnosticsPeriodParameter, 1.0, "s", "Period of /diagnostics.", 0.01, 60, readOnly: true),
                ParameterDescriptor.Bool(UseSimTimeParameter, false, "Simulated ROS time is not supported: must be false.", readOnly: true),
            ]);
            Parameters.Declare(definition.Parameters);
            var overrides = ParameterOverrides.For(arguments, Node.FullyQualifiedName);
            overrides.ApplyTo(Parameters, strict: false);
            if (definition.DynamicParameters is { } more)
            {
                Parameters.Declare(more(Parameters));
            }

            overrides.ApplyTo(Parameters, strict: true, warn: m => _logger.Warning("{Message}", m));
            if (Parameters.GetBool(UseSimTimeParameter))
            {
                throw new ArgumentException($"node '{Node.FullyQualifiedName}': use_sim_time:=true is not supported; this service runs on wall-clock time (set it to false).");
            }

            Period = SimTime.FromRate(Parameters.GetDouble(RateParameter));
            _parameterServices = new ParameterServices(Node, Parameters, AfterProposal);
            _lifecycle = new LifecycleServices(Node, () => _machine, ChangeState);
            _machine.Transitioned += e =>
            {
                _lifecycle.Publish(e);
                _logger.Information("lifecycle: {Transition} {Start} -> {Goal}", LifecycleStateMachine.Label(e.Transition),
                    LifecycleStateMachine.Label(e.Start), LifecycleStateMachine.Label(e.Goal));
            };
            _diagnostics = Node.CreatePublisher<DiagnosticArray>("/diagnostics", 10);
            Executor = new Executor();
            Executor.Add(Node);
            Node.CreateTimer(TimeSpan.FromSeconds(Parameters.GetDouble(DiagnosticsPeriodParameter)), PublishDiagnostics);
            _boundary = new Boundary(this);
        }
        catch
        {
            Node.Dispose();
            throw;
        }
    }

    /// <summary>The ROS node.</summary>
    public Node Node { get; }

    /// <summary>The executor that serves the node's services and timers (spun by <see cref="RunAsync"/>, or by a test).</summary>
    public Executor Executor { get; }

    /// <summary>The node's parameters.</summary>
    public NodeParameters Parameters { get; }

    /// <summary>The node's logger (forwards to the context's logger and to <c>/rosout</c>).</summary>
    public ILogger Logger => _logger;

    /// <summary>The loop period (from <c>rate_hz</c>).</summary>
    public SimTime Period { get; }

    /// <summary>The current lifecycle state.</summary>
    public LifecycleState State
    {
        get
        {
            lock (_transitionGate)
            {
                return _machine.Current;
            }
        }
    }

    /// <summary>The loop while configured, else null.</summary>
    public ControlLoop? Loop => _loop;

    /// <summary>The parts built by configure (the caller's hardware, controller, reference), else null.</summary>
    public ControlNodeParts? Parts => _parts;

    /// <summary>The controller currently in the loop (after parameter rebuilds), else null.</summary>
    public IController? Controller => _controller?.Inner;

    /// <summary>Driver faults since the node was created.</summary>
    public long DriverFaults => Interlocked.Read(ref _driverFaults);

    /// <summary>Runs an executable's node until cancelled or finalized; reports bad arguments through the logger.</summary>
    /// <param name="args">The executable's arguments.</param>
    /// <param name="context">Where it runs.</param>
    /// <param name="definition">The node.</param>
    /// <param name="cancellationToken">Stops the node (it is shut down cleanly: safe command, deactivate, cleanup).</param>
    /// <returns>0 on a clean shutdown, 2 for bad arguments or parameters.</returns>
    public static async Task<int> RunExecutableAsync(IReadOnlyList<string> args, NodeRunContext context, ControlNodeDefinition definition,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ManagedControlNode node;
        try
        {
            node = new ManagedControlNode(context, args, definition);
        }
        catch (ArgumentException ex)
        {
            context.Logger.Error("{Node}: {Message}", definition?.DefaultName, ex.Message);
            return 2;
        }

        using (node)
        {
            return await node.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies <c>autostart</c> (configure + activate when true). Call once after construction.</summary>
    /// <returns>False when autostart was requested and a transition failed (the log says why).</returns>
    public bool Start()
    {
        if (!Parameters.GetBool(AutostartParameter)) return true;
        return ChangeState(LifecycleTransition.Configure) && ChangeState(LifecycleTransition.Activate);
    }

    /// <summary>
    /// Runs the node in real time: the executor on its own thread, <see cref="Start"/>, the loop paced by a
    /// <see cref="FixedRateRunner"/> while configured; returns when cancelled (after a clean shutdown) or finalized.
    /// </summary>
    /// <param name="cancellationToken">Stops the node.</param>
    /// <returns>0.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _realTime = true;
        using var spinCts = new CancellationTokenSource();
        var spinner = new Thread(() => Executor.Spin(spinCts.Token)) { IsBackground = true, Name = "executor:" + Node.Name };
        spinner.Start();
        try
        {
            Start();
            using (cancellationToken.Register(() => _finalized.TrySetResult()))
            {
                await _finalized.Task.ConfigureAwait(false);
            }
        }
        finally
        {
            Shutdown();
            spinCts.Cancel();
            spinner.Join(TimeSpan.FromSeconds(5));
        }

        return 0;
    }

    /// <summary>Requests a transition by id (or by label when the id is 0), as the change_state service does.</summary>
    /// <param name="id">Transition id (lifecycle_msgs/Transition), 0 to use the label.</param>
    /// <param name="label">Transition label such as <c>configure</c> or <c>shutdown</c>.</param>
    /// <returns>True when the transition's callback succeeded.</returns>
    public bool ChangeState(byte id, string label)
    {
        lock (_transitionGate)
        {
            if (!_machine.TryResolve(id, label, out var t, out string error))
            {
                _logger.Warning("change_state refused: {Error}", error);
                return false;
            }

            return Trigger(t);
        }
    }

    /// <summary>Requests a transition (shutdown requests pick the one valid from the current state).</summary>
    /// <param name="transition">The transition.</param>
    /// <returns>True when the transition's callback succeeded.</returns>
    public bool ChangeState(LifecycleTransition transition)
    {
        if (transition is LifecycleTransition.UnconfiguredShutdown or LifecycleTransition.InactiveShutdown or LifecycleTransition.ActiveShutdown)
        {
            return ChangeState(0, "shutdown");
        }

        return ChangeState((byte)transition, "");
    }

    /// <summary>
    /// Runs one tick on the calling thread (tests and simulation: no pacing): applies pending parameters, ticks the loop
    /// (commanding only when active), handles driver faults.
    /// </summary>
    /// <returns>The tick's status.</returns>
    /// <exception cref="InvalidOperationException">The node is not configured, or it runs in real time.</exception>
    public TickStatus TickOnce()
    {
        if (_realTime) throw new InvalidOperationException("TickOnce is for nodes driven by the caller; this node runs in real time (RunAsync).");
        var loop = _loop ?? throw new InvalidOperationException($"node '{Node.FullyQualifiedName}' is {LifecycleStateMachine.Label(State)}: configure it before ticking.");
        _boundary.BeforeTick();
        TickStatus status = loop.LastStatus;
        try
        {
            status = loop.Tick();
        }
        finally
        {
            _boundary.AfterTick(status);
        }

        return status;
    }

    /// <summary>Builds the current <c>/diagnostics</c> status (also published by the node's timer).</summary>
    /// <returns>The status.</returns>
    public DiagnosticStatus Diagnose()
    {
        long now = _context.Clock.GetTimestamp();
        LoopHealthSample sample;
        lock (_tickGate)
        {
            var loop = _loop;
            var w = _window;
            double rate = double.NaN;
            long ticks = loop?.TickCount ?? 0, overruns = loop?.Overruns ?? 0;
            long stale = loop?.StatusCount(TickStatus.StaleState) ?? 0, safe = loop?.StatusCount(TickStatus.SafeCommand) ?? 0;
            long writes = loop?.StatusCount(TickStatus.WriteFault) ?? 0;
            if (loop is not null && w.Loop == loop && now > w.Timestamp)
            {
                rate = (ticks - w.Ticks) / ((now - w.Timestamp) / (double)_context.Clock.TimestampFrequency);
            }

            bool same = w.Loop == loop && loop is not null;
            bool active = _controller?.Commanding == true;
            sample = new LoopHealthSample(
                Parameters.GetDouble(RateParameter), rate,
                loop?.Timing.RmsJitterSeconds ?? double.NaN, loop?.Timing.MaxAbsJitterSeconds ?? double.NaN, loop?.Timing.MaxComputeSeconds ?? double.NaN,
                overruns - (same ? w.Overruns : 0), stale - (same ? w.Stale : 0),
                active ? safe - (same ? w.Safe : 0) : 0, writes - (same ? w.Writes : 0),
                DriverFaults, _lastFault, _parts?.LinkState?.Invoke() ?? "n/a",
                LifecycleStateMachine.Label(_machine.Current), active);
            _window = new DiagnosticsWindow(loop, now, ticks, overruns, stale, safe, writes);
        }

        return LoopHealth.Assess(Node.Name, Parameters.GetString(HardwareIdParameter), sample);
    }

    /// <summary>Shuts the node down (safe command, deactivate, cleanup, finalized) if it is not finalized yet.</summary>
    public void Shutdown()
    {
        if (State != LifecycleState.Finalized)
        {
            ChangeState(0, "shutdown");
        }

        _finalized.TrySetResult();
    }

    /// <summary>Shuts down and removes the node from the graph.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Shutdown();
        Executor.Dispose();
        _parameterServices.Dispose();
        _lifecycle.Dispose();
        _logger.Dispose();
        _rosout?.Dispose();
        Node.Dispose();
    }

    private static LogEventLevel LevelOf(IReadOnlyList<string> levels)
    {
        var level = LogEventLevel.Information;
        foreach (string l in levels)
        {
            if (l.Contains(":=", StringComparison.Ordinal)) continue;
            level = l.ToLowerInvariant() switch
            {
                "debug" => LogEventLevel.Debug,
                "info" => LogEventLevel.Information,
                "warn" or "warning" => LogEventLevel.Warning,
                "error" => LogEventLevel.Error,
                "fatal" => LogEventLevel.Fatal,
                _ => throw new ArgumentException($"--log-level '{l}' is unknown; use debug, info, warn, error or fatal."),
            };
        }

        return level;
    }

    private void AfterProposal()
    {
        // Without a running loop there is no tick boundary: apply right away.
        if (_loop is null)
        {
            lock (_tickGate)
            {
                if (_loop is null) Parameters.ApplyPending();
            }
        }
    }

    private bool Trigger(LifecycleTransition t) => _machine.Trigger(t, OnTransition, OnError);

    private LifecycleCallbackResult OnTransition(LifecycleTransition t)
    {
        try
        {
            switch (t)
            {
                case LifecycleTransition.Configure: return OnConfigure();
                case LifecycleTransition.Activate: return OnActivate();
                case LifecycleTransition.Deactivate:
                    lock (_tickGate)
                    {
                        SafeStop("deactivate requested");
                    }

                    return LifecycleCallbackResult.Success;
                case LifecycleTransition.Cleanup:
                    StopLoop();
                    return LifecycleCallbackResult.Success;
                default: // shutdown from any primary state
                    lock (_tickGate)
                    {
                        if (_controller?.Commanding == true) SafeStop("shutdown");
                    }

                    StopLoop();
                    return LifecycleCallbackResult.Success;
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            _logger.Error("{Transition} failed: {Message}", LifecycleStateMachine.Label(t), ex.Message);
            return LifecycleCallbackResult.Failure;
        }
    }

    private LifecycleCallbackResult OnError()
    {
        lock (_tickGate)
        {
            if (_controller?.Commanding == true) SafeStop("error processing");
        }

        StopLoop();
        return LifecycleCallbackResult.Success;
    }

    private LifecycleCallbackResult OnConfigure()
    {
        var ctx = new ControlNodeConfigureContext(Node, Parameters, Period, _context.Clock, _logger);
        var parts = _definition.Configure(ctx);
        var hardware = new GatedHardware(parts.Hardware);
        var result = hardware.Configure();
        if (result != HardwareResult.Ok)
        {
            _logger.Error("configure: hardware '{Hardware}' refused to configure ({Result})", parts.Hardware.Name, result);
            parts.Cleanup?.Invoke();
            return LifecycleCallbackResult.Failure;
        }

        _safeCommand = [.. parts.Hardware.Interfaces.SafeCommand];
        var controller = new GatedController(parts.Controller, _safeCommand);
        var reference = new SwappableReference(parts.Reference);
        ControlLoop loop;
        try
        {
            loop = new ControlLoop(hardware, controller, reference, _context.Clock,
                new ControlLoopOptions { Period = Period, ReadFaultToleranceTicks = parts.ReadFaultToleranceTicks }, parts.Observer);
        }
        catch (ArgumentException)
        {
            parts.Cleanup?.Invoke();
            throw;
        }

        lock (_tickGate)
        {
            _parts = parts;
            _hardware = hardware;
            _controller = controller;
            _reference = reference;
            loop.Start();
            _loop = loop;
        }

        if (_realTime)
        {
            _runnerCts = new CancellationTokenSource();
            _runner = new FixedRateRunner(loop, _context.Clock, null, _boundary) { StartLoop = false }.RunAsync(long.MaxValue, _runnerCts.Token);
        }

        return LifecycleCallbackResult.Success;
    }

    private LifecycleCallbackResult OnActivate()
    {
        lock (_tickGate)
        {
            var hw = _hardware!;
            var r = hw.Activate();
            if (r != HardwareResult.Ok)
            {
                _logger.Error("activate: hardware '{Hardware}' refused to activate ({Result})", hw.Name, r);
                return LifecycleCallbackResult.Failure;
            }

            _controller!.Inner.Reset();
            _lastFault = "";
            hw.Commanding = true;
            _controller.Commanding = true;
        }

        return LifecycleCallbackResult.Success;
    }

    /// <summary>Stops commanding: safe command first, then the hardware's deactivate. Caller holds the tick gate.</summary>
    private void SafeStop(string why)
    {
        var hw = _hardware;
        var loop = _loop;
        if (hw is null || loop is null || _controller is null) return;
        _controller.Commanding = false;
        hw.Commanding = false;
        if (hw.Inner.LifecycleState == HardwareLifecycleState.Active)
        {
            var w = hw.Inner.Write(loop.LoopTime, Period, _safeCommand);
            if (w != HardwareResult.Ok) _logger.Warning("{Why}: the safe command write returned {Result}", why, w);
            hw.Inner.Deactivate();
        }
    }

    private void StopLoop()
    {
        var cts = _runnerCts;
        var runner = _runner;
        if (cts is not null && runner is not null)
        {
            cts.Cancel();
            try
            {
                runner.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException ex)
            {
                _logger.Error(ex.InnerException, "control loop stopped with an error");
            }

            cts.Dispose();
        }

        ControlNodeParts? parts;
        lock (_tickGate)
        {
            parts = _parts;
            if (_hardware?.Inner is HardwareComponent hc) hc.Shutdown();
            _runnerCts = null;
            _runner = null;
            _loop = null;
            _parts = null;
            _hardware = null;
            _controller = null;
            _reference = null;
            Parameters.ApplyPending();
        }

        parts?.Cleanup?.Invoke();
    }

    private void OnTickBoundary()
    {
        var applied = Parameters.ApplyPending();
        if (applied.Count == 0 || _parts is not { } parts) return;
        var names = new string[applied.Count];
        for (int i = 0; i < names.Length; i++) names[i] = applied[i].Key;
        try
        {
            if (parts.RebuildController?.Invoke(names) is { } c)
            {
                var current = _controller!.Inner;
                if (c.StateSize != current.StateSize || c.CommandSize != current.CommandSize || c.ReferenceSize != current.ReferenceSize)
                {
                    _logger.Error("parameters {Names}: the rebuilt controller has other sizes; keeping the previous one", names);
                }
                else
                {
                    _controller.Inner = c;
                }
            }

            if (parts.RebuildReference?.Invoke(names) is { } r)
            {
                if (r.Size != _reference!.Size) _logger.Error("parameters {Names}: the rebuilt reference has another size; keeping the previous one", names);
                else _reference.Inner = r;
            }

            parts.OnParametersChanged?.Invoke(names);
        }
        catch (ArgumentException ex)
        {
            _logger.Error("parameters {Names} could not be applied to the loop: {Message}", names, ex.Message);
        }
    }

    private void AfterTick(TickStatus status)
    {
        var hw = _hardware;
        if (hw is null || !hw.Commanding) return;
        if (status == TickStatus.WriteFault || hw.Inner.LifecycleState != HardwareLifecycleState.Active)
        {
            OnDriverFault(status == TickStatus.WriteFault
                ? $"hardware '{hw.Name}' refused a write"
                : $"hardware '{hw.Name}' left the active state ({hw.Inner.LifecycleState})");
        }
    }

    private void OnDriverFault(string what)
    {
        // Called on the control thread holding the tick gate: safe state first, then the lifecycle.
        SafeStop(what);
        Interlocked.Increment(ref _driverFaults);
        _lastFault = what;
        _logger.Error("driver fault: {Fault}; safe command written, node deactivated (activate again to resume)", what);
        if (Monitor.TryEnter(_transitionGate))
        {
            try
            {
                if (_machine.Current == LifecycleState.Active)
                {
                    _machine.Trigger(LifecycleTransition.Deactivate, _ => LifecycleCallbackResult.Success, () => LifecycleCallbackResult.Success);
                }
            }
            finally
            {
                Monitor.Exit(_transitionGate);
            }
        }
    }

    private void PublishDiagnostics()
    {
        var status = Diagnose();
        long ns = (_context.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
        _diagnostics.Publish(new DiagnosticArray
        {
            Header = new StdMsgs.Header { Stamp = new Builtin.Time { Sec = (int)(ns / 1_000_000_000), Nanosec = (uint)(ns % 1_000_000_000) } },
            Status = [status],
        });
    }

    private readonly record struct DiagnosticsWindow(ControlLoop? Loop, long Timestamp, long Ticks, long Overruns, long Stale, long Safe, long Writes);

    private sealed class Boundary(ManagedControlNode host) : ITickBoundary
    {
        public void BeforeTick()
        {
            Monitor.Enter(host._tickGate);
            if (!host.Parameters.HasPending) return;
            try
            {
                host.OnTickBoundary();
            }
            catch (Exception ex)
            {
                // A component that cannot take the new values must not stop the loop (or leave the gate held).
                host._logger.Error(ex, "applying parameter changes at the tick boundary failed; the loop keeps its previous components");
            }
        }

        public void AfterTick(TickStatus status)
        {
            try
            {
                host.AfterTick(status);
            }
            finally
            {
                Monitor.Exit(host._tickGate);
            }
        }
    }
}
