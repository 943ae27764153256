using Robotics.Drivers.Emulation;

namespace Robotics.Hil;

/// <summary>
/// Protocol conformance of a rig (PROTOCOL.md sections 3-4): handshake, sample stream, command echo and clamping,
/// watchdog, heartbeat, parameters, version and malformed-frame handling. Expected values come from the protocol
/// document and the rig facts in papers.md ("Toward smart composites"), not from the firmware's output. Each test opens
/// a fresh connection (and, for the emulator, a fresh emulator process).
/// </summary>
public abstract class RigConformanceTests
{
    private static readonly TimeSpan Detect = TimeSpan.FromSeconds(1.5);

    /// <summary>Opens the target (starts the emulator or names the real port).</summary>
    protected abstract RigTarget Open();

    // Rig facts: tendon 2 motor inputs in [-1.75, 0.83] rad, 3 outputs, 11 optical channels (rig type 1);
    // HASEL 6 inputs in [-0.5, 0.5], 3 outputs, 18 magnetic channels (rig type 2). Safe values: PROTOCOL.md section 2.
    private static (byte Type, int In, int Out, int Ch, float Min, float Max, float Safe) Facts(EmulatedRig rig) =>
        rig == EmulatedRig.Tendon ? ((byte)1, 2, 3, 11, -1.75f, 0.83f, 0f) : ((byte)2, 6, 3, 18, -0.5f, 0.5f, -0.5f);

    [RigFact]
    public void Handshake_HelloResponse_EchoesNonceAndDescribesRig()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        var hello = client.Handshake(0xC0FFEE01);
        Assert.Equal(1, hello.Major);
        Assert.Equal(facts.Type, hello.RigType);
        Assert.Equal(facts.In, hello.Inputs);
        Assert.Equal(facts.Out, hello.Outputs);
        Assert.Equal(facts.Ch, hello.Channels);
        Assert.InRange(hello.StreamHz, 1, 1000);
        Assert.InRange(hello.WatchdogMs, 20, 2000);
        Assert.Equal(0x0009, hello.Capabilities & 0x0009); // PARAMS | HEARTBEAT
        var again = client.Handshake(0x12345678);
        Assert.Equal(0x12345678u, again.Nonce);
        Assert.True(again.McuUs >= hello.McuUs, "mcu_us is monotonic across handshakes");
    }

    [RigFact]
    public void Samples_AfterHello_StreamAtAdvertisedRateWithConsecutiveSequence()
    {
        using var target = Open();
        using var client = target.Connect();
        var hello = Arm(client, 1);
        var from = client.Port.Mark();
        Feed(client, TimeSpan.FromMilliseconds(600));
        var samples = client.Samples(from);
        Assert.True(samples.Count >= 10, $"only {samples.Count} samples in 0.6 s");
        for (var i = 1; i < samples.Count; i++)
        {
            Assert.Equal(samples[i - 1].Seq + 1, samples[i].Seq);
            Assert.True(samples[i].McuUs >= samples[i - 1].McuUs, "mcu_us never goes back");
        }

        // Rate on the device's own clock (no host timing): (seq span) / (mcu_us span), within 10 % of stream_hz.
        var rate = (samples[^1].Seq - samples[0].Seq) * 1e6 / (samples[^1].McuUs - samples[0].McuUs);
        Assert.InRange(rate, 0.9 * hello.StreamHz, 1.1 * hello.StreamHz);
        Assert.Equal(0, client.Port.CrcErrors + client.Port.FramingErrors);
    }

    [RigFact]
    public void Command_Applied_IsEchoedInTheNextSamples()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        var hello = Arm(client, 2);
        var u = Enumerable.Range(0, facts.In).Select(i => facts.Min + ((facts.Max - facts.Min) * (0.25f + (0.1f * i)))).ToArray();
        var from = client.Port.Mark();
        var sent = client.Command(41, u);
        var s = client.WaitSample(from, x => x.LastCmdSeq == 41) ?? throw new Xunit.Sdk.XunitException("no sample echoing cmd_seq 41");
        Assert.Equal(u, s.Actuators);
        Assert.Equal(HilSample.Armed, s.Status & (HilSample.Armed | HilSample.Safe | HilSample.Fault | HilSample.Clamped));
        if ((hello.Capabilities & 0x0004) != 0)
        {
            // Emulation shares CLOCK_MONOTONIC with the host: the command cannot be applied before it was sent.
            Assert.True(s.CmdAppliedUs >= sent, $"cmd_applied_us {s.CmdAppliedUs} < host_us {sent}");
            Assert.Equal(HilSample.Emulated, s.Status & HilSample.Emulated);
        }
    }

    [RigFact]
    public void Command_OutOfRange_IsClampedToTheActuatorLimits()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        Arm(client, 3);
        Assert.Equal(facts.Min, client.Param(HilParamValue.UMin).Value);
        Assert.Equal(facts.Max, client.Param(HilParamValue.UMax).Value);
        var u = Enumerable.Range(0, facts.In).Select(i => i % 2 == 0 ? facts.Max + 1f : facts.Min - 1f).ToArray();
        var from = client.Port.Mark();
        client.Command(7, u);
        var s = client.WaitSample(from, x => x.LastCmdSeq == 7) ?? throw new Xunit.Sdk.XunitException("no sample echoing cmd_seq 7");
        Assert.Equal(Enumerable.Range(0, facts.In).Select(i => i % 2 == 0 ? facts.Max : facts.Min), s.Actuators);
        Assert.Equal(HilSample.Clamped, s.Status & HilSample.Clamped);
    }

    [RigFact]
    public void Watchdog_CommandsStop_TripsSafeStateUntilHello()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        var hello = Arm(client, 4, watchdogMs: 300f);
        Assert.Equal(300, hello.WatchdogMs);
        var mid = Enumerable.Repeat(0.5f * (facts.Min + facts.Max) + 0.1f, facts.In).ToArray();
        var from = client.Port.Mark();
        client.Command(1, mid);
        var fault = client.WaitFault(from, HilFault.Watchdog, Detect) ?? throw new Xunit.Sdk.XunitException("no FAULT WATCHDOG within 1.5 s of silence");
        Assert.True(fault.Detail >= hello.WatchdogMs, $"watchdog fired after {fault.Detail} ms < {hello.WatchdogMs} ms");
        var after = client.Port.Mark();
        var s = client.WaitSample(after, _ => true) ?? throw new Xunit.Sdk.XunitException("samples stopped after the watchdog");
        Assert.Equal(HilSample.Fault | HilSample.Safe, s.Status & (HilSample.Fault | HilSample.Safe | HilSample.Armed));
        Assert.All(s.Actuators, a => Assert.Equal(facts.Safe, a));

        var ignored = client.Port.Mark();
        client.Command(2, mid);
        Assert.NotNull(client.WaitFault(ignored, HilFault.NotArmed));
        Assert.Null(client.WaitSample(ignored, x => x.LastCmdSeq == 2, TimeSpan.FromMilliseconds(100)));

        Arm(client, 5);
        var rearmed = client.Port.Mark();
        client.Command(3, mid);
        var ok = client.WaitSample(rearmed, x => x.LastCmdSeq == 3) ?? throw new Xunit.Sdk.XunitException("CMD after re-arming not applied");
        Assert.Equal(HilSample.Armed, ok.Status & (HilSample.Armed | HilSample.Fault | HilSample.Safe));
        Assert.Equal(mid, ok.Actuators);
    }

    [RigFact]
    public void Heartbeat_EachRequest_IsAnsweredWithEchoAndCounters()
    {
        using var target = Open();
        using var client = target.Connect();
        Arm(client, 6);
        var from = client.Port.Mark();
        var sent = new List<ulong>();
        for (var i = 0; i < 15; i++)
        {
            sent.Add(client.Heartbeat());
            Thread.Sleep(20);
        }

        var last = client.Port.WaitFor(from, f => f.Type == HilWire.HeartbeatRsp && BitConverter.ToUInt64(f.Body, 0) == sent[^1], TimeSpan.FromSeconds(1));
        Assert.NotNull(last);
        var frames = client.Port.Since(from);
        Assert.DoesNotContain(frames, f => f.Type == HilWire.Fault && f.Body[0] == HilFault.Watchdog);
        var replies = frames.Where(f => f.Type == HilWire.HeartbeatRsp).ToList();
        Assert.Equal(sent.Count, replies.Count);
        Assert.Equal(sent, replies.Select(r => BitConverter.ToUInt64(r.Body, 0)));
        var rxOk = replies.Select(r => BitConverter.ToUInt32(r.Body, 16)).ToList();
        Assert.True(rxOk.Zip(rxOk.Skip(1)).All(p => p.Second == p.First + 1), "rx_ok grows by one per heartbeat");
        Assert.Equal(0u, BitConverter.ToUInt32(last.Body, 20)); // crc_err
    }

    [RigFact]
    public void Parameters_GetAndSet_FollowTheProtocolTable()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        Arm(client, 7);
        Assert.Equal(new HilParamValue(HilParamValue.SafeValue, facts.Safe, HilParamValue.Ok), client.Param(HilParamValue.SafeValue));
        Assert.Equal(new HilParamValue(HilParamValue.WatchdogMs, 250f, HilParamValue.Ok), client.Param(HilParamValue.WatchdogMs, 250f));
        Assert.Equal(new HilParamValue(HilParamValue.WatchdogMs, 250f, HilParamValue.Ok), client.Param(HilParamValue.WatchdogMs));
        Assert.Equal(new HilParamValue(HilParamValue.WatchdogMs, 250f, HilParamValue.OutOfRange), client.Param(HilParamValue.WatchdogMs, 5f));
        Assert.Equal(new HilParamValue(HilParamValue.UMin, facts.Min, HilParamValue.ReadOnly), client.Param(HilParamValue.UMin, 0f));
        var unknown = client.Param(0x77);
        Assert.Equal(HilParamValue.UnknownId, unknown.Status);
        Assert.True(float.IsNaN(unknown.Value));

        var loopHz = client.Param(HilParamValue.LoopHz).Value;
        var set = client.Param(HilParamValue.StreamHz, 100f);
        Assert.Equal(HilParamValue.Ok, set.Status);
        Assert.Equal(loopHz / MathF.Round(loopHz / 100f), set.Value); // the loop rate divided by an integer
        var from = client.Port.Mark();
        Feed(client, TimeSpan.FromMilliseconds(500));
        var samples = client.Samples(from);
        var rate = (samples[^1].Seq - samples[0].Seq) * 1e6 / (samples[^1].McuUs - samples[0].McuUs);
        Assert.InRange(rate, 0.9 * set.Value, 1.1 * set.Value);
    }

    [RigFact]
    public void Version_MajorMismatch_IsRefusedAndStaysUnarmed()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        var from = client.Port.Mark();
        var hello = client.Handshake(8, major: 2);
        Assert.Equal(1, hello.Major);
        var fault = client.WaitFault(from, HilFault.Version) ?? throw new Xunit.Sdk.XunitException("no FAULT VERSION");
        Assert.Equal(2u, fault.Detail);
        var cmd = client.Port.Mark();
        client.Command(1, new float[facts.In]);
        var notArmed = client.WaitFault(cmd, HilFault.NotArmed);
        Assert.True(notArmed is not null || client.WaitSample(cmd, x => x.LastCmdSeq == 1, TimeSpan.FromMilliseconds(200)) is null,
            "a CMD after a refused HELLO must not be applied");
    }

    [RigFact]
    public void Malformed_ShortCommandAndGarbage_AreRejectedAndTheLinkResyncs()
    {
        using var target = Open();
        using var client = target.Connect();
        var facts = Facts(target.Rig);
        Arm(client, 9);
        var from = client.Port.Mark();
        client.Port.Send(HilWire.Cmd, new byte[10]);
        var fault = client.WaitFault(from, HilFault.Malformed) ?? throw new Xunit.Sdk.XunitException("no FAULT MALFORMED");
        Assert.Equal((uint)((HilWire.Cmd << 8) | 10), fault.Detail);
        client.Port.WriteRaw([0x13, 0x77, 0x00, 0x42, 0x99, 0x01, 0x00, 0x05, 0x01]); // garbage and a truncated frame
        client.Port.WriteRaw([0x00]);
        var ok = client.Port.Mark();
        var u = Enumerable.Repeat(facts.Safe, facts.In).ToArray();
        client.Command(77, u);
        Assert.NotNull(client.WaitSample(ok, x => x.LastCmdSeq == 77));
    }

    /// <summary>Handshake, set the watchdog to <paramref name="watchdogMs"/> and handshake again (re-arming with it), so a
    /// loaded CI machine cannot trip the default 100 ms watchdog between the steps of a test about something else.</summary>
    protected static HilHello Arm(HilClient client, uint nonce, float watchdogMs = 2000f)
    {
        client.Handshake(nonce);
        Assert.Equal(HilParamValue.Ok, client.Param(HilParamValue.WatchdogMs, watchdogMs).Status);
        return client.Handshake(nonce + 0x1000);
    }

    /// <summary>Heartbeats for <paramref name="duration"/> so the watchdog stays fed while samples are collected.</summary>
    protected static void Feed(HilClient client, TimeSpan duration)
    {
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            client.Heartbeat();
            Thread.Sleep(20);
        }
    }
}
