using Robotics.Control.Stl;
using Robotics.Core.Time;
using Robotics.Nodes.Stl;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Recording;

namespace Robotics.Nodes.Tests.Stl;

/// <summary>
/// Issue 8, MCAP input of <c>robotics stl check</c>: a recording written by the repository's own rosbag2 writer with
/// hand-made values; the trace read back and its robustness are compared with values worked out by hand.
/// </summary>
public sealed class StlMcapTraceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-stl-mcap-").FullName;

    public StlMcapTraceTests()
    {
        // 10 Hz from t = 1 s: /car/gap (Float64) and /rig/state (JointState [position_m, velocity_m_s]);
        // 5 Hz: /cmd (Float64MultiArray, element 1 = 7, 9, 5).
        double[] gap = [3, 2.5, 1.2, 0.8, 2, 4];
        double[] speed = [1, 1.5, 2.5, 0.5, 0, 1];
        double[] cmd = [7, 9, 5];
        using var writer = new RosBagWriter(File.Create(RunPath), new RosBagWriterOptions { WriteMetadataYaml = false });
        var gapTopic = writer.AddTopic("/car/gap", Float64.Support);
        var stateTopic = writer.AddTopic("/rig/state", JointState.Support);
        var cmdTopic = writer.AddTopic("/cmd", Float64MultiArray.Support);
        for (int k = 0; k < gap.Length; k++)
        {
            var t = SimTime.FromNanoseconds(1_000_000_000 + (k * 100_000_000L));
            writer.Write(gapTopic, new Float64 { Data = gap[k] }, t);
            writer.Write(stateTopic, new JointState { Name = ["position_m", "velocity_m_s"], Position = [10 + k, speed[k]] }, t);
            if (k % 2 == 0)
            {
                writer.Write(cmdTopic, new Float64MultiArray { Data = [0, cmd[k / 2]] }, t);
            }
        }
    }

    private string RunPath => Path.Combine(_folder, "run.mcap");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void SignalResolvedFromItsName_RobustnessEqualsHandComputed()
    {
        // car.gap -> topic /car/gap, field data. gap - 1 = [2, 1.5, 0.2, -0.2, 1, 3];
        // always[0:0.2]: min over [k, k+2] cut at the end = [0.2, -0.2, -0.2, -0.2, 1, 3].
        var spec = StlSpecification.Parse("always[0:0.2](car.gap - 1 >= 0)");
        var trace = StlMcapTrace.Read(RunPath, spec);
        Assert.Equal(6, trace.Length);
        Assert.Equal(0.1, trace.SamplePeriod, 12);
        Assert.Equal([0.2, -0.2, -0.2, -0.2, 1, 3], StlRobustness.Evaluate(spec, trace), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void ExplicitBindings_JointByName_And_ZeroOrderHold_RobustnessEqualsHandComputed()
    {
        // v = velocity_m_s = [1, 1.5, 2.5, 0.5, 0, 1]; u = /cmd data[1] held at 10 Hz = [7, 7, 9, 9, 5, 5].
        // historically[0:0.1](v <= 2): min(2 - v) over [k-1, k] = [1, 0.5, -0.5, -0.5, 1.5, 1]; u - 8 = [-1, -1, 1, 1, -3, -3];
        // or -> max = [1, 0.5, 1, 1, 1.5, 1].
        var spec = StlSpecification.Parse("historically[0:0.1](v <= 2) or u >= 8");
        var trace = StlMcapTrace.Read(RunPath, spec, ["v=/rig/state:position[velocity_m_s]", "u=/cmd:data[1]"]);
        Assert.Equal([0.0, 0.1, 0.2, 0.3, 0.4, 0.5], trace.Times, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([7.0, 7, 9, 9, 5, 5], trace.Signal("u")!);
        Assert.Equal([1, 0.5, 1, 1, 1.5, 1], StlRobustness.Evaluate(spec, trace), (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Period_Option_ResamplesByZeroOrderHold()
    {
        // Every 0.2 s from the first sample: gap[0], gap[2], gap[4] = 3, 1.2, 2.
        var spec = StlSpecification.Parse("car.gap >= 0");
        var trace = StlMcapTrace.Read(RunPath, spec, period: 0.2);
        Assert.Equal([3, 1.2, 2], trace.Signal("car.gap")!);
    }

    [Theory]
    [InlineData("v >= 0", "v=/nope:data", "topic '/nope' is not in the recording")]
    [InlineData("v >= 0", "v=/rig/state:positions[0]", "has no field 'positions'")]
    [InlineData("v >= 0", "v=/rig/state:position", "is an array")]
    [InlineData("v >= 0", "v=/rig/state:position[7]", "no element 7 in 'position'")]
    [InlineData("v >= 0", "v=/rig/state:position[knee]", "no element knee")]
    [InlineData("speed >= 0", null, "signal 'speed' matches no topic and field")]
    [InlineData("v >= 0", "w=/car/gap", "not used by the specification")]
    public void MissingTopicOrField_ErrorNamesTheFileTheSignalAndTheTopic(string spec, string? binding, string fragment)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            StlMcapTrace.Read(RunPath, StlSpecification.Parse(spec), binding is null ? [] : [binding]));
        Assert.Contains(RunPath, e.Message);
        Assert.Contains(fragment, e.Message);
        if (binding is null)
        {
            Assert.Contains("/car/gap", e.Message); // lists what the recording holds
        }
    }

    [Fact]
    public void NotAnMcapFile_ErrorNamesTheFile()
    {
        string path = Path.Combine(_folder, "bad.mcap");
        File.WriteAllText(path, "time,x\n0,1\n");
        var e = Assert.Throws<ArgumentException>(() => StlMcapTrace.Read(path, StlSpecification.Parse("x >= 0")));
        Assert.Contains(path, e.Message);
        Assert.Contains("not an MCAP file", e.Message);
    }
}
