using System.Globalization;
using System.Text;
using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.RmwDdsCommon;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Messages;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Dds;

/// <summary>
/// Sample i of each interop type, by the same formulas as tests/interop/c/peer.c (see the comments there), and the
/// canonical line the C peer prints for a sample (doubles as IEEE-754 bit patterns, so equality is exact).
/// </summary>
internal static class InteropSamples
{
    /// <summary>Builds sample <paramref name="i"/> of peer type <paramref name="peerType"/>.</summary>
    public static IRosMessage Create(string peerType, int i) => peerType switch
    {
        "string" => new RosString { Data = "hello ü " + I(i) },
        "twist" => new Twist
        {
            Linear = new Vector3 { X = i + 0.5, Y = -(double)i, Z = i * 0.001 },
            Angular = new Vector3 { X = 0.25, Y = 2.0 * i, Z = -0.125 * i },
        },
        "jointstate" => JointStateSample(i),
        "pei" => ParticipantEntitiesInfoSample(i),
        _ => throw new ArgumentException($"unknown peer type {peerType}", nameof(peerType)),
    };

    /// <summary>The C peer's line for <paramref name="message"/> (without the "S " prefix).</summary>
    public static string Line(IRosMessage message)
    {
        var s = new StringBuilder();
        switch (message)
        {
            case RosString m:
                s.Append("data=").Append(m.Data);
                break;
            case Twist t:
                s.Append("linear=").Append(Bits(t.Linear.X)).Append('|').Append(Bits(t.Linear.Y)).Append('|').Append(Bits(t.Linear.Z));
                s.Append(" angular=").Append(Bits(t.Angular.X)).Append('|').Append(Bits(t.Angular.Y)).Append('|').Append(Bits(t.Angular.Z));
                break;
            case JointState js:
                s.Append("stamp=").Append(I(js.Header.Stamp.Sec)).Append('.').Append(js.Header.Stamp.Nanosec.ToString(CultureInfo.InvariantCulture));
                s.Append(" frame=").Append(js.Header.FrameId).Append(" name=").Append(string.Join('|', js.Name));
                s.Append(" position=").Append(string.Join('|', js.Position.Select(Bits)));
                s.Append(" velocity=").Append(string.Join('|', js.Velocity.Select(Bits)));
                s.Append(" effort=").Append(string.Join('|', js.Effort.Select(Bits)));
                break;
            case ParticipantEntitiesInfo e:
                s.Append("gid=").Append(Convert.ToHexStringLower(e.Gid.Data)).Append(" nodes=");
                for (int k = 0; k < e.NodeEntitiesInfoSeq.Length; k++)
                {
                    NodeEntitiesInfo node = e.NodeEntitiesInfoSeq[k];
                    s.Append(k > 0 ? ";" : string.Empty).Append(node.NodeNamespace).Append('/').Append(node.NodeName);
                    s.Append(":r=").Append(string.Join('|', node.ReaderGidSeq.Select(g => Convert.ToHexStringLower(g.Data))));
                    s.Append(":w=").Append(string.Join('|', node.WriterGidSeq.Select(g => Convert.ToHexStringLower(g.Data))));
                }

                break;
            default:
                throw new ArgumentException($"no line format for {message.TypeSupport.RosTypeName}", nameof(message));
        }

        return s.ToString();
    }

    /// <summary>The type support of peer type <paramref name="peerType"/>.</summary>
    public static MessageTypeSupport Support(string peerType) => Create(peerType, 0).TypeSupport;

    private static JointState JointStateSample(int i)
    {
        int k = 1 + (i % 4);
        var js = new JointState();
        js.Header.Stamp.Sec = 100 + i;
        js.Header.Stamp.Nanosec = 1000u * (uint)i;
        js.Header.FrameId = "base_link_" + I(i);
        js.Name = Enumerable.Range(0, k).Select(j => "joint_" + I(j)).ToArray();
        js.Position = Enumerable.Range(0, k).Select(j => i + (0.5 * j)).ToArray();
        js.Velocity = Enumerable.Range(0, k).Select(j => -(double)j).ToArray();
        js.Effort = i % 2 == 0 ? Enumerable.Range(0, k).Select(j => 0.25 * j).ToArray() : [];
        return js;
    }

    private static ParticipantEntitiesInfo ParticipantEntitiesInfoSample(int i)
    {
        static Gid G(int @base) => new() { Data = Enumerable.Range(0, 16).Select(b => (byte)((@base + b) & 255)).ToArray() };
        var e = new ParticipantEntitiesInfo { Gid = G(7 * i) };
        e.NodeEntitiesInfoSeq = Enumerable.Range(0, 2).Select(n => new NodeEntitiesInfo
        {
            NodeNamespace = "/ns" + I(i),
            NodeName = "node_" + I(i) + "_" + I(n),
            ReaderGidSeq = Enumerable.Range(0, n + 1).Select(r => G(i + (10 * n) + r)).ToArray(),
            WriterGidSeq = Enumerable.Range(0, 2 - n).Select(r => G(i + (10 * n) + 100 + r)).ToArray(),
        }).ToArray();
        return e;
    }

    private static string Bits(double d) => BitConverter.DoubleToInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
