using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;

namespace Robotics.Nodes.Stl;

/// <summary>
/// The STL monitor node's "hardware": each read samples the newest value of every bound signal (zero-order hold, one
/// latest-value subscription per topic). A signal whose topic has not published yet, or whose field is missing from
/// the newest message (index out of range, unknown joint name), reads NaN. One state per signal, in the order given;
/// one dummy command (<c>none</c>), never used.
/// </summary>
/// <remarks>Reads allocate nothing for <c>std_msgs/Float64</c> and <c>Float64MultiArray</c> of constant length;
/// decoding a <c>JointState</c> allocates its joint-name strings.</remarks>
internal sealed class StlTopicSampler : HardwareComponent, IDisposable
{
    private readonly Source[] sources;
    private readonly int[] sourceOf;
    private readonly StlSignalBinding[] bindings;

    public StlTopicSampler(Node node, IReadOnlyList<StlSignalBinding> bindings)
        : base("stl_topics", new HardwareInterfaceInfo(bindings.Select(b => b.Signal).ToArray(), ["none"]))
    {
        this.bindings = [.. bindings];
        sourceOf = new int[bindings.Count];
        var list = new List<Source>();
        var qos = QosProfile.KeepLast(1);
        for (int i = 0; i < bindings.Count; i++)
        {
            var b = bindings[i];
            string topic = node.ResolveName(b.Topic);
            int found = list.FindIndex(s => s.Topic == topic);
            if (found >= 0)
            {
                if (list[found].Kind != b.Kind)
                {
                    throw new ArgumentException(
                        $"parameter 'signals': topic '{topic}' is read as {list[found].Kind} by one entry and as {b.Kind} by '{b}'; a topic has one message type.");
                }

                sourceOf[i] = found;
                continue;
            }

            sourceOf[i] = list.Count;
            list.Add(b.Kind switch
            {
                StlSignalSourceKind.Float64 => new Source(topic, b.Kind, node.CreateLatestValueSubscription<Float64>(topic, qos), null, null),
                StlSignalSourceKind.Float64MultiArray => new Source(topic, b.Kind, null, node.CreateLatestValueSubscription<Float64MultiArray>(topic, qos), null),
                _ => new Source(topic, b.Kind, null, null, node.CreateLatestValueSubscription<JointState>(topic, qos)),
            });
        }

        sources = [.. list];
    }

    public void Dispose()
    {
        foreach (var s in sources)
        {
            s.Dispose();
        }
    }

    protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
    {
        foreach (var s in sources)
        {
            s.Take();
        }

        for (int i = 0; i < bindings.Length; i++)
        {
            state[i] = sources[sourceOf[i]].Value(bindings[i]);
        }

        return HardwareResult.Ok;
    }

    protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command) => HardwareResult.Ok;

    private sealed class Source(string topic, StlSignalSourceKind kind, LatestValueSubscription<Float64>? f64,
        LatestValueSubscription<Float64MultiArray>? array, LatestValueSubscription<JointState>? joints) : IDisposable
    {
        private readonly Float64 f64Msg = new();
        private readonly Float64MultiArray arrayMsg = new();
        private readonly JointState jointMsg = new();
        private bool has;

        public string Topic { get; } = topic;

        public StlSignalSourceKind Kind { get; } = kind;

        public void Take()
        {
            has |= Kind switch
            {
                StlSignalSourceKind.Float64 => f64!.TryGetLatest(f64Msg),
                StlSignalSourceKind.Float64MultiArray => array!.TryGetLatest(arrayMsg),
                _ => joints!.TryGetLatest(jointMsg),
            };
        }

        public double Value(StlSignalBinding b)
        {
            if (!has)
            {
                return double.NaN;
            }

            switch (Kind)
            {
                case StlSignalSourceKind.Float64:
                    return f64Msg.Data;
                case StlSignalSourceKind.Float64MultiArray:
                    return (uint)b.Index < (uint)arrayMsg.Data.Length ? arrayMsg.Data[b.Index] : double.NaN;
                default:
                    double[] values = b.Array switch
                    {
                        "position" => jointMsg.Position,
                        "velocity" => jointMsg.Velocity,
                        _ => jointMsg.Effort,
                    };
                    int index = b.Index;
                    if (b.JointName is not null)
                    {
                        index = System.Array.IndexOf(jointMsg.Name, b.JointName);
                    }

                    return (uint)index < (uint)values.Length ? values[index] : double.NaN;
            }
        }

        public void Dispose()
        {
            f64?.Dispose();
            array?.Dispose();
            joints?.Dispose();
        }
    }
}
