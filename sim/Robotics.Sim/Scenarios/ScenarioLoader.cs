using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;
using Robotics.Sim.Faults;
using Robotics.Sim.Hardware;
using Robotics.Sim.Plants;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Robotics.Sim.Scenarios;

/// <summary>
/// Loads scenario files (format: <c>sim/scenarios/README.md</c>). Every problem, from a YAML syntax error to
/// a tracking name the plant does not have, is a <see cref="ScenarioException"/> of the form
/// <c>file:line:column: field.path: expected X, found Y. How to fix.</c>
/// </summary>
/// <remarks>
/// The loader maps YamlDotNet's representation model by hand so that each node's start mark is available
/// for the message. Unknown fields are errors everywhere. Plant, controller and reference parameters are
/// validated through their <c>ParameterDescriptor</c>s, and the components are built once while loading
/// (the controller against the plant and reference) so that size mismatches are reported here, with a
/// position, instead of when the run starts.
/// </remarks>
public static class ScenarioLoader
{
    private static readonly string[] RootFields =
    [
        "name", "description", "seed", "rate_hz", "duration_s", "read_fault_tolerance_ticks",
        "plant", "hardware", "controller", "reference", "tracking", "faults", "pass",
    ];

    private static readonly string[] PlantFields = ["type", "parameters", "initial_state"];
    private static readonly string[] ComponentFields = ["type", "parameters"];
    private static readonly string[] HardwareFields = ["integration_step_s", "sensor_noise_std", "quantization", "sensor_delay_ticks", "command_min", "command_max", "safe_command"];
    private static readonly string[] TrackingFields = ["state", "reference"];
    private static readonly string[] FaultFields = ["kind", "start_s", "duration_s", "channel", "magnitude"];
    private static readonly string[] PassFields = ["rmse_max", "max_abs_error_max", "final_abs_error_max", "control_effort_max", "safe_command_ticks_max", "state_bounds"];
    private static readonly string[] BoundFields = ["state", "min", "max"];

    /// <summary>Fault kinds a scenario may schedule.</summary>
    public static IReadOnlyList<string> FaultKinds => ScenarioFaults.KindNames;

    /// <summary>Reads and parses a scenario file; the path as given is used as the source name in messages.</summary>
    /// <exception cref="ScenarioException">The file is missing or invalid.</exception>
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, 1, 1, "(file)", "a readable scenario file", e.GetType().Name + ": " + e.Message,
                "Check the path; scenario files live in sim/scenarios/", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses scenario YAML; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="ScenarioException">The text is invalid.</exception>
    public static Scenario Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var r = new YamlNodeReader(sourceName);
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        const string syntaxFix = "Fix the YAML syntax at this position (indentation, ':' after keys, matching brackets and quotes)";
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw r.Error(e.Start, "(yaml)", "valid YAML", "a syntax error: " + InnermostMessage(e), syntaxFix, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (without a mark) for some unterminated constructs, e.g. an unclosed '['.
            throw r.Error(parser.LastEnd, "(yaml)", "valid YAML", "an unterminated construct after this position (" + InnermostMessage(e) + ")", syntaxFix, e);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException(sourceName, 1, 1, "(root)", "a scenario mapping", "an empty file",
                "Start from an example in sim/scenarios/, e.g. msd-pid.yaml");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            throw r.Error(second, "(root)", "one YAML document", $"{stream.Documents.Count} documents", "Keep one scenario per file");
        }

        return ReadScenario(r, stream.Documents[0].RootNode);
    }

    private static string InnermostMessage(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message.TrimEnd('.');
    }

    private static Scenario ReadScenario(YamlNodeReader r, YamlNode rootNode)
    {
        var root = r.Mapping(rootNode, "(root)", "A scenario file is a mapping with name, rate_hz, duration_s, plant, controller, reference, ...");
        r.CheckKeys(root, "", RootFields);

        string name = r.String(r.Required(root, "", "name", "the scenario's name", "'name: msd-pid'"), "name", "Set name to a short identifier, e.g. msd-pid");
        string description = r.Optional(root, "description") is { } dn ? r.String(dn, "description", "Set description to one line of text") : "";
        ulong seed = r.Optional(root, "seed") is { } sn
            ? (ulong)r.Integer(sn, "seed", 0, long.MaxValue, "an integer >= 0", "Set seed to a non-negative integer, e.g. 1")
            : 1UL;
        double rate = r.Number(r.Required(root, "", "rate_hz", "the control loop rate in Hz", "'rate_hz: 1000'"), "rate_hz",
            v => v > 0 && v <= 1e6, "a number > 0 (Hz) and <= 1e6", "Set rate_hz to the loop rate, e.g. 1000");
        var durationNode = r.Required(root, "", "duration_s", "the simulated duration in seconds", "'duration_s: 10'");
        double duration = r.Number(durationNode, "duration_s", v => v > 0 && v <= 1e6, "a number > 0 (s) and <= 1e6",
            "Set duration_s to the simulated time in seconds, e.g. 10");
        if (SimTime.FromSeconds(duration).Nanoseconds < SimTime.FromRate(rate).Nanoseconds)
        {
            throw r.Error(durationNode, "duration_s", $"at least one period (1/rate_hz = {1.0 / rate:R} s)", duration.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                "Make duration_s longer or rate_hz higher");
        }

        int tolerance = r.Optional(root, "read_fault_tolerance_ticks") is { } tn
            ? (int)r.Integer(tn, "read_fault_tolerance_ticks", 0, 1_000_000, "an integer >= 0", "Set read_fault_tolerance_ticks to the number of failed reads to ride through, e.g. 5")
            : 5;

        var plantNode = r.Required(root, "", "plant", "the simulated plant", "'plant: { type: mass_spring_damper }'");
        var (plantSpec, plant) = ReadPlant(r, plantNode);

        var hardware = r.Optional(root, "hardware") is { } hn ? ReadHardware(r, hn, plant) : new SimHardwareOptions();

        var referenceNode = r.Required(root, "", "reference", "the reference source", "'reference: { type: step, parameters: { ... } }'");
        var (referenceSpec, reference) = ReadReference(r, referenceNode);

        var controllerNode = r.Required(root, "", "controller", "the controller", "'controller: { type: pid, parameters: { ... } }'");
        var controllerSpec = ReadController(r, controllerNode, plant, reference, SimTime.FromRate(rate));

        var tracking = r.Optional(root, "tracking") is { } trn ? ReadTracking(r, trn, plant, reference.Size) : [];
        var faults = r.Optional(root, "faults") is { } fn ? ReadFaults(r, fn, plant) : [];
        var pass = r.Optional(root, "pass") is { } pn ? ReadPass(r, pn, plant, tracking.Length) : new PassCriteria();

        return new Scenario
        {
            Name = name,
            Description = description,
            Seed = seed,
            RateHz = rate,
            DurationSeconds = duration,
            ReadFaultToleranceTicks = tolerance,
            Plant = plantSpec,
            Hardware = hardware,
            Controller = controllerSpec,
            Reference = referenceSpec,
            Tracking = tracking,
            Faults = faults,
            Pass = pass,
            SourceName = r.SourceName,
        };
    }

    /// <summary>
    /// Reads what the plant, controller and reference sections share: a mapping with known keys, a <c>type</c> from
    /// the catalog, and <c>parameters</c> validated against that type's descriptors.
    /// </summary>
    private static (YamlMappingNode Map, YamlNode TypeNode, string Type, TEntry Entry, YamlNode? ParametersNode, ParameterSet Parameters)
        ReadComponentHeader<TEntry>(YamlNodeReader r, YamlNode node, string section, string exampleType, string[] fields, IReadOnlyList<TEntry> catalog)
        where TEntry : class, ICatalogEntry
    {
        var map = r.Mapping(node, section, $"Write {section} as a mapping: {{ type: {exampleType}, parameters: {{ ... }} }}");
        r.CheckKeys(map, section, fields);
        var typeNode = r.Required(map, section, "type", $"the {section} type", $"'type: {exampleType}'");
        string type = r.String(typeNode, $"{section}.type", $"Set {section}.type to a known {section} type");
        var entry = catalog.FirstOrDefault(e => e.TypeName == type)
            ?? throw r.UnknownName(typeNode, $"{section}.type", $"a known {section} type", type, catalog.Select(e => e.TypeName).ToArray(), $"{section} type");
        var parametersNode = r.Optional(map, "parameters");
        var parameters = r.Parameters(parametersNode, $"{section}.parameters", entry.Parameters, $"{section} '{type}'");
        return (map, typeNode, type, entry, parametersNode, parameters);
    }

    private static (PlantSpec Spec, IPlant Plant) ReadPlant(YamlNodeReader r, YamlNode node)
    {
        var (map, _, type, entry, parametersNode, parameters) =
            ReadComponentHeader(r, node, "plant", "mass_spring_damper", PlantFields, ScenarioCatalog.Plants);
        IPlant plant;
        try
        {
            plant = entry.Create(parameters);
        }
        catch (ArgumentException e)
        {
            throw r.Error(parametersNode ?? node, "plant.parameters", $"parameters that make a valid '{type}'", "a rejected combination", YamlNodeReader.MessageOf(e), e);
        }

        double[] initial = new double[plant.StateSize];
        if (r.Optional(map, "initial_state") is { } initNode)
        {
            initial = r.Numbers(initNode, "plant.initial_state", plant.StateSize, $"one per state of '{type}': {string.Join(", ", plant.StateNames)}",
                double.IsFinite, "a finite number",
                $"Give initial_state as [{string.Join(", ", plant.StateNames)}] in SI units");
        }

        return (new PlantSpec(type, parameters, initial), plant);
    }

    private static SimHardwareOptions ReadHardware(YamlNodeReader r, YamlNode node, IPlant plant)
    {
        var map = r.Mapping(node, "hardware", "Write hardware as a mapping, e.g. { sensor_noise_std: [0.001, 0.0] }");
        r.CheckKeys(map, "hardware", HardwareFields);
        int n = plant.StateSize, m = plant.InputSize;
        string states = string.Join(", ", plant.StateNames), inputs = string.Join(", ", plant.InputNames);
        double step = r.Optional(map, "integration_step_s") is { } sn
            ? r.Number(sn, "hardware.integration_step_s", v => v == 0 || (v >= 1e-9 && v <= 10), "0 or a number in [1e-9, 10] (s)",
                "Set integration_step_s to the plant integration sub-step, or 0 to integrate in steps of the loop period")
            : 0.0;
        double[]? noise = r.Optional(map, "sensor_noise_std") is { } a
            ? r.Numbers(a, "hardware.sensor_noise_std", n, $"one per state: {states}", v => v >= 0, "a number >= 0",
                $"Give one noise standard deviation per state ({states}), 0 for none")
            : null;
        double[]? quantization = r.Optional(map, "quantization") is { } b
            ? r.Numbers(b, "hardware.quantization", n, $"one per state: {states}", v => v >= 0, "a number >= 0",
                $"Give one quantization step per state ({states}), 0 for none")
            : null;
        int delay = r.Optional(map, "sensor_delay_ticks") is { } c
            ? (int)r.Integer(c, "hardware.sensor_delay_ticks", 0, SimHardwareOptions.MaxSensorDelayTicks,
                $"an integer in [0, {SimHardwareOptions.MaxSensorDelayTicks}]", "Set sensor_delay_ticks to a whole number of ticks, e.g. 0")
            : 0;
        double[]? min = r.Optional(map, "command_min") is { } d
            ? r.Numbers(d, "hardware.command_min", m, $"one per input: {inputs}", v => !double.IsNaN(v), "a number",
                $"Give one lower actuator limit per input ({inputs})")
            : null;
        double[]? max = r.Optional(map, "command_max") is { } e
            ? r.Numbers(e, "hardware.command_max", m, $"one per input: {inputs}", v => !double.IsNaN(v), "a number",
                $"Give one upper actuator limit per input ({inputs})")
            : null;
        double[]? safe = r.Optional(map, "safe_command") is { } f
            ? r.Numbers(f, "hardware.safe_command", m, $"one per input: {inputs}", double.IsFinite, "a finite number",
                $"Give one safe command per input ({inputs}), within the actuator limits")
            : null;
        var options = new SimHardwareOptions
        {
            IntegrationStepSeconds = step, SensorNoiseStd = noise, Quantization = quantization, SensorDelayTicks = delay,
            CommandMin = min, CommandMax = max, SafeCommand = safe,
        };
        try
        {
            options.Validate(plant);
        }
        catch (ArgumentException ex)
        {
            throw r.Error(node, "hardware", $"hardware options that fit plant '{plant.TypeName}'", "an inconsistent combination", YamlNodeReader.MessageOf(ex), ex);
        }

        return options;
    }

    private static (ComponentSpec Spec, IReferenceSource Reference) ReadReference(YamlNodeReader r, YamlNode node)
    {
        var (_, _, type, entry, parametersNode, parameters) =
            ReadComponentHeader(r, node, "reference", "step", ComponentFields, ScenarioCatalog.References);
        try
        {
            return (new ComponentSpec(type, parameters), entry.Create(parameters));
        }
        catch (ArgumentException e)
        {
            throw r.Error(parametersNode ?? node, "reference.parameters", $"parameters that make a valid '{type}' reference", "a rejected combination", YamlNodeReader.MessageOf(e), e);
        }
    }

    private static ComponentSpec ReadController(YamlNodeReader r, YamlNode node, IPlant plant, IReferenceSource reference, SimTime period)
    {
        var (_, typeNode, type, entry, parametersNode, parameters) =
            ReadComponentHeader(r, node, "controller", "pid", ComponentFields, ScenarioCatalog.Controllers);
        IController controller;
        try
        {
            controller = entry.Create(new ControllerBuildContext(parameters, plant, period, reference.Size));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw r.Error(parametersNode ?? node, "controller.parameters", $"parameters that make a valid '{type}' controller for plant '{plant.TypeName}'",
                "a rejected combination", YamlNodeReader.MessageOf(e), e);
        }

        string Fits(int want, int have, string what) => want == have ? "" : $"{what}: the controller expects {want}, the scenario provides {have}";
        string problem = new[]
        {
            Fits(controller.StateSize, plant.StateSize, "state size"),
            Fits(controller.CommandSize, plant.InputSize, "command size"),
            Fits(controller.ReferenceSize, reference.Size, "reference size"),
        }.FirstOrDefault(s => s.Length > 0) ?? "";
        if (problem.Length > 0)
        {
            throw r.Error(typeNode, "controller.type", $"a controller that fits plant '{plant.TypeName}' ({plant.StateSize} states, {plant.InputSize} inputs) and a reference of {reference.Size} values",
                problem, "Choose a controller/reference pair that matches the plant, or set the controller's size parameters");
        }

        return new ComponentSpec(type, parameters);
    }

    private static TrackingPair[] ReadTracking(YamlNodeReader r, YamlNode node, IPlant plant, int referenceSize)
    {
        var seq = r.Sequence(node, "tracking", "{ state, reference } pairs", "Write tracking as a list, e.g. [{ state: position_m, reference: 0 }]");
        var pairs = new TrackingPair[seq.Children.Count];
        for (int i = 0; i < pairs.Length; i++)
        {
            string path = $"tracking[{i}]";
            var map = r.Mapping(seq.Children[i], path, "Write each entry as { state: <state name>, reference: <index> }");
            r.CheckKeys(map, path, TrackingFields);
            var (state, index) = ReadStateName(r, r.Required(map, path, "state", "the plant state to compare", $"'state: {plant.StateNames[0]}'"), path + ".state", plant);
            int refIndex = (int)r.Integer(r.Required(map, path, "reference", "the reference entry index", "'reference: 0'"), path + ".reference",
                0, referenceSize - 1, $"an integer in [0, {referenceSize - 1}] (the reference has {referenceSize} values)",
                "Set reference to the index of the reference entry this state should follow");
            pairs[i] = new TrackingPair(state, index, refIndex);
        }

        return pairs;
    }

    private static (string Name, int Index) ReadStateName(YamlNodeReader r, YamlNode node, string path, IPlant plant)
    {
        string name = r.String(node, path, $"Set it to one of the plant's states: {string.Join(", ", plant.StateNames)}");
        for (int k = 0; k < plant.StateNames.Count; k++)
        {
            if (plant.StateNames[k] == name) return (name, k);
        }

        throw r.UnknownName(node, path, $"a state of plant '{plant.TypeName}'", name, plant.StateNames, "state");
    }

    private static ScheduledFault[] ReadFaults(YamlNodeReader r, YamlNode node, IPlant plant)
    {
        var seq = r.Sequence(node, "faults", "fault entries", "Write faults as a list, e.g. [{ kind: sensor_dropout, start_s: 4.0, duration_s: 0.05 }]");
        var faults = new ScheduledFault[seq.Children.Count];
        for (int i = 0; i < faults.Length; i++)
        {
            string path = $"faults[{i}]";
            var map = r.Mapping(seq.Children[i], path, "Write each fault as { kind, start_s, duration_s }");
            r.CheckKeys(map, path, FaultFields);
            var kindNode = r.Required(map, path, "kind", "the fault kind", "'kind: sensor_dropout'");
            string kindName = r.String(kindNode, path + ".kind", "Set kind to a known fault kind");
            if (ScenarioFaults.Find(kindName) is not { } kind)
            {
                throw r.UnknownName(kindNode, path + ".kind", "a known fault kind", kindName, ScenarioFaults.KindNames, "fault kind");
            }

            double start = r.Number(r.Required(map, path, "start_s", "when the fault starts (s)", "'start_s: 4.0'"), path + ".start_s",
                v => v >= 0 && v <= 1e6, "a number in [0, 1e6] (s)", "Set start_s to the scenario time the fault begins");
            double duration = r.Number(r.Required(map, path, "duration_s", "how long the fault lasts (s)", "'duration_s: 0.05'"), path + ".duration_s",
                v => v >= 1e-9 && v <= 1e6, "a number in [1e-9, 1e6] (s)", "Set duration_s to how long the fault lasts");
            int channel = -1;
            if (r.Optional(map, "channel") is { } channelNode)
            {
                bool commands = kind == FaultKind.StuckActuator;
                int count = commands ? plant.InputSize : plant.StateSize;
                string names = string.Join(", ", commands ? plant.InputNames : plant.StateNames);
                channel = (int)r.Integer(channelNode, path + ".channel", -1, count - 1,
                    $"an integer in [-1, {count - 1}] (-1 = all; {(commands ? "inputs" : "states")}: {names})",
                    "Set channel to the index of the affected " + (commands ? "input" : "state") + ", or -1 for all");
            }

            double magnitude = r.Optional(map, "magnitude") is { } mn
                ? r.Number(mn, path + ".magnitude", v => v >= 0, "a number >= 0", "Set magnitude to the noise multiplier (noise_burst only), e.g. 5")
                : 1.0;
            faults[i] = new ScheduledFault(kind, SimTime.FromSeconds(start), SimTime.FromSeconds(duration), channel, magnitude);
        }

        return faults;
    }

    private static PassCriteria ReadPass(YamlNodeReader r, YamlNode node, IPlant plant, int trackingCount)
    {
        var map = r.Mapping(node, "pass", "Write pass as a mapping, e.g. { rmse_max: 0.05 }");
        r.CheckKeys(map, "pass", PassFields);
        double? Limit(string key, string unitHint)
        {
            if (r.Optional(map, key) is not { } n) return null;
            if (trackingCount == 0 && key != "control_effort_max")
            {
                throw r.Error(n, "pass." + key, "a tracking list to measure errors against", "no tracking entries",
                    "Add 'tracking: [{ state: <name>, reference: <index> }]' or remove this criterion");
            }

            return r.Number(n, "pass." + key, v => v >= 0, "a number >= 0" + unitHint, $"Set {key} to the largest acceptable value");
        }

        var criteria = new PassCriteria
        {
            RmseMax = Limit("rmse_max", " (units of the tracked states)"),
            MaxAbsErrorMax = Limit("max_abs_error_max", " (units of the tracked states)"),
            FinalAbsErrorMax = Limit("final_abs_error_max", " (units of the tracked states)"),
            ControlEffortMax = Limit("control_effort_max", " (sum of |u|^2 dt)"),
            SafeCommandTicksMax = r.Optional(map, "safe_command_ticks_max") is { } sn
                ? r.Integer(sn, "pass.safe_command_ticks_max", 0, long.MaxValue, "an integer >= 0", "Set safe_command_ticks_max to the number of safe-command ticks allowed")
                : null,
        };

        if (r.Optional(map, "state_bounds") is not { } boundsNode) return criteria;
        var seq = r.Sequence(boundsNode, "pass.state_bounds", "{ state, min, max } bounds", "Write state_bounds as a list, e.g. [{ state: pole_angle_rad, min: -0.5, max: 0.5 }]");
        var bounds = new StateBound[seq.Children.Count];
        for (int i = 0; i < bounds.Length; i++)
        {
            string path = $"pass.state_bounds[{i}]";
            var b = r.Mapping(seq.Children[i], path, "Write each bound as { state, min, max }");
            r.CheckKeys(b, path, BoundFields);
            var (state, index) = ReadStateName(r, r.Required(b, path, "state", "the bounded state", $"'state: {plant.StateNames[0]}'"), path + ".state", plant);
            double min = r.Number(r.Required(b, path, "min", "the lower bound", "'min: -0.5'"), path + ".min", double.IsFinite, "a finite number", "Set min to the lower bound");
            var maxNode = r.Required(b, path, "max", "the upper bound", "'max: 0.5'");
            double max = r.Number(maxNode, path + ".max", v => double.IsFinite(v) && v >= min, $"a finite number >= min ({min.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})",
                "Set max above min");
            bounds[i] = new StateBound(state, index, min, max);
        }

        return criteria with { StateBounds = bounds };
    }
}
