using System.Globalization;
using Robotics.Control.Stl;
using Robotics.Core.Parameters;
using Robotics.Nodes.Hosting;

namespace Robotics.Nodes.Stl;

/// <summary>
/// <c>robotics/stl_monitor_node</c>: monitors a signal temporal logic specification online over ROS topics (issue 8).
/// Every tick (one sample every 1/<c>rate_hz</c> seconds) it samples the newest value of each signal's topic
/// (zero-order hold), feeds the sample to an <see cref="StlOnlineMonitor"/> (bounded memory, no allocation) and, once
/// the verdict about a sample is decided (the formula's future horizon later), publishes it.
/// </summary>
/// <remarks>
/// <para>Parameters (read-only): <c>spec</c> (the specification text) or <c>spec_file</c> (a file; exactly one of the
/// two), <c>signals</c> (where each signal of the specification is read: <c>signal=topic[:field]</c> entries separated
/// by <c>;</c>, see <see cref="StlSignalBinding"/>), <c>name</c> (the verdict's name). The host parameter <c>rate_hz</c>
/// (default 10) is the sample rate: intervals in seconds must be whole numbers of samples.</para>
/// <para>Rejected at configure, with a message naming the parameter and the fix: a syntax error (line and column), a
/// signal with no entry in <c>signals</c>, empty or reversed intervals, future operators without an upper bound
/// (the online monitor could never decide them), intervals that are not whole numbers of samples.</para>
/// <para>Topics, published after each decided sample: <c>~/robustness</c> (std_msgs/Float64, ρ at sample k),
/// <c>~/robustness_time</c> (std_msgs/Float64, t_k = k / rate_hz, seconds since the first complete sample after
/// activation: the time the verdict is about; it is decided at t_k + horizon), <c>~/verdict</c>
/// (robotics_msgs/StlRobustness: stamp = wall time of sample k, <c>robustness</c>, <c>satisfied</c> = ρ &gt; 0,
/// <c>horizon_s</c> = the verdict's delay, the formula's future horizon in seconds). Samples are counted from the first
/// tick after activation at which every signal has a value.</para>
/// </remarks>
public sealed class StlMonitorNodeExecutable : INodeExecutable
{
    /// <inheritdoc/>
    public string Package => "robotics";

    /// <inheritdoc/>
    public string Name => "stl_monitor_node";

    /// <inheritdoc/>
    public string Description => "Online STL monitor: samples the topics named in a specification and publishes ~/robustness and the time it is about.";

    /// <summary>The node's parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.String("spec", "", "The STL specification text (syntax: docs/stl.md); or use spec_file.", readOnly: true),
        ParameterDescriptor.String("spec_file", "", "A file holding the STL specification; or use spec.", readOnly: true),
        ParameterDescriptor.String("signals", "", "Where each signal is read: 'signal=topic[:field]' entries separated by ';' (field: data, data[i], position|velocity|effort[i or joint]).", readOnly: true),
        ParameterDescriptor.String("name", "stl_spec", "Name of the specification in ~/verdict.", readOnly: true),
    ];

    /// <summary>The node definition (also usable directly with <see cref="ManagedControlNode"/> in tests).</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "stl_monitor",
        DefaultRateHz = 10,
        DefaultHardwareId = "topics",
        Parameters = Parameters,
        Configure = Configure,
    };

    /// <inheritdoc/>
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    /// <summary>
    /// Checks a specification and its signal bindings as the node does at configure, and builds the monitor.
    /// </summary>
    /// <param name="spec">The specification text, or empty.</param>
    /// <param name="specFile">A specification file, or empty (exactly one of <paramref name="spec"/> and this).</param>
    /// <param name="signals">The <c>signals</c> parameter.</param>
    /// <param name="samplePeriod">Seconds between samples.</param>
    /// <param name="bindings">One binding per signal of the specification, in <see cref="StlSpecification.Signals"/> order.</param>
    /// <returns>The monitor.</returns>
    /// <exception cref="ArgumentException">Anything wrong, with a message naming the parameter, the problem and the fix.</exception>
    public static StlOnlineMonitor CreateMonitor(string spec, string specFile, string signals, double samplePeriod,
        out IReadOnlyList<StlSignalBinding> bindings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(specFile);
        ArgumentNullException.ThrowIfNull(signals);
        bool hasText = spec.Trim().Length > 0, hasFile = specFile.Trim().Length > 0;
        if (hasText == hasFile)
        {
            throw new ArgumentException(hasText
                ? "parameters 'spec' and 'spec_file' are both set; give the specification one way."
                : "no specification: set parameter 'spec' (the text, e.g. \"always[0:1](x <= 2)\") or 'spec_file' (a file).");
        }

        StlSpecification specification;
        try
        {
            specification = hasText ? StlSpecification.Parse(spec, "parameter 'spec'") : StlSpecification.Load(specFile);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            throw new ArgumentException(hasFile ? $"parameter 'spec_file': {e.Message}" : e.Message, e);
        }

        var all = StlSignalBinding.ParseList(signals);
        var ordered = new StlSignalBinding[specification.Signals.Count];
        for (int i = 0; i < ordered.Length; i++)
        {
            string signal = specification.Signals[i];
            ordered[i] = all.FirstOrDefault(b => b.Signal == signal) ?? throw new ArgumentException(
                $"{specification.SourceName}: signal '{signal}' is unknown: parameter 'signals' does not say where to read it " +
                $"(bound: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(b => b.Signal)))}); add an entry such as '{signal}=/topic' or '{signal}=/topic:data[0]'.");
        }

        foreach (var b in all)
        {
            if (!specification.Signals.Contains(b.Signal))
            {
                throw new ArgumentException(
                    $"parameter 'signals': signal '{b.Signal}' is not used by the specification (it reads: {string.Join(", ", specification.Signals)}); remove the entry or fix its name.");
            }
        }

        bindings = ordered;
        return new StlOnlineMonitor(specification, samplePeriod);
    }

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        var monitor = CreateMonitor(p.GetString("spec"), p.GetString("spec_file"), p.GetString("signals"), ctx.Period.Seconds, out var bindings);
        var sampler = new StlTopicSampler(ctx.Node, bindings);
        var controller = new StlMonitorController(ctx.Node, ctx.Clock, monitor, p.GetString("name"));
        ctx.Logger.Information("monitoring {Formula}: {Operators} operators, verdict delay {Delay} samples ({DelayS} s), signals {Signals}",
            monitor.Specification.Formula.ToString(), monitor.OperatorCount, monitor.Delay,
            (monitor.Delay * monitor.SamplePeriod).ToString(CultureInfo.InvariantCulture), string.Join("; ", bindings));
        return new ControlNodeParts(sampler, controller, new NoReference())
        {
            LinkState = () => "topics",
            Cleanup = () =>
            {
                controller.Dispose();
                sampler.Dispose();
            },
        };
    }
}
