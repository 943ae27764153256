using Robotics.Core.Time;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Recording;

namespace Robotics.Cli.Tests.Stl;

/// <summary><c>robotics stl check</c> on an MCAP recording written by the repository's rosbag2 writer with hand-made values.</summary>
public sealed class StlMcapCheckCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("robotics-stl-mcap-cli-").FullName;

    public StlMcapCheckCommandTests()
    {
        // /car/gap every 0.1 s: 3, 2.5, 1.2, 0.8, 2, 4.
        double[] gap = [3, 2.5, 1.2, 0.8, 2, 4];
        using var writer = new RosBagWriter(File.Create(RunPath), new RosBagWriterOptions { WriteMetadataYaml = false });
        var topic = writer.AddTopic("/car/gap", Float64.Support);
        for (int k = 0; k < gap.Length; k++)
        {
            writer.Write(topic, new Float64 { Data = gap[k] }, SimTime.FromNanoseconds(k * 100_000_000L));
        }
    }

    private string RunPath => Path.Combine(_folder, "run.mcap");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Check_Mcap_PrintsTheHandComputedRobustness()
    {
        // always[0:0.2](gap >= 1) at time 0: min(3, 2.5, 1.2) - 1 = 0.2 (satisfied); over [0, 0.3]: 0.8 - 1 = -0.2.
        var satisfied = CliProcess.Run("stl", "check", "always[0:0.2](gap >= 1)", RunPath, "--signal", "gap=/car/gap");
        Assert.Equal(0, satisfied.ExitCode);
        Assert.Equal(0.2, Robustness(satisfied.StandardOutput), 12);

        var violated = CliProcess.Run("stl", "check", "always[0:0.3](car.gap >= 1)", RunPath);
        Assert.Equal(1, violated.ExitCode);
        Assert.Equal(-0.2, Robustness(violated.StandardOutput), 12);
    }

    private static double Robustness(string output)
    {
        Assert.StartsWith("robustness ", output);
        return double.Parse(output.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Check_Mcap_MissingTopic_NamesTheFileAndTheTopic()
    {
        var run = CliProcess.Run("stl", "check", "always[0:0.2](speed <= 2)", RunPath, "--signal", "speed=/car/speed");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(RunPath, run.StandardError);
        Assert.Contains("topic '/car/speed' is not in the recording", run.StandardError);
        Assert.Contains("/car/gap", run.StandardError);
    }
}
