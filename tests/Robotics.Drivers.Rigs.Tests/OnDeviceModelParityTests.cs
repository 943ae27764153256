using System.Diagnostics;
using System.Globalization;
using System.Text;
using Robotics.Core.Randomness;
using Robotics.Drivers.Emulation;
using Robotics.Drivers.Serial;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Export;
using Xunit.Abstractions;

namespace Robotics.Drivers.Rigs.Tests;

/// <summary>
/// The on-device NPC path (issue 6): a seeded managed model is exported with <see cref="CExporter"/>
/// (<c>robotics model export-c</c>), compiled into the host firmware build by hil-rigs/Makefile
/// (<c>rig_emu_npc NPC_MODEL=...</c>, the firmware's own flags with -Werror) and into <c>npc_parity</c> (the same flags,
/// host/npc_model.c glue and common/npc.c, driven from stdin). Every model output the firmware computes, through
/// <c>rig_npc_model.step</c> and inside <c>rig_npc_step</c>'s Newton iterations, must equal managed inference
/// (<see cref="ModelLoader"/>) within the export's stated float32 error, 1e-5 (docs/model-artifacts.md).
/// </summary>
public sealed class OnDeviceModelParityTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>docs/model-artifacts.md, "Float32": agrees with managed inference within 1e-5.</summary>
    private const double StatedFloatError = 1e-5;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "robotics-npc-parity-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Theory]
    [InlineData("tendon")]
    [InlineData("hasel")]
    public void ExportedModel_InsideTheFirmwareBuild_MatchesManagedInference(string rig)
    {
        var (artifact, u, target, latentRange) = rig == "tendon" ? TendonMlp() : HaselGru();
        var model = ModelLoader.Load(artifact);
        var name = rig + "_parity_model";
        var export = CExporter.Write(artifact, _dir, name, CPrecision.Float32);
        Assert.Equal(model.StateSize, export.StateSize); // observed + latent, as the exported step
        var harness = BuildFirmware(name);

        // 1) rig_npc_model.step (the glue the firmware's NPC calls) on seeded points in the rig's ranges.
        int stateSize = export.StateSize, n = artifact.Metadata.State.Count;
        var rng = new Rng(rig == "tendon" ? 61UL : 62UL);
        var rows = new List<(float[] S, float[] U)>();
        for (int k = 0; k < 200; k++)
        {
            var s = new float[stateSize];
            var (lo, hi) = OutputRange(rig);
            for (int i = 0; i < n; i++) s[i] = (float)rng.NextUniform(lo[i], hi[i]);
            for (int i = n; i < stateSize; i++) s[i] = (float)rng.NextUniform(-latentRange, latentRange);
            var a = new float[u.Min.Length];
            for (int j = 0; j < a.Length; j++) a[j] = (float)rng.NextUniform(u.Min[j], u.Max[j]);
            rows.Add((s, a));
        }

        // 2) 40 Newton steps of the firmware's NPC (the rig's Q, Lambda, barrier and eps) from a zero model state.
        const int npcSteps = 40;
        var stdin = new StringBuilder();
        foreach (var (s, a) in rows) stdin.Append("step ").AppendJoin(' ', s.Select(F)).Append(' ').AppendJoin(' ', a.Select(F)).Append('\n');
        stdin.Append("npc ").Append(npcSteps).Append(' ').AppendJoin(' ', target.Select(F)).Append(' ').AppendJoin(' ', new float[u.Min.Length].Select(F)).Append('\n');
        var lines = Run(harness, rig, stdin.ToString());
        Assert.Equal(rows.Count + npcSteps, lines.Length);

        double worstStep = 0, worstNpc = 0, worstCarry = 0, largest = 0;
        var next = new double[stateSize];
        for (int k = 0; k < rows.Count; k++)
        {
            var c = Parse(lines[k], "next");
            Assert.Equal(stateSize, c.Length);
            ManagedStep(model, rows[k].S, rows[k].U, next);
            for (int i = 0; i < stateSize; i++)
            {
                worstStep = Math.Max(worstStep, Math.Abs(c[i] - next[i]));
                largest = Math.Max(largest, Math.Abs(next[i]));
            }
        }

        int nu = u.Min.Length, failed = 0, moved = 0;
        double[]? carried = null;
        for (int k = 0; k < npcSteps; k++)
        {
            var c = Parse(lines[rows.Count + k], "npc");
            Assert.Equal(1 + stateSize + nu + n, c.Length);
            if (c[0] != 0) failed++;
            var before = c.AsSpan(1, stateSize).ToArray();
            var uOut = c.AsSpan(1 + stateSize, nu).ToArray();
            var prediction = c.AsSpan(1 + stateSize + nu, n);
            for (int j = 0; j < nu; j++)
            {
                Assert.InRange(uOut[j], u.Min[j], u.Max[j]); // clipping to the actuator range
                if (uOut[j] != 0) moved++;
            }

            // The state the firmware carried into this step is the model's output for the previous step.
            if (carried is not null)
                for (int i = 0; i < stateSize; i++) worstCarry = Math.Max(worstCarry, Math.Abs(before[i] - carried[i]));
            ManagedStep(model, before.Select(v => (float)v).ToArray(), uOut.Select(v => (float)v).ToArray(), next);
            for (int i = 0; i < n; i++) worstNpc = Math.Max(worstNpc, Math.Abs(prediction[i] - next[i]));
            carried = (double[])next.Clone();
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rig} {artifact.Metadata.Family} ({export.ParameterCount} parameters, {export.WeightBytes} B): max |C - managed| over {rows.Count} steps {worstStep:E2} (largest |value| {largest:F3}); "
            + $"inside rig_npc_step over {npcSteps} Newton steps: prediction {worstNpc:E2}, carried state {worstCarry:E2}; {failed} NaN/singular fallbacks"));
        Assert.True(worstStep <= StatedFloatError, $"model step: max |C - managed| = {worstStep}");
        Assert.True(worstNpc <= StatedFloatError, $"NPC prediction: max |C - managed| = {worstNpc}");
        Assert.True(worstCarry <= StatedFloatError, $"NPC carried state: max |C - managed| = {worstCarry}");
        Assert.True(moved > 0, "the NPC never moved an actuator: the Newton path was not exercised");

        // 3) The firmware built with this model runs it: HELLO advertises NPC, and SETPOINT switches the streamed
        //    samples to NPC mode without NPC_NAN faults.
        using var emulator = RigEmulatorProcess.Start(new RigEmulatorOptions
        {
            Rig = rig == "tendon" ? EmulatedRig.Tendon : EmulatedRig.Hasel,
            ExecutablePath = Path.Combine(_dir, "rig_emu_npc"),
            WatchdogMs = 2000,
        });
        using var session = new RigSession(SerialLinkFactory.Open(emulator.LinkPath));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var hello = session.Handshake(timeout.Token);
        Assert.Equal(RigCapabilities.Npc, hello.Capabilities & RigCapabilities.Npc);
        int nanFaults = 0;
        session.FaultReceived += f => { if (f.Code == RigFaultCode.NpcNaN) Interlocked.Increment(ref nanFaults); };
        var sample = new RigSample(hello.ChannelCount, hello.OutputCount, hello.InputCount);
        bool npcSeen = false;
        for (int k = 0; k < 40 && !npcSeen; k++)
        {
            session.SendSetpoint(target);
            Thread.Sleep(25);
            npcSeen = session.TryCopyLatestSample(sample) && (sample.Status & RigSampleStatus.Npc) != 0;
        }

        Assert.True(npcSeen, "no SAMPLE with the NPC status bit after SETPOINT");
        Assert.Equal(0, Volatile.Read(ref nanFaults));
    }

    private static void ManagedStep(IDynamicsModel model, float[] state, float[] input, double[] next)
    {
        // Recurrent models take the observed and the latent state as one vector, like the exported step.
        var s = state.Select(v => (double)v).ToArray();
        var a = input.Select(v => (double)v).ToArray();
        model.Step(s, a, next);
    }

    /// <summary>The tendon rig: 2 motor angles in [-1.75, 0.83] rad (hil-rigs/tendon/tendon_rig.c), outputs tip x, y, z (m);
    /// a dense 5-8-3 tanh network (the paper's tendon model is dense, 26-8-3 over a NARX history).</summary>
    private static (ModelArtifact, (double[] Min, double[] Max), float[], double) TendonMlp()
    {
        const int n = 3, m = 2, h = 8;
        var rng = new Rng(6001);
        var tensors = new List<NamedTensor>
        {
            Random(rng, "0.weight", 1.5 / Math.Sqrt(n + m), h, n + m),
            Random(rng, "0.bias", 1 / Math.Sqrt(n + m), h),
            Random(rng, "2.weight", 1.5 / Math.Sqrt(h), n, h),
            Random(rng, "2.bias", 1 / Math.Sqrt(h), n),
        };
        var norm = new NormalizationInfo([0, 0, 0.11, -0.46, -0.46], [0.03, 0.03, 0.01, 0.75, 0.75], [0, 0, 0], [0.005, 0.005, 0.001]);
        var meta = Metadata("tendon-parity", ModelFamily.Mlp, ["tip_x_m", "tip_y_m", "tip_z_m"], m, "rad", new ArchitectureInfo([h], "tanh"), norm);
        // Target: tip for bending angles (0.4, -0.6) rad from hil-rigs/tests/tendon_targets.py, as OnDeviceNpcTests.
        return (ModelArtifactWriter.Build(meta, tensors), ([-1.75, -1.75], [0.83, 0.83]), [0.0147478f, -0.0221217f, 0.1159786f], 0);
    }

    /// <summary>The HASEL rig: 6 drive levels in [-0.5, 0.5] (hil-rigs/hasel/hasel_rig.c), outputs roll, pitch (rad) and
    /// heave (m); a GRU with 8 hidden units (the paper's HASEL model is a GRU).</summary>
    private static (ModelArtifact, (double[] Min, double[] Max), float[], double) HaselGru()
    {
        const int n = 3, m = 6, h = 8;
        var rng = new Rng(6002);
        double bound = 1 / Math.Sqrt(h);
        var tensors = new List<NamedTensor>
        {
            Random(rng, "rnn.weight_ih_l0", 2 * bound, 3 * h, n + m),
            Random(rng, "rnn.weight_hh_l0", 2 * bound, 3 * h, h),
            Random(rng, "rnn.bias_ih_l0", bound, 3 * h),
            Random(rng, "rnn.bias_hh_l0", bound, 3 * h),
            Random(rng, "head.weight", bound, n, h),
            Random(rng, "head.bias", bound, n),
        };
        var norm = new NormalizationInfo([0, 0, 0.002, 0, 0, 0, 0, 0, 0], [0.05, 0.05, 0.002, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3], [0, 0, 0], [0.01, 0.01, 0.0005]);
        var meta = Metadata("hasel-parity", ModelFamily.Gru, ["roll_rad", "pitch_rad", "heave_m"], m, "1", new ArchitectureInfo([], "tanh", RecurrentHiddenSize: h), norm);
        var min = Enumerable.Repeat(-0.5, m).ToArray();
        var max = Enumerable.Repeat(0.5, m).ToArray();
        return (ModelArtifactWriter.Build(meta, tensors), (min, max), [0.02f, -0.01f, 0.003f], 1.0);
    }

    private static (double[] Lo, double[] Hi) OutputRange(string rig) => rig == "tendon"
        ? ([-0.05, -0.05, 0.09], [0.05, 0.05, 0.12])
        : ([-0.1, -0.1, 0], [0.1, 0.1, 0.006]);

    private static ModelMetadata Metadata(string name, string family, string[] state, int m, string inputUnit, ArchitectureInfo architecture, NormalizationInfo normalization) => new()
    {
        Name = name,
        Family = family,
        DtS = 0.002,
        State = state.Select(s => new SignalInfo(s, s.EndsWith("_m", StringComparison.Ordinal) ? "m" : "rad")).ToArray(),
        Inputs = Enumerable.Range(0, m).Select(j => new SignalInfo($"u{j}", inputUnit)).ToArray(),
        Normalization = normalization,
        Architecture = architecture,
        Provenance = new ProvenanceInfo(6000, "none", "seeded synthetic weights (parity test, not a trained rig model)", "(none)",
            "tests/Robotics.Drivers.Rigs.Tests", "OnDeviceModelParityTests"),
    };

    private static NamedTensor Random(Rng rng, string name, double scale, params int[] shape)
    {
        var data = new float[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = (float)(scale * rng.NextUniform(-1, 1));
        return new NamedTensor(name, shape, data);
    }

    private string BuildFirmware(string name)
    {
        var hil = Firmware.HilRigsDirectory();
        var model = Path.Combine(_dir, name + ".c");
        Exec("make", ["-s", "-C", hil, $"OUT={_dir}", $"NPC_MODEL={model}", Path.Combine(_dir, "rig_emu_npc"), Path.Combine(_dir, "npc_parity")], null);
        Assert.True(File.Exists(Path.Combine(_dir, "rig_emu_npc")), "the host firmware build with the exported model was not produced");
        return Path.Combine(_dir, "npc_parity");
    }

    private static string[] Run(string harness, string rig, string stdin) =>
        Exec(harness, [rig], stdin).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Exec(string file, string[] arguments, string? stdin)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode} (needs gcc and make):\n{stderr.Result}\n{stdout.Result}");
        return stdout.Result;
    }

    private static double[] Parse(string line, string tag)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(tag, parts[0]);
        return parts.Skip(1).Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
    }

    private static string F(float v) => v.ToString("G9", CultureInfo.InvariantCulture);
}
