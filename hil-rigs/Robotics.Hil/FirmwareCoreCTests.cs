using System.Diagnostics;
using System.Text.RegularExpressions;
using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>Runs the C tests of the firmware core (hil-rigs/tests/proto_test.c: CRC and COBS known answers, frame bytes
/// from tests/frames.py, firmware behaviour over a fake HAL, the NPC step against a hand-solved minimiser), built with gcc
/// by hil-rigs/build.sh.</summary>
public sealed partial class FirmwareCoreCTests
{
    [Fact]
    public void ProtoTest_AllChecksPass()
    {
        var dir = RigFirmwareBuild.EnsureBuilt(RigTarget.HilRigsDirectory());
        var start = new ProcessStartInfo(Path.Combine(dir, "proto_test")) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var failures = string.Join(Environment.NewLine, output.Split('\n').Where(l => l.StartsWith("not ok", StringComparison.Ordinal)));
        Assert.True(process.ExitCode == 0, $"proto_test failed:{Environment.NewLine}{failures}");
        var summary = Summary().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal("0", summary.Groups[2].Value);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 69, summary.Value);
    }

    [Fact]
    public void CrcAndFrames_OfThisSuite_MatchThePythonKnownAnswers()
    {
        // hil-rigs/tests/frames.py (independent python) prints these; the suite's own codec must agree.
        Assert.Equal(0x29B1, HilWire.Crc16("123456789"u8));
        Assert.Equal(Convert.FromHexString("030101067856341201" + "03C1DC00"), HilWire.Frame(HilWire.HelloReq, 0, [0x78, 0x56, 0x34, 0x12, 1, 0]));
        Assert.Equal(Convert.FromHexString("0E0112FF0807060504030201AD8600"), HilWire.Frame(HilWire.Heartbeat, 255, [8, 7, 6, 5, 4, 3, 2, 1]));
    }

    [GeneratedRegex(@"# passed (\d+) failed (\d+)")]
    private static partial Regex Summary();
}
