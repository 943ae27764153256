using Robotics.Sim.Scenarios;

namespace Robotics.Sim.Tests.Scenarios;

/// <summary>
/// Each malformed file must give file:line:column, the field path and a fix. Line and column numbers are
/// counted by hand in the literal YAML (1-based; column = 1 + number of characters before the node).
/// </summary>
public sealed class ScenarioLoaderErrorTests
{
    private const string Source = "sim/scenarios/bad.yaml";

    private static ScenarioException Fail(string yaml) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, Source));

    private static void AssertAt(ScenarioException e, int line, int column, string path)
    {
        Assert.Equal(Source, e.SourceName);
        Assert.Equal((line, column, path), (e.Line, e.Column, e.FieldPath));
        Assert.StartsWith($"{Source}:{line}:{column}: {path}: expected ", e.Message);
    }

    [Fact]
    public void Parse_NegativeRate_ReportsValueAndFix()
    {
        var e = Fail("""
            name: bad
            rate_hz: -5
            duration_s: 10
            """);
        // "rate_hz: " is 9 characters, so the value starts in column 10 of line 2.
        AssertAt(e, 2, 10, "rate_hz");
        Assert.Equal("sim/scenarios/bad.yaml:2:10: rate_hz: expected a number > 0 (Hz) and <= 1e6, found -5. Set rate_hz to the loop rate, e.g. 1000.", e.Message);
    }

    [Fact]
    public void Parse_ZeroRate_IsRejected()
    {
        var e = Fail("name: bad\nrate_hz: 0\nduration_s: 10\n");
        AssertAt(e, 2, 10, "rate_hz");
        Assert.Contains("found 0.", e.Message);
    }

    [Fact]
    public void Parse_StringWhereNumberExpected_ReportsTheString()
    {
        var e = Fail("""
            name: bad
            rate_hz: 1000
            duration_s: ten
            """);
        AssertAt(e, 3, 13, "duration_s");
        Assert.Contains("found \"ten\"", e.Message);
    }

    [Fact]
    public void Parse_UnknownTopLevelField_SuggestsClosestAndListsAllowed()
    {
        var e = Fail("""
            name: bad
            rate_hz: 1000
            durration_s: 10
            """);
        AssertAt(e, 3, 1, "durration_s");
        Assert.Contains("found 'durration_s'", e.Message);
        Assert.Contains("Did you mean 'duration_s'?", e.Message);
        Assert.Contains("Allowed fields: name, description, seed, rate_hz, duration_s", e.Message);
    }

    [Fact]
    public void Parse_UnknownNestedField_HasDottedPath()
    {
        var e = Fail("""
            name: bad
            rate_hz: 1000
            duration_s: 10
            plant:
              type: mass_spring_damper
              intial_state: [0, 0]
            """);
        AssertAt(e, 6, 3, "plant.intial_state");
        Assert.Contains("Did you mean 'initial_state'?", e.Message);
    }

    [Fact]
    public void Parse_MissingPlant_PointsAtTheRootMapping()
    {
        var e = Fail("""
            name: bad
            rate_hz: 1000
            duration_s: 10
            controller: { type: pid }
            reference: { type: step }
            """);
        AssertAt(e, 1, 1, "plant");
        Assert.Contains("expected a required field 'plant'", e.Message);
        Assert.Contains("Add 'plant:' here", e.Message);
    }

    [Fact]
    public void Parse_MissingPlantType_PointsAtThePlantMapping()
    {
        var e = Fail("""
            name: bad
            rate_hz: 1000
            duration_s: 10
            plant: { parameters: { mass_kg: 2 } }
            """);
        // The flow mapping starts at the '{' after "plant: " (7 characters).
        AssertAt(e, 4, 8, "plant.type");
    }

    [Fact]
    public void Parse_UnknownPlantType_ListsKnownTypes()
    {
        var e = Fail("""
            name: bad
            rate_hz: 1000
            duration_s: 10
            plant:
              type: mass_spring
            """);
        AssertAt(e, 5, 9, "plant.type");
        Assert.Contains("Did you mean 'mass_spring_damper'?", e.Message);
        Assert.Contains("cart_pole", e.Message);
        Assert.Contains("blimp", e.Message);
    }

    [Fact]
    public void Parse_UnknownControllerType_ListsKnownTypes()
    {
        var e = Fail(Valid.Replace("type: pid", "type: pdi"));
        AssertAt(e, 11, 9, "controller.type");
        Assert.Contains("Did you mean 'pid'?", e.Message);
        Assert.Contains("Allowed controller types: pid, lqr, trajectory_tracking", e.Message);
    }

    [Fact]
    public void Parse_UnknownReferenceType_ListsKnownTypes()
    {
        var e = Fail(Valid.Replace("type: step", "type: stair"));
        AssertAt(e, 14, 9, "reference.type");
        Assert.Contains("step", e.Message);
        Assert.Contains("figure_eight", e.Message);
    }

    [Fact]
    public void Parse_ParameterOutOfRange_CarriesTheDescriptorMessage()
    {
        var e = Fail(Valid.Replace("mass_kg: 1.0", "mass_kg: -1.0"));
        // Line 6 is "  parameters: { mass_kg: -1.0, ... }": the value follows "  parameters: { mass_kg: " (25 characters).
        AssertAt(e, 6, 26, "plant.parameters.mass_kg");
        Assert.Contains("expected a number in [1e-06, 1000000] kg, found -1.0", e.Message);
        Assert.Contains("outside the allowed range", e.Message);
    }

    [Fact]
    public void Parse_ParameterOfWrongType_IsRejected()
    {
        var e = Fail(Valid.Replace("kp: 200", "kp: high"));
        AssertAt(e, 12, 21, "controller.parameters.kp");
        Assert.Contains("found \"high\"", e.Message);
    }

    [Fact]
    public void Parse_UnknownParameter_SuggestsClosest()
    {
        var e = Fail(Valid.Replace("stiffness_n_m", "stifness_n_m"));
        AssertAt(e, 6, 31, "plant.parameters.stifness_n_m");
        Assert.Contains("Did you mean 'stiffness_n_m'?", e.Message);
    }

    [Fact]
    public void Parse_InitialStateOfWrongLength_SaysHowManyValues()
    {
        var e = Fail(Valid.Replace("initial_state: [0.0, 0.0]", "initial_state: [0.0]"));
        AssertAt(e, 7, 18, "plant.initial_state");
        Assert.Contains("expected a sequence of 2 numbers (one per state of 'mass_spring_damper': position_m, velocity_m_s), found 1 number", e.Message);
    }

    [Fact]
    public void Parse_NoiseListOfWrongLength_IsRejected()
    {
        var e = Fail(Valid.Replace("sensor_noise_std: [0.0001, 0.0]", "sensor_noise_std: [0.0001]"));
        AssertAt(e, 9, 21, "hardware.sensor_noise_std");
    }

    [Fact]
    public void Parse_TrackingStateNotInPlant_ListsStates()
    {
        var e = Fail(Valid.Replace("state: position_m", "state: positon_m"));
        AssertAt(e, 17, 14, "tracking[0].state");
        Assert.Contains("expected a state of plant 'mass_spring_damper', found 'positon_m'", e.Message);
        Assert.Contains("Did you mean 'position_m'?", e.Message);
    }

    [Fact]
    public void Parse_TrackingReferenceIndexOutOfRange_IsRejected()
    {
        var e = Fail(Valid.Replace("reference: 0 }", "reference: 3 }"));
        AssertAt(e, 17, 37, "tracking[0].reference");
        Assert.Contains("an integer in [0, 0] (the reference has 1 values)", e.Message);
    }

    [Fact]
    public void Parse_UnknownFaultKind_ListsKinds()
    {
        var e = Fail(Valid + "faults:\n  - { kind: sensor_drop, start_s: 1, duration_s: 0.1 }\n");
        AssertAt(e, 21, 13, "faults[0].kind");
        Assert.Contains("Did you mean 'sensor_dropout'?", e.Message);
    }

    [Fact]
    public void Parse_UnclosedFlowSequence_PointsAtTheOpeningBracket()
    {
        var e = Fail("""
            name: bad
            rate_hz: [1000
            duration_s: 10
            """);
        // The '[' that is never closed is at line 2, column 10 ("rate_hz: " is 9 characters).
        AssertAt(e, 2, 10, "(yaml)");
        Assert.Contains("expected valid YAML, found an unterminated construct", e.Message);
    }

    [Fact]
    public void Parse_BadIndentation_ReportsLineOfTheStrayMapping()
    {
        var e = Fail("name: bad\nrate_hz: 1000\n  duration_s: 10\n");
        Assert.Equal("(yaml)", e.FieldPath);
        Assert.Equal(3, e.Line);
        Assert.Contains("expected valid YAML, found a syntax error: ", e.Message);
        Assert.NotNull(e.InnerException);
    }

    [Fact]
    public void Parse_DuplicateField_IsReportedAtTheSecondKey()
    {
        var e = Fail("name: bad\nrate_hz: 1000\nrate_hz: 500\n");
        Assert.Equal("(yaml)", e.FieldPath);
        Assert.Equal((3, 1), (e.Line, e.Column));
        Assert.Contains("Duplicate key", e.Message);
    }

    [Fact]
    public void Parse_EmptyFile_PointsAtLineOne()
    {
        var e = Fail("");
        AssertAt(e, 1, 1, "(root)");
        Assert.Contains("found an empty file", e.Message);
    }

    [Fact]
    public void Parse_LqrWeightsOfWrongLength_PointsAtControllerParameters()
    {
        var e = Fail("""
            name: bad
            rate_hz: 100
            duration_s: 1
            plant: { type: cart_pole }
            controller:
              type: lqr
              parameters: { q_diagonal: [1, 1], r_diagonal: [1] }
            reference: { type: constant, parameters: { values: [0, 0, 0, 0] } }
            """);
        AssertAt(e, 7, 15, "controller.parameters");
        Assert.Contains("'q_diagonal' has 2 values; give 4", e.Message);
    }

    [Fact]
    public void Parse_ControllerThatDoesNotFitTheReference_IsRejected()
    {
        var e = Fail("""
            name: bad
            rate_hz: 100
            duration_s: 1
            plant: { type: cart_pole }
            controller: { type: lqr, parameters: { q_diagonal: [1, 1, 1, 1], r_diagonal: [1] } }
            reference: { type: step }
            """);
        AssertAt(e, 5, 21, "controller.type");
        Assert.Contains("reference size: the controller expects 4, the scenario provides 1", e.Message);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-scenarios", "missing.yaml");
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.StartsWith(path + ":1:1: (file): expected a readable scenario file", e.Message);
    }

    [Fact]
    public void Parse_ValidFile_Loads()
    {
        var s = ScenarioLoader.Parse(Valid, Source);
        Assert.Equal("ok", s.Name);
        Assert.Equal(1000.0, s.RateHz);
        Assert.Equal(2.0, s.Plant.Parameters.GetDouble("stiffness_n_m"));
        Assert.Equal([new TrackingPair("position_m", 0, 0)], s.Tracking);
    }

    // Line numbers used above: 1 name, 6 plant.parameters, 7 initial_state, 9 sensor_noise_std, 11 controller type,
    // 12 controller parameters, 14 reference type, 17 tracking entry, 19 rmse_max; appended faults start at line 20.
    private const string Valid = """
        name: ok
        rate_hz: 1000
        duration_s: 1
        plant:
          type: mass_spring_damper
          parameters: { mass_kg: 1.0, stiffness_n_m: 2.0 }
          initial_state: [0.0, 0.0]
        hardware:
          sensor_noise_std: [0.0001, 0.0]
        controller:
          type: pid
          parameters: { kp: 200, ki: 10 }
        reference:
          type: step
          parameters: { final_value: 0.5 }
        tracking:
          - { state: position_m, reference: 0 }
        pass:
          rmse_max: 1.0

        """;
}
