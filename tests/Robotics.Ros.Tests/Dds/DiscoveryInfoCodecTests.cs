using Robotics.Ros.Dds;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Tests.Dds;

public class DiscoveryInfoCodecTests
{
    private static byte[] Gid(int seed, int size) => Enumerable.Range(0, size).Select(b => (byte)(seed + b)).ToArray();

    private static DiscoveryInfo Sample(int gidSize) => new(
        Gid(1, gidSize),
        [new DiscoveryNode("/demo", "talker", [Gid(20, gidSize)], [Gid(40, gidSize), Gid(60, gidSize)])]);

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    public void Serialize_ThenDeserialize_RoundTrips(int gidSize)
    {
        byte[] bytes = DiscoveryInfoCodec.Serialize(Sample(gidSize), gidSize);
        Assert.Equal(CdrStatus.Ok, DiscoveryInfoCodec.TryDeserialize(bytes, gidSize, out DiscoveryInfo? info));
        Assert.Equal(Gid(1, gidSize), info!.Participant);
        DiscoveryNode node = Assert.Single(info.Nodes);
        Assert.Equal("/demo", node.Namespace);
        Assert.Equal("talker", node.Name);
        Assert.Equal(Gid(20, gidSize), Assert.Single(node.Readers));
        Assert.Equal([Gid(40, gidSize), Gid(60, gidSize)], node.Writers);
    }

    [Fact]
    public void Serialize_Gid16_GoldenBytes()
    {
        // By hand (XCDR1 LE): header 00 01 00 00; gid 16 bytes; uint32 node count 0.
        var info = new DiscoveryInfo(Gid(0, 16), []);
        byte[] expected = [0, 1, 0, 0, .. Gid(0, 16), 0, 0, 0, 0];
        Assert.Equal(expected, DiscoveryInfoCodec.Serialize(info, 16));
    }

    [Fact]
    public void TryDeserialize_EveryTruncation_IsRejectedNotThrown()
    {
        byte[] bytes = DiscoveryInfoCodec.Serialize(Sample(16), 16);
        for (int n = 0; n < bytes.Length - 1; n++)
        {
            CdrStatus status = DiscoveryInfoCodec.TryDeserialize(bytes.AsSpan(0, n), 16, out _);
            Assert.NotEqual(CdrStatus.Ok, status);
        }
    }

    [Fact]
    public void TryDeserialize_HugeNodeCount_InvalidLength()
    {
        byte[] bytes = [0, 1, 0, 0, .. Gid(0, 16), 0xff, 0xff, 0xff, 0x7f];
        Assert.Equal(CdrStatus.InvalidLength, DiscoveryInfoCodec.TryDeserialize(bytes, 16, out _));
    }

    [Fact]
    public void TryDeserialize_Gid24SampleWith16ByteReader_DoesNotDecodeTheSameNodes()
    {
        // Humble (24) and Jazzy (16) graph info are not compatible: the 16-byte reader misreads the extra 8 bytes.
        byte[] bytes = DiscoveryInfoCodec.Serialize(Sample(24), 24);
        CdrStatus status = DiscoveryInfoCodec.TryDeserialize(bytes, 16, out DiscoveryInfo? info);
        Assert.True(status != CdrStatus.Ok || info!.Nodes.Count != 1 || info.Nodes[0].Name != "talker");
    }

    [InteropTheory]
    [InlineData(16, "opsdump")]
    [InlineData(24, "opsdump24")]
    public void Descriptor_EqualsIdlc(int gidSize, string dumper)
    {
        string output = RunTool(InteropPeers.PathOf(dumper));
        string line = output.Split('\n').Single(l => l.StartsWith("rmw_dds_common::msg::dds_::ParticipantEntitiesInfo_ ", StringComparison.Ordinal));
        DdsTopicDescriptor d = DiscoveryInfoCodec.Descriptor(gidSize);
        string ours = $"{d.TypeName} size={d.Size} align={d.Align} flagset={d.FlagSet} nops={d.NOps} ops={string.Join(",", d.Ops)}";
        Assert.Equal(line.Trim(), ours);
    }

    private static string RunTool(string path)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(path) { RedirectStandardOutput = true, UseShellExecute = false };
        using var p = System.Diagnostics.Process.Start(psi)!;
        string text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
