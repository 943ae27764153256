using BenchmarkDotNet.Attributes;
using Robotics.Ros.Dds;
using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Transport;

namespace Robotics.Benchmarks.Ros;

/// <summary>
/// Per-message costs on the C# side: publishing a fixed-size message (geometry_msgs/Twist) through the Cyclone
/// transport must allocate 0 bytes; serializing a sensor_msgs/JointState with 10 joints to XCDR1 must take under 1 µs.
/// </summary>
[MemoryDiagnoser]
public class RosMessageBenchmarks
{
    private readonly Twist _twist = new() { Linear = new Vector3 { X = 0.5 }, Angular = new Vector3 { Z = 0.1 } };
    private readonly JointState _jointState = new();
    private byte[] _buffer = [];
    private DdsTransport _transport = null!;
    private ITransportWriter _writer = null!;

    /// <summary>A Twist writer without readers (nothing else runs) and a 10-joint JointState.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _transport = new DdsTransport(RosBenchPeers.TransportOptions);
        _writer = _transport.CreateWriter(new EndpointOptions("/bench/alloc_twist", Twist.Support, QosProfile.Default));
        _jointState.Header.FrameId = "base_link";
        _jointState.Name = Enumerable.Range(0, 10).Select(j => "joint_" + j).ToArray();
        _jointState.Position = Enumerable.Range(0, 10).Select(j => j * 0.1).ToArray();
        _jointState.Velocity = Enumerable.Range(0, 10).Select(j => -j * 0.1).ToArray();
        _jointState.Effort = Enumerable.Range(0, 10).Select(j => j * 2.0).ToArray();
        _buffer = new byte[JointState.Support.GetSerializedSize(_jointState)];
    }

    /// <summary>Deletes the transport.</summary>
    [GlobalCleanup]
    public void Cleanup() => _transport.Dispose();

    /// <summary>One <c>Publish</c> of a Twist: native copy + <c>dds_write</c>.</summary>
    /// <returns>The publish status.</returns>
    [Benchmark]
    public PublishStatus PublishTwist() => _writer.Publish(_twist);

    /// <summary>XCDR1 encoding of a 10-joint JointState into a preallocated buffer.</summary>
    /// <returns>Bytes written.</returns>
    [Benchmark]
    public int SerializeJointState10() => JointState.Support.Serialize(_jointState, _buffer);
}
