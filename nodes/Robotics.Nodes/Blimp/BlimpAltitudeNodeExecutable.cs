using System.Globalization;
using Robotics.Control.Loop;
using Robotics.Control.Pid;
using Robotics.Control.References;
using Robotics.Control.Snn;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Models.Snn;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Parameters;
using Robotics.Nodes.Rigs;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;

namespace Robotics.Nodes.Blimp;

/// <summary>
/// <c>robotics/blimp_altitude_node</c>: a blimp altitude controller - the evolved spiking network (fast + slow
/// populations, or the one-population baseline) or the PID it imitates, chosen by the <c>controller_type</c>
/// parameter - running against the simulated blimp (SimHardware over <see cref="Sim.Plants.Blimp"/> with a noisy
/// altitude sensor) in one managed node.
/// </summary>
/// <remarks>
/// <para>Parameters: <c>controller_type</c> (<c>snn</c> | <c>snn_single</c> | <c>pid</c>, read-only),
/// <c>snn_artifact</c> (path of the <c>.snn.json</c> written by <c>robotics train-snn</c>, read-only),
/// <c>altitude_noise_std_m</c>, <c>initial_altitude_m</c>, <c>seed</c> (read-only), the PID's parameters under
/// <c>pid.</c>, the blimp's under <c>plant.</c> (read-only) and the step reference under <c>reference.</c> (settable:
/// the reference is rebuilt at the next tick boundary). <c>rate_hz</c> must equal the SNN artifact's rate (100 Hz)
/// because the network's leaks are per step.</para>
/// <para>Topics: <c>~/state</c>, <c>~/reference</c>, <c>~/command</c> (see <see cref="RigTopicsObserver"/>).</para>
/// </remarks>
public sealed class BlimpAltitudeNodeExecutable : INodeExecutable
{
    /// <inheritdoc/>
    public string Package => "robotics";

    /// <inheritdoc/>
    public string Name => "blimp_altitude_node";

    /// <inheritdoc/>
    public string Description => "Blimp altitude controller (evolved SNN or PID) on the simulated blimp with a noisy altitude sensor.";

    /// <summary>The node's parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } = BuildParameters();

    /// <summary>The node definition (also usable directly with <see cref="ManagedControlNode"/> in tests).</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "blimp",
        DefaultRateHz = 100,
        DefaultHardwareId = "sim_blimp",
        Parameters = Parameters,
        Configure = Configure,
    };

    /// <inheritdoc/>
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    private static ParameterDescriptor[] BuildParameters()
    {
        var list = new List<ParameterDescriptor>
        {
            ParameterDescriptor.String("controller_type", "snn", "snn (fast + slow populations), snn_single (one-population baseline) or pid.", readOnly: true),
            ParameterDescriptor.String("snn_artifact", "models/artifacts/blimp-snn.snn.json", "Path of the SNN artifact written by `robotics train-snn`.", readOnly: true),
            ParameterDescriptor.Double("altitude_noise_std_m", 0.01, "m", "Standard deviation of the simulated altitude-sensor noise.", 0.0, 10.0, readOnly: true),
            ParameterDescriptor.Double("initial_altitude_m", 1.0, "m", "Initial altitude of the simulated blimp (at rest).", 0.0, 1000.0, readOnly: true),
            ParameterDescriptor.Integer("seed", 1, "", "Seed of the simulated sensor noise.", 0, long.MaxValue, readOnly: true),
        };
        foreach (var d in PidController.Parameters)
        {
            if (d.Name is "state_size" or "reference_size" or "measurement_index" or "reference_index") continue;
            var value = d.Name switch
            {
                "kp" => ParameterValue.FromDouble(0.3),
                "ki" => ParameterValue.FromDouble(0.03),
                "kd" => ParameterValue.FromDouble(0.6),
                "derivative_filter_time_s" => ParameterValue.FromDouble(0.2),
                "output_min" => ParameterValue.FromDouble(-0.1),
                "output_max" => ParameterValue.FromDouble(0.2),
                _ => d.DefaultValue,
            };
            list.Add(new ParameterDescriptor("pid." + d.Name, d.Type, value, d.Description, d.Unit, d.Minimum, d.Maximum, true, d.ArrayLength));
        }

        foreach (var d in Sim.Plants.Blimp.Parameters)
        {
            list.Add(new ParameterDescriptor("plant." + d.Name, d.Type, d.DefaultValue, d.Description, d.Unit, d.Minimum, d.Maximum, true, d.ArrayLength));
        }

        foreach (var d in StepReference.Parameters)
        {
            var value = d.Name switch
            {
                "initial_value" => ParameterValue.FromDouble(1.0),
                "final_value" => ParameterValue.FromDouble(1.5),
                "step_time_s" => ParameterValue.FromDouble(5.0),
                _ => d.DefaultValue,
            };
            list.Add(new ParameterDescriptor("reference." + d.Name, d.Type, value, d.Description, d.Unit, d.Minimum, d.Maximum, d.ReadOnly, d.ArrayLength));
        }

        return [.. list];
    }

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        var plant = Sim.Plants.Blimp.FromParameters(p.ToParameterSet("plant."));
        double noise = p.GetDouble("altitude_noise_std_m");
        var hardware = new SimHardware(plant, [p.GetDouble("initial_altitude_m"), 0.0],
            new SimHardwareOptions { SensorNoiseStd = [noise, 0.0], Name = "sim_blimp" }, new Rng(checked((ulong)p.GetInteger("seed"))));
        IReferenceSource BuildReference() => StepReference.FromParameters(p.ToParameterSet("reference."));
        var reference = BuildReference();
        IController controller = BuildController(ctx, p);
        var observer = new RigTopicsObserver(ctx.Node, ctx.Clock, plant.StateNames, reference.Size, plant.InputSize);
        return new ControlNodeParts(hardware, controller, reference)
        {
            Observer = observer,
            RebuildReference = names => names.Any(n => n.StartsWith("reference.", StringComparison.Ordinal)) ? BuildReference() : null,
            LinkState = () => "simulated",
            Cleanup = observer.Dispose,
        };
    }

    private static IController BuildController(ControlNodeConfigureContext ctx, NodeParameters p)
    {
        string type = p.GetString("controller_type");
        switch (type)
        {
            case "pid":
                var set = p.ToParameterSet("pid.");
                return PidController.FromParameters(CopyInto(set), 2, 1);
            case "snn":
            case "snn_single":
                string path = p.GetString("snn_artifact");
                SnnArtifact artifact;
                try
                {
                    artifact = SnnArtifactFile.Load(path);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    throw new ArgumentException($"parameter 'snn_artifact' = '{path}': {e.Message} Train one with `robotics train-snn models/artifacts/blimp-snn.train.yaml` or set controller_type:=pid.");
                }

                double period = ctx.Period.Seconds;
                if (Math.Abs(period - artifact.PeriodS) > 1e-9)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"parameter 'rate_hz' = {1.0 / period:0.###} Hz does not match the SNN artifact's {1.0 / artifact.PeriodS:0.###} Hz (its leaks are per step); set rate_hz:={1.0 / artifact.PeriodS:0.###}."));
                }

                return SnnArtifactConversion.CreateController(artifact, baseline: type == "snn_single");
            default:
                throw new ArgumentException($"parameter 'controller_type' = '{type}' is not known; use snn, snn_single or pid.");
        }
    }

    private static ParameterSet CopyInto(ParameterSet source)
    {
        var target = new ParameterSet(PidController.Parameters);
        foreach (var d in PidController.Parameters)
        {
            if (source.Contains(d.Name)) target.Set(d.Name, source.Get(d.Name));
        }

        return target;
    }
}
