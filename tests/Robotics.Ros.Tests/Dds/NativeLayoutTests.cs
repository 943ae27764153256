using System.Runtime.CompilerServices;
using Robotics.Ros.Dds.Native;

namespace Robotics.Ros.Tests.Dds;

// Expected sizes and offsets were printed by gcc's sizeof/offsetof against /usr/include/dds (Cyclone 0.10.2, x86-64);
// the NativeLayout_MatchesGcc test recomputes them with gcc when it is available.
public class NativeLayoutTests
{
    [Fact]
    public unsafe void Structs_HaveCycloneSizes()
    {
        Assert.Equal(96, sizeof(NativeTopicDescriptor));
        Assert.Equal(64, sizeof(DdsSampleInfo));
        Assert.Equal(64, sizeof(BuiltinEndpoint));
        Assert.Equal(24, sizeof(MatchedStatus));
        Assert.Equal(16, sizeof(DdsGuid));
    }

    [Fact]
    public unsafe void Structs_HaveCycloneOffsets()
    {
        NativeTopicDescriptor d = default;
        byte* b = (byte*)&d;
        Assert.Equal(32, (byte*)&d.NOps - b);
        Assert.Equal(40, (byte*)&d.Ops - b);
        Assert.Equal(56, (byte*)&d.TypeInformation - b);
        Assert.Equal(72, (byte*)&d.TypeMapping - b);
        Assert.Equal(88, (byte*)&d.RestrictDataRepresentation - b);
        DdsSampleInfo s = default;
        byte* sb = (byte*)&s;
        Assert.Equal(12, (byte*)&s.ValidData - sb);
        Assert.Equal(16, (byte*)&s.SourceTimestamp - sb);
        Assert.Equal(32, (byte*)&s.PublicationHandle - sb);
        BuiltinEndpoint e = default;
        byte* eb = (byte*)&e;
        Assert.Equal(40, (byte*)&e.TopicName - eb);
        Assert.Equal(56, (byte*)&e.Qos - eb);
    }

    [Fact]
    public void Library_CandidatesStartWithDebianName()
    {
        Assert.Equal(["libddsc.so.0debian", "libddsc.so.0", "libddsc.so"], CycloneLibrary.Candidates);
        Assert.Equal("ROBOTICS_DDSC_LIBRARY", CycloneLibrary.OverrideVariable);
    }
}
