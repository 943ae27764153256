using System.Globalization;
using Robotics.Drivers.Serial;
using Robotics.Nodes.Rigs;
using Xunit;

namespace Robotics.Nodes.Tests.Rigs;

/// <summary>
/// <c>rig record</c>: 1 s at 100 Hz through the real serial stack against rig_emu. Checks the CSV's columns, row count
/// (rate x duration), time step, that the excitation is piecewise constant within the tendon motor limits with holds of at
/// least 0.05 s, and that the measured tip lies within the 0.12 m backbone's reach of its base.
/// </summary>
[Collection("serial rig emulator")]
public sealed class SerialRigRecorderTests
{
    [Fact]
    public void Record_OneSecondAt100Hz_WritesOneRowPerTick_WithTheExpectedColumns()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rig-record-{Guid.NewGuid():N}.csv");
        try
        {
            long rows = SerialRigRecorder.Record(new SerialRigFigureEightOptions
            {
                Rig = RigType.Tendon,
                DurationSeconds = 1,
                RateHz = 100,
                Seed = 3,
                SettleSeconds = 0,
                FirmwareWatchdogMs = 1000,
                EmulatorExecutable = RigEmulatorLocator.EmulatorPath,
            }, path);

            var lines = File.ReadAllLines(path);
            Assert.Equal("t_s,u:motor_1/angle_rad,u:motor_2/angle_rad,y:tip/x_m,y:tip/y_m,y:tip/z_m", lines[0]);
            Assert.Equal(100, rows);
            Assert.Equal(101, lines.Length);
            var data = lines.Skip(1).Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            int run = 1;
            for (int k = 0; k < data.Length; k++)
            {
                Assert.Equal(k * 0.01, data[k][0], 9);
                for (int j = 1; j <= 2; j++) Assert.InRange(data[k][j], -1.75, 0.83);
                double reach = Math.Sqrt(data[k][3] * data[k][3] + data[k][4] * data[k][4] + data[k][5] * data[k][5]);
                Assert.InRange(reach, 0.0, 0.1201);
                if (k == 0) continue;
                if (data[k][1] == data[k - 1][1]) run++;
                else
                {
                    Assert.True(run >= 5, $"motor 1 held a level for {run} ticks (< 0.05 s) before row {k}");
                    run = 1;
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
