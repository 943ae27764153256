using Robotics.Core.Randomness;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Models.Export;
using Xunit.Abstractions;

namespace Robotics.Models.Tests;

public sealed class CExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly CCompiler _cc = new();

    public void Dispose() => _cc.Dispose();

    // The residual models' nominal plant, written by the firmware: TestOscillator (k = 4, c = 0.5) with one RK4 step of 0.01 s.
    private const string OscillatorNominal = """
        static void osc_f(const float *x, float u, float *d) { d[0] = x[1]; d[1] = u - 4.0f * x[0] - 0.5f * x[1]; }
        void NAME_nominal(const float state[2], const float input[1], float next_state[2])
        {
            const float h = 0.01f; float k1[2], k2[2], k3[2], k4[2], t[2];
            osc_f(state, input[0], k1);
            for (int i = 0; i < 2; i++) t[i] = state[i] + 0.5f * h * k1[i];
            osc_f(t, input[0], k2);
            for (int i = 0; i < 2; i++) t[i] = state[i] + 0.5f * h * k2[i];
            osc_f(t, input[0], k3);
            for (int i = 0; i < 2; i++) t[i] = state[i] + h * k3[i];
            osc_f(t, input[0], k4);
            for (int i = 0; i < 2; i++) next_state[i] = state[i] + h / 6.0f * (k1[i] + 2.0f * k2[i] + 2.0f * k3[i] + k4[i]);
        }
        """;

    private static (double[][] States, double[][] Inputs) Points(IDynamicsModel model, int count, ulong seed)
    {
        var rng = new Rng(seed);
        var states = new double[count][];
        var inputs = new double[count][];
        for (int k = 0; k < count; k++)
        {
            states[k] = TestModels.Points(rng, model.StateSize, 1.0);
            inputs[k] = TestModels.Points(rng, model.InputSize, 1.0);
        }

        return (states, inputs);
    }

    private double[][] RunC(ModelArtifact artifact, CPrecision precision, double[][] states, double[][] inputs, out CExportResult export)
    {
        string name = CExporter.IdentifierFor(artifact.Metadata.Name) + (precision == CPrecision.Int8 ? "_q" : "");
        export = CExporter.Generate(artifact, name, precision);
        return _cc.Run(export, states, inputs, export.NeedsNominal ? OscillatorNominal.Replace("NAME", name) : "");
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("mlp-tanh")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    [InlineData("residual")]
    public void Float_GeneratedC_MatchesManagedWithin1e5(string kind)
    {
        var artifact = Families.Artifact(kind);
        var model = ModelLoader.Load(artifact, TestModels.NominalFactory);
        var (states, inputs) = Points(model, 25, 31);
        var c = RunC(artifact, CPrecision.Float32, states, inputs, out var export);
        double worst = 0;
        var next = new double[model.StateSize];
        for (int k = 0; k < states.Length; k++)
        {
            model.Step(states[k], inputs[k], next);
            Assert.Equal(model.StateSize, c[k].Length);
            for (int i = 0; i < next.Length; i++) worst = Math.Max(worst, Math.Abs(next[i] - c[k][i]));
        }

        var (text, rodata) = _cc.CompiledSize(export);
        output.WriteLine($"{kind} float: max |C - managed| = {worst:E2}; {export.ParameterCount} parameters, {export.WeightBytes} weight bytes; gcc -Os x86-64: .text {text} B, .rodata {rodata} B");
        Assert.True(worst <= 1e-5, $"max |C - managed| = {worst}");
    }

    [Theory]
    [InlineData("mlp-relu")]
    [InlineData("mlp-tanh")]
    [InlineData("ensemble")]
    [InlineData("gru")]
    [InlineData("lstm")]
    public void Int8_GeneratedC_ErrorWithinDerivedBound(string kind)
    {
        var artifact = Families.Artifact(kind);
        var model = ModelLoader.Load(artifact, TestModels.NominalFactory);
        var (states, inputs) = Points(model, 25, 37);
        var c = RunC(artifact, CPrecision.Int8, states, inputs, out var export);
        var next = new double[model.StateSize];
        double worst = 0, worstRatio = 0, loosest = 0;
        for (int k = 0; k < states.Length; k++)
        {
            model.Step(states[k], inputs[k], next);
            double[] bound = Int8Bound.For(artifact, states[k], inputs[k]);
            for (int i = 0; i < next.Length; i++)
            {
                double error = Math.Abs(next[i] - c[k][i]);
                // + 1e-5: the float rounding allowed between any two float evaluations (the float test's tolerance).
                Assert.True(error <= bound[i] + 1e-5, $"{kind} sample {k} entry {i}: int8 error {error} exceeds the derived bound {bound[i]}");
                worst = Math.Max(worst, error);
                worstRatio = Math.Max(worstRatio, error / (bound[i] + 1e-5));
                loosest = Math.Max(loosest, bound[i]);
            }
        }

        var (text, rodata) = _cc.CompiledSize(export);
        var floatExport = CExporter.Generate(artifact, "f", CPrecision.Float32);
        output.WriteLine($"{kind} int8: max |C - managed| = {worst:E2}, largest bound {loosest:E2}, worst error/bound {worstRatio:F2}; " +
            $"{export.WeightBytes} weight bytes (float: {floatExport.WeightBytes}); gcc -Os x86-64: .text {text} B, .rodata {rodata} B");
        Assert.True(worst > 0, "the int8 variant should differ from float somewhere (else it is not quantised)");
    }

    [Fact]
    public void Header_DeclaresStepSizesAndSignalOrder()
    {
        var export = CExporter.Generate(TestModels.Recurrent(1, lstm: true, 2, 1, 4, name: "narx"), "narx");
        Assert.Contains("#define NARX_STATE_SIZE 10", export.Header);   // y (2) + h (4) + c (4)
        Assert.Contains("#define NARX_INPUT_SIZE 1", export.Header);
        Assert.Contains("#define NARX_LATENT_SIZE 8", export.Header);
        Assert.Contains("void narx_step(const float state[NARX_STATE_SIZE], const float input[NARX_INPUT_SIZE], float next_state[NARX_STATE_SIZE]);", export.Header);
        Assert.Contains("State order: x0_m [m], x1_m [m], then 8 latent entries", export.Header);
        Assert.DoesNotContain("#include <", export.Header);
        var includes = export.Source.Split('\n').Where(l => l.StartsWith("#include", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["#include \"narx.h\"", "#include <math.h>", "#include <stdint.h>"], includes);
    }

    [Fact]
    public void Generate_NotAnIdentifier_SaysWhatIsAllowed()
    {
        var e = Assert.Throws<ArgumentException>(() => CExporter.Generate(TestModels.Mlp(1, 1, 1, [2], "relu"), "msd-mlp"));
        Assert.Contains("not a C identifier", e.Message);
        Assert.Equal("msd_mlp", CExporter.IdentifierFor("msd-mlp"));
    }

    [Fact]
    public void Float_RecurrentRollout_TracksManagedOver50Steps()
    {
        // The latent state round-trips through the C API: feed each next state back for 50 steps.
        var artifact = Families.Artifact("gru");
        var model = ModelLoader.Load(artifact);
        var states = new List<double[]>();
        var inputs = new List<double[]>();
        var x = new double[model.StateSize];
        x[0] = 0.5;
        var next = new double[model.StateSize];
        for (int k = 0; k < 50; k++)
        {
            double[] u = [Math.Sin(0.2 * k)];
            states.Add((double[])x.Clone());
            inputs.Add(u);
            model.Step(x, u, next);
            next.CopyTo(x, 0);
        }

        // One C step from each managed state: local agreement along the whole trajectory.
        var c = RunC(artifact, CPrecision.Float32, [.. states], [.. inputs], out _);
        for (int k = 0; k < 49; k++)
        {
            for (int i = 0; i < x.Length; i++) Assert.True(Math.Abs(states[k + 1][i] - c[k][i]) < 1e-5, $"step {k} entry {i}");
        }
    }
}
