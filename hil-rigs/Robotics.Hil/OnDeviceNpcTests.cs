using System.Buffers.Binary;
using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>The on-device NPC path of the host build (rig_emu_npc: the tendon rig with the NPC over
/// hil-rigs/tests/tendon_standin.c, a model in <c>robotics model export-c</c> shape): SETPOINT makes the firmware run
/// one Newton step per tick towards the target.</summary>
public sealed class OnDeviceNpcTests
{
    [Fact]
    public void Setpoint_OnTheTendonRig_DrivesTheTipToTheTarget()
    {
        var executable = Path.Combine(Path.GetDirectoryName(RigTarget.EmulatorExecutable())!, "rig_emu_npc");
        using var target = RigTarget.Emulated(new RigEmulatorOptions { Rig = EmulatedRig.Tendon, ExecutablePath = executable });
        using var client = target.Connect();
        client.Handshake(1);
        Assert.Equal(HilParamValue.Ok, client.Param(HilParamValue.WatchdogMs, 2000f).Status);
        var hello = client.Handshake(2);
        Assert.Equal(0x0002, hello.Capabilities & 0x0002); // NPC
        Assert.Equal(HilParamValue.Ok, client.Param(0x11 /* npc_lambda */).Status);

        // Tip for bending angles (0.4, -0.6) rad from hil-rigs/tests/tendon_targets.py (independent python).
        float[] goal = [0.0147478f, -0.0221217f, 0.1159786f];
        var body = new byte[12];
        for (var i = 0; i < 3; i++)
            BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(4 * i), goal[i]);
        for (var k = 0; k < 30; k++)
        {
            client.Port.Send(HilWire.Setpoint, body);
            Thread.Sleep(50);
        }

        var s = client.WaitSample(client.Port.Mark(), _ => true) ?? throw new Xunit.Sdk.XunitException("no sample");
        Assert.Equal(HilSample.Npc, s.Status & (HilSample.Npc | HilSample.Fault));
        // Lateral error within 2 mm (the paper's tendon figure): the stand-in model ignores the 0.04 rad backlash
        // (about 0.75 mm of tip motion), and Q weights the backbone axis z with 1e-3 only.
        var lateral = Math.Sqrt(Math.Pow(s.Outputs[0] - goal[0], 2) + Math.Pow(s.Outputs[1] - goal[1], 2));
        Assert.True(lateral < 0.002, $"tip ({s.Outputs[0]:F4}, {s.Outputs[1]:F4}) is {lateral * 1000:F2} mm from the target");
        Assert.InRange(s.Actuators[0], 0.4f - 0.1f, 0.4f + 0.1f);
        Assert.InRange(s.Actuators[1], -0.6f - 0.1f, -0.6f + 0.1f);
    }

    [Fact]
    public void Setpoint_WithoutAModel_IsUnsupported()
    {
        using var target = RigTarget.Emulated(EmulatedRig.Hasel);
        using var client = target.Connect();
        var hello = client.Handshake(3);
        Assert.Equal(0, hello.Capabilities & 0x0002);
        var from = client.Port.Mark();
        client.Port.Send(HilWire.Setpoint, new byte[12]);
        var fault = client.WaitFault(from, HilFault.Unsupported) ?? throw new Xunit.Sdk.XunitException("no FAULT UNSUPPORTED");
        Assert.Equal((uint)HilWire.Setpoint, fault.Detail);
    }
}
