using Robotics.Drivers.Serial;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Interfaces.DiagnosticMsgs;
using Xunit;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>The serial-link diagnostic status: levels and window counts from hand-made snapshots.</summary>
public sealed class SerialLinkHealthTests
{
    private static readonly RigLinkSnapshot Before = new() { FramesReceived = 100, Connects = 1, CobsErrors = 1 };

    [Fact]
    public void Assess_CleanWindow_IsOk_WithTheWindowDifferences()
    {
        var now = Before with { FramesReceived = 300 };
        var s = SerialLinkHealth.Assess("/rig/tendon", "/dev/ttyX", RigConnectionState.Connected, now, Before, 0);
        Assert.Equal(DiagnosticStatus.OK, s.Level);
        Assert.Equal("/rig/tendon: serial link", s.Name);
        Assert.Equal("/dev/ttyX", s.HardwareId);
        Assert.Equal("200", SerialLinkHealth.Find(s, "window_frames")); // 300 - 100
        Assert.Equal("0", SerialLinkHealth.Find(s, "reconnects")); // one connect = the first one
        Assert.Equal("1", SerialLinkHealth.Find(s, "decode_errors"));
        Assert.Equal("0", SerialLinkHealth.Find(s, "window_decode_errors"));
    }

    [Fact]
    public void Assess_LossAndReconnectInTheWindow_IsWarn()
    {
        var now = Before with { FramesReceived = 150, LinkLosses = 1, Connects = 2, CrcErrors = 2 };
        var s = SerialLinkHealth.Assess("n", "p", RigConnectionState.Connected, now, Before, 7);
        Assert.Equal(DiagnosticStatus.WARN, s.Level);
        Assert.Equal("1", SerialLinkHealth.Find(s, "reconnects"));
        Assert.Equal("1", SerialLinkHealth.Find(s, "window_link_losses"));
        Assert.Equal("2", SerialLinkHealth.Find(s, "window_decode_errors")); // crc 2 + cobs 1 - cobs 1
        Assert.Equal("7", SerialLinkHealth.Find(s, "dropped_commands"));
        Assert.Contains("1 link losses", s.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RigConnectionState.Lost)]
    [InlineData(RigConnectionState.Reconnecting)]
    [InlineData(RigConnectionState.Offline)]
    public void Assess_NotConnected_IsError(RigConnectionState state)
    {
        var s = SerialLinkHealth.Assess("n", "p", state, Before, Before, 0);
        Assert.Equal(DiagnosticStatus.ERROR, s.Level);
        Assert.Equal(state.ToString(), SerialLinkHealth.Find(s, "link_state"));
    }
}
