using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Messages;

public sealed class TypeHashTests
{
    // Published values: `ros2 topic info -v` output of ROS 2 Jazzy users, collected in
    // /work/shared/reference/ros2-dds.md §3-B (an independent source: rosidl's own build computed them).
    [Theory]
    [InlineData("std_msgs/msg/String", "RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18")]
    [InlineData("builtin_interfaces/msg/Time", "RIHS01_b106235e25a4c5ed35098aa0a61a3ee9c9b18d197f398b0e4206cea9acf9c197")]
    [InlineData("std_msgs/msg/Header", "RIHS01_f49fb3ae2cf070f793645ff749683ac6b06203e41c891e17701b1cb597ce6a01")]
    [InlineData("geometry_msgs/msg/Twist", "RIHS01_9c45bf16fe0983d80e3cfe750d6835843d265a9a6c46bd2e609fcddde6fb8d2a")]
    [InlineData("sensor_msgs/msg/JointState", "RIHS01_a13ee3a330e346c9d87b5aa18d24e11690752bd33a0350f11c5882bc9179260e")]
    [InlineData("rmw_dds_common/msg/ParticipantEntitiesInfo", "RIHS01_91a0593bacdcc50ea9bdcf849a938b128412cc1ea821245c663bcd26f83c295e")]
    public void TypeHash_EqualsPublishedValue(string type, string expected)
    {
        Assert.Equal(expected, MessageTypeRegistry.Get(type).TypeHash);
    }

    [Fact]
    public void TypeHash_GeneratedClassesExposeTheSameSupport()
    {
        Assert.Equal("RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18", Robotics.Ros.Interfaces.StdMsgs.String.Support.TypeHash);
        Assert.Same(Robotics.Ros.Interfaces.GeometryMsgs.Twist.Support, MessageTypeRegistry.Get("geometry_msgs/Twist"));
    }

    /// <summary>Every message and service hash equals tests/golden/ros/rihs01.py (an independent Python implementation).</summary>
    [PythonFact]
    public void AllTypes_TypeHashEqualsIndependentScript()
    {
        var (code, stdout, stderr) = TestPaths.Run("python3", Path.Combine(TestPaths.GoldenRos, "rihs01.py"), TestPaths.Interfaces);
        Assert.True(code == 0, stderr);
        var expected = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var mismatches = new List<string>();
        int compared = 0;
        foreach (MessageTypeSupport s in MessageTypeRegistry.AllMessages)
        {
            compared++;
            if (!expected.TryGetValue(s.RosTypeName, out string? h) || h != s.TypeHash)
            {
                mismatches.Add($"{s.RosTypeName}: script {h ?? "(missing)"} C# {s.TypeHash}");
            }
        }

        foreach (ServiceTypeSupport s in MessageTypeRegistry.AllServices)
        {
            compared++;
            if (!expected.TryGetValue(s.RosTypeName, out string? h) || h != s.TypeHash)
            {
                mismatches.Add($"{s.RosTypeName}: script {h ?? "(missing)"} C# {s.TypeHash}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.True(compared > 170, $"compared {compared}");
    }
}
