using System.Globalization;
using System.Text;
using Robotics.Models.Artifacts;

namespace Robotics.Models.Export;

/// <summary>
/// Generates dependency-free C99 (<c>&lt;name&gt;.h</c> and <c>&lt;name&gt;.c</c>, only <c>&lt;math.h&gt;</c> and
/// <c>&lt;stdint.h&gt;</c>) that evaluates a model artifact on a microcontroller, in the spirit of nn4mc: dense layers
/// with relu/tanh/identity, GRU and LSTM cells (PyTorch equations), input/output normalisation, ensembles as the
/// member mean. The API is one function with the managed model's semantics:
/// <c>void &lt;name&gt;_step(const float state[], const float input[], float next_state[])</c>, the state holding
/// [y, h] (GRU) or [y, h, c] (LSTM) for recurrent models.
/// </summary>
/// <remarks>
/// Residual models call <c>&lt;name&gt;_nominal(state, input, next_state)</c>, declared in the header and supplied by
/// the firmware (the analytic plant integrated over dt), then add the learned correction. No heap, no recursion,
/// no variable-length arrays; scratch buffers are fixed-size locals. <see cref="CPrecision.Int8"/> documents the
/// quantisation scheme.
/// </remarks>
public static class CExporter
{
    /// <summary>Generates the C code of <paramref name="artifact"/> in memory.</summary>
    /// <param name="artifact">The model.</param>
    /// <param name="name">C identifier used as file stem and prefix (letters, digits, underscore; not starting with a digit).</param>
    /// <param name="precision">Float or int8 weights.</param>
    public static CExportResult Generate(ModelArtifact artifact, string name, CPrecision precision = CPrecision.Float32)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
        {
            throw new ArgumentException($"C name '{name}' is not a C identifier; use letters, digits and '_' (not starting with a digit), e.g. 'msd_mlp'.", nameof(name));
        }

        return new Generator(artifact, name, precision).Run();
    }

    /// <summary>Generates the C code and writes <c>&lt;name&gt;.h</c> and <c>&lt;name&gt;.c</c> into <paramref name="directory"/>.</summary>
    public static CExportResult Write(ModelArtifact artifact, string directory, string name, CPrecision precision = CPrecision.Float32)
    {
        var result = Generate(artifact, name, precision);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, result.HeaderFileName), result.Header);
        File.WriteAllText(Path.Combine(directory, result.SourceFileName), result.Source);
        return result;
    }

    /// <summary>A C identifier made from an artifact name (e.g. <c>msd-mlp</c> becomes <c>msd_mlp</c>).</summary>
    public static string IdentifierFor(string artifactName)
    {
        var sb = new StringBuilder();
        foreach (char ch in artifactName) sb.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_');
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, 'm');
        return sb.ToString();
    }

    private sealed class Generator(ModelArtifact artifact, string name, CPrecision precision)
    {
        private readonly StringBuilder _data = new();
        private readonly StringBuilder _code = new();
        private readonly ModelMetadata _meta = artifact.Metadata;
        private int _weightBytes;
        private int _parameters;
        private int _maxWidth = 1;
        private bool Int8 => precision == CPrecision.Int8;

        public CExportResult Run()
        {
            int n = _meta.State.Count, m = _meta.Inputs.Count, ni = n + m;
            string family = _meta.Family;
            bool recurrent = family is ModelFamily.Gru or ModelFamily.Lstm;
            bool lstm = family == ModelFamily.Lstm;
            int hidden = _meta.Architecture.RecurrentHiddenSize;
            int latent = recurrent ? (lstm ? 2 * hidden : hidden) : 0;
            int stateSize = n + latent;
            var norm = _meta.Normalization;
            EmitArray("in_mean", norm.InputMean.Select(v => (float)v).ToArray(), countAsWeights: true);
            EmitArray("in_std", norm.InputStd.Select(v => (float)v).ToArray(), countAsWeights: true);
            EmitArray("out_mean", norm.OutputMean.Select(v => (float)v).ToArray(), countAsWeights: true);
            EmitArray("out_std", norm.OutputStd.Select(v => (float)v).ToArray(), countAsWeights: true);

            var step = new StringBuilder();
            step.AppendLine($"void {name}_step(const float state[{Upper}_STATE_SIZE], const float input[{Upper}_INPUT_SIZE], float next_state[{Upper}_STATE_SIZE])");
            step.AppendLine("{");
            step.AppendLine($"    float xin[{ni}];");
            step.AppendLine($"    float delta[{n}];");
            step.AppendLine($"    for (int i = 0; i < {n}; i++) xin[i] = (state[i] - {name}_in_mean[i]) / {name}_in_std[i];");
            step.AppendLine($"    for (int j = 0; j < {m}; j++) xin[{n} + j] = (input[j] - {name}_in_mean[{n} + j]) / {name}_in_std[{n} + j];");
            switch (family)
            {
                case ModelFamily.Mlp:
                case ModelFamily.Residual:
                    EmitMlp("net", "", ni, n);
                    step.AppendLine($"    {name}_net(xin, delta);");
                    break;
                case ModelFamily.Ensemble:
                    int members = _meta.Architecture.EnsembleSize;
                    for (int k = 0; k < members; k++) EmitMlp($"m{k}", $"members.{k}.", ni, n);
                    step.AppendLine($"    float o[{n}];");
                    step.AppendLine($"    for (int i = 0; i < {n}; i++) delta[i] = 0.0f;");
                    for (int k = 0; k < members; k++)
                    {
                        step.AppendLine($"    {name}_m{k}(xin, o);");
                        step.AppendLine($"    for (int i = 0; i < {n}; i++) delta[i] += o[i];");
                    }

                    step.AppendLine($"    for (int i = 0; i < {n}; i++) delta[i] *= {Literal(1f / members)};");
                    break;
                case ModelFamily.Gru:
                case ModelFamily.Lstm:
                    EmitRecurrent(step, lstm, ni, hidden, n);
                    break;
                default:
                    throw new ModelArtifactException(artifact.SourcePath, "family", $"unknown family '{family}'", $"Use one of {string.Join(", ", ModelFamily.All)}.");
            }

            bool residual = family == ModelFamily.Residual;
            if (residual)
            {
                step.AppendLine($"    float nominal[{n}];");
                step.AppendLine($"    {name}_nominal(state, input, nominal);");
                step.AppendLine($"    for (int i = 0; i < {n}; i++) next_state[i] = nominal[i] + delta[i] * {name}_out_std[i] + {name}_out_mean[i];");
            }
            else
            {
                step.AppendLine($"    for (int i = 0; i < {n}; i++) next_state[i] = state[i] + delta[i] * {name}_out_std[i] + {name}_out_mean[i];");
            }

            if (recurrent)
            {
                step.AppendLine($"    for (int k = 0; k < {hidden}; k++) next_state[{n} + k] = hn[k];");
                if (lstm) step.AppendLine($"    for (int k = 0; k < {hidden}; k++) next_state[{n + hidden} + k] = cn[k];");
            }

            step.AppendLine("}");

            string header = Header(n, m, latent, stateSize, residual);
            var source = new StringBuilder();
            source.AppendLine($"/* {name}.c: generated by Robotics.Models.Export.CExporter from model artifact '{_meta.Name}' (family {_meta.Family},");
            source.AppendLine($"   metadata sha256 {_meta.Sha256}). {Describe()}. Do not edit: export again. */");
            source.AppendLine($"#include \"{name}.h\"");
            source.AppendLine("#include <math.h>");
            source.AppendLine("#include <stdint.h>");
            source.AppendLine();
            source.AppendLine($"#define {Upper}_MAX_WIDTH {_maxWidth}");
            source.AppendLine();
            source.Append(_data);
            source.AppendLine();
            source.Append(Kernels(recurrent));
            source.AppendLine();
            source.Append(_code);
            source.AppendLine();
            source.Append(step);
            return new CExportResult(name, precision, name + ".h", name + ".c", header, source.ToString(), stateSize, m, _parameters, _weightBytes, residual);
        }

        private string Upper => name.ToUpperInvariant();

        private string Describe() => Int8
            ? "int8 weights with a symmetric float scale per output row, activations quantised per vector at run time, int32 accumulators"
            : "float32 weights and arithmetic";

        private string Header(int n, int m, int latent, int stateSize, bool residual)
        {
            var h = new StringBuilder();
            h.AppendLine($"/* {name}.h: generated by Robotics.Models.Export.CExporter from model artifact '{_meta.Name}'. Do not edit. */");
            h.AppendLine($"#ifndef {Upper}_H");
            h.AppendLine($"#define {Upper}_H");
            h.AppendLine();
            h.AppendLine("#ifdef __cplusplus");
            h.AppendLine("extern \"C\" {");
            h.AppendLine("#endif");
            h.AppendLine();
            h.AppendLine($"/* Discrete-time model x[k+1] = F(x[k], u[k]) with dt = {_meta.DtS.ToString("R", CultureInfo.InvariantCulture)} s ({_meta.Family}; {Describe()}). */");
            h.AppendLine($"#define {Upper}_STATE_SIZE {stateSize}");
            h.AppendLine($"#define {Upper}_INPUT_SIZE {m}");
            h.AppendLine($"#define {Upper}_LATENT_SIZE {latent}");
            h.AppendLine($"#define {Upper}_DT_S {Literal((float)_meta.DtS)}");
            h.AppendLine();
            h.AppendLine("/* State order: " + string.Join(", ", _meta.State.Select(s => $"{s.Name} [{s.Unit}]"))
                + (latent > 0 ? $", then {latent} latent entries (recurrent hidden state h{(latent > _meta.Architecture.RecurrentHiddenSize ? " and cell state c" : "")}; start from zeros)" : "") + ". */");
            h.AppendLine("/* Input order: " + string.Join(", ", _meta.Inputs.Select(s => $"{s.Name} [{s.Unit}]")) + ". */");
            h.AppendLine("/* Writes F(state, input) into next_state (which may not overlap state). */");
            h.AppendLine($"void {name}_step(const float state[{Upper}_STATE_SIZE], const float input[{Upper}_INPUT_SIZE], float next_state[{Upper}_STATE_SIZE]);");
            if (residual)
            {
                h.AppendLine();
                h.AppendLine($"/* Supplied by the firmware: the nominal plant '{_meta.Architecture.Nominal?.Plant}' advanced by dt (e.g. one RK4 step). */");
                h.AppendLine($"void {name}_nominal(const float state[{Upper}_STATE_SIZE], const float input[{Upper}_INPUT_SIZE], float next_state[{Upper}_STATE_SIZE]);");
            }

            h.AppendLine();
            h.AppendLine("#ifdef __cplusplus");
            h.AppendLine("}");
            h.AppendLine("#endif");
            h.AppendLine();
            h.AppendLine($"#endif /* {Upper}_H */");
            return h.ToString();
        }

        private string Kernels(bool recurrent)
        {
            var k = new StringBuilder();
            k.AppendLine("/* act: 0 identity, 1 relu, 2 tanh. */");
            k.AppendLine($"static float {name}_act(float v, int act)");
            k.AppendLine("{");
            k.AppendLine("    if (act == 1) return v > 0.0f ? v : 0.0f;");
            k.AppendLine("    if (act == 2) return tanhf(v);");
            k.AppendLine("    return v;");
            k.AppendLine("}");
            k.AppendLine();
            if (recurrent)
            {
                k.AppendLine($"static float {name}_sigmoid(float v) {{ return 1.0f / (1.0f + expf(-v)); }}");
                k.AppendLine();
            }

            if (!Int8)
            {
                k.AppendLine("/* y = act(W x + b), W row-major [nout][nin] (PyTorch layout). */");
                k.AppendLine($"static void {name}_dense(const float *w, const float *b, const float *x, float *y, int nin, int nout, int act)");
                k.AppendLine("{");
                k.AppendLine("    for (int j = 0; j < nout; j++) {");
                k.AppendLine("        const float *row = w + j * nin;");
                k.AppendLine("        float acc = b[j];");
                k.AppendLine("        for (int i = 0; i < nin; i++) acc += row[i] * x[i];");
                k.AppendLine($"        y[j] = {name}_act(acc, act);");
                k.AppendLine("    }");
                k.AppendLine("}");
            }
            else
            {
                k.AppendLine("/* y = act(s_w[j] s_x sum_i q[j][i] p[i] + b[j]): q int8 row-major [nout][nin] with one scale per row,");
                k.AppendLine("   p = round(x / s_x) with s_x = max|x| / 127 (symmetric, per vector), int32 accumulation. */");
                k.AppendLine($"static void {name}_dense(const int8_t *w, const float *ws, const float *b, const float *x, float *y, int nin, int nout, int act)");
                k.AppendLine("{");
                k.AppendLine($"    int8_t p[{Upper}_MAX_WIDTH];");
                k.AppendLine("    float amax = 0.0f;");
                k.AppendLine("    for (int i = 0; i < nin; i++) { float a = fabsf(x[i]); if (a > amax) amax = a; }");
                k.AppendLine("    float sx = amax > 0.0f ? amax / 127.0f : 1.0f;");
                k.AppendLine("    float inv = 1.0f / sx;");
                k.AppendLine("    for (int i = 0; i < nin; i++) {");
                k.AppendLine("        long v = lrintf(x[i] * inv);");
                k.AppendLine("        p[i] = (int8_t)(v > 127 ? 127 : (v < -127 ? -127 : v));");
                k.AppendLine("    }");
                k.AppendLine("    for (int j = 0; j < nout; j++) {");
                k.AppendLine("        const int8_t *row = w + j * nin;");
                k.AppendLine("        int32_t acc = 0;");
                k.AppendLine("        for (int i = 0; i < nin; i++) acc += (int32_t)row[i] * (int32_t)p[i];");
                k.AppendLine($"        y[j] = {name}_act((float)acc * (ws[j] * sx) + b[j], act);");
                k.AppendLine("    }");
                k.AppendLine("}");
            }

            return k.ToString();
        }

        // Emits the weights of one PyTorch Linear ([out, in] + [out]) and returns the C argument list for the dense kernel.
        private string EmitLinear(string id, string key, int nin, int nout)
        {
            var w = artifact.GetTensor(key + ".weight", nout, nin);
            var b = artifact.GetTensor(key + ".bias", nout);
            return EmitMatrix(id, w, b, nin, nout);
        }

        private string EmitMatrix(string id, ReadOnlySpan<float> w, ReadOnlySpan<float> b, int nin, int nout)
        {
            _maxWidth = Math.Max(_maxWidth, Math.Max(nin, nout));
            _parameters += w.Length + b.Length;
            EmitArray(id + "_b", b.ToArray(), countAsWeights: true);
            if (!Int8)
            {
                EmitArray(id + "_w", w.ToArray(), countAsWeights: true);
                return $"{name}_{id}_w, {name}_{id}_b";
            }

            var scales = new float[nout];
            var q = new sbyte[w.Length];
            for (int j = 0; j < nout; j++)
            {
                float max = 0f;
                for (int i = 0; i < nin; i++) max = MathF.Max(max, MathF.Abs(w[j * nin + i]));
                float s = max > 0f ? max / 127f : 1f;
                scales[j] = s;
                for (int i = 0; i < nin; i++) q[j * nin + i] = (sbyte)Math.Clamp((int)MathF.Round(w[j * nin + i] / s, MidpointRounding.ToEven), -127, 127);
            }

            EmitArray(id + "_ws", scales, countAsWeights: true);
            _data.AppendLine($"static const int8_t {name}_{id}_w[{q.Length}] = {{");
            for (int i = 0; i < q.Length; i += 16)
            {
                _data.Append("    ");
                for (int k = i; k < Math.Min(q.Length, i + 16); k++) _data.Append(q[k].ToString(CultureInfo.InvariantCulture)).Append(", ");
                _data.AppendLine();
            }

            _data.AppendLine("};");
            _weightBytes += q.Length;
            return $"{name}_{id}_w, {name}_{id}_ws, {name}_{id}_b";
        }

        private void EmitMlp(string id, string prefix, int inputs, int outputs)
        {
            var hidden = _meta.Architecture.HiddenSizes;
            int act = _meta.Architecture.Activation switch { "relu" => 1, "tanh" => 2, _ => 0 };
            _code.AppendLine($"static void {name}_{id}(const float *x, float *y)");
            _code.AppendLine("{");
            if (hidden.Length >= 1) _code.AppendLine($"    float a[{Upper}_MAX_WIDTH];");
            if (hidden.Length >= 2) _code.AppendLine($"    float c[{Upper}_MAX_WIDTH];");
            int fanIn = inputs;
            string src = "x";
            for (int l = 0; l <= hidden.Length; l++)
            {
                bool last = l == hidden.Length;
                int fanOut = last ? outputs : hidden[l];
                string args = EmitLinear($"{id}_l{l}", $"{prefix}{2 * l}", fanIn, fanOut);
                string dst = last ? "y" : (l % 2 == 0 ? "a" : "c");
                _code.AppendLine($"    {name}_dense({args}, {src}, {dst}, {fanIn}, {fanOut}, {(last ? 0 : act)});");
                src = dst;
                fanIn = fanOut;
            }

            _code.AppendLine("}");
            _code.AppendLine();
        }

        private void EmitRecurrent(StringBuilder step, bool lstm, int inputs, int hidden, int n)
        {
            int g = (lstm ? 4 : 3) * hidden;
            string ih = EmitMatrix("wih", artifact.GetTensor("rnn.weight_ih_l0", g, inputs), artifact.GetTensor("rnn.bias_ih_l0", g), inputs, g);
            string hh = EmitMatrix("whh", artifact.GetTensor("rnn.weight_hh_l0", g, hidden), artifact.GetTensor("rnn.bias_hh_l0", g), hidden, g);
            string head = EmitLinear("head", "head", hidden, n);
            int H = hidden;
            step.AppendLine($"    const float *h = state + {n};");
            step.AppendLine($"    float ai[{g}], ah[{g}], hn[{H}];");
            step.AppendLine($"    {name}_dense({ih}, xin, ai, {inputs}, {g}, 0);");
            step.AppendLine($"    {name}_dense({hh}, h, ah, {H}, {g}, 0);");
            if (lstm)
            {
                step.AppendLine($"    const float *c = state + {n + H};");
                step.AppendLine($"    float cn[{H}];");
                step.AppendLine($"    for (int k = 0; k < {H}; k++) {{");
                step.AppendLine($"        float ig = {name}_sigmoid(ai[k] + ah[k]);");
                step.AppendLine($"        float fg = {name}_sigmoid(ai[{H} + k] + ah[{H} + k]);");
                step.AppendLine($"        float gg = tanhf(ai[{2 * H} + k] + ah[{2 * H} + k]);");
                step.AppendLine($"        float og = {name}_sigmoid(ai[{3 * H} + k] + ah[{3 * H} + k]);");
                step.AppendLine("        cn[k] = fg * c[k] + ig * gg;");
                step.AppendLine("        hn[k] = og * tanhf(cn[k]);");
                step.AppendLine("    }");
            }
            else
            {
                step.AppendLine($"    for (int k = 0; k < {H}; k++) {{");
                step.AppendLine($"        float r = {name}_sigmoid(ai[k] + ah[k]);");
                step.AppendLine($"        float z = {name}_sigmoid(ai[{H} + k] + ah[{H} + k]);");
                step.AppendLine($"        float nn = tanhf(ai[{2 * H} + k] + r * ah[{2 * H} + k]);");
                step.AppendLine("        hn[k] = (1.0f - z) * nn + z * h[k];");
                step.AppendLine("    }");
            }

            step.AppendLine($"    {name}_dense({head}, hn, delta, {H}, {n}, 0);");
        }

        private void EmitArray(string id, float[] values, bool countAsWeights)
        {
            _data.AppendLine($"static const float {name}_{id}[{values.Length}] = {{");
            for (int i = 0; i < values.Length; i += 8)
            {
                _data.Append("    ");
                for (int k = i; k < Math.Min(values.Length, i + 8); k++) _data.Append(Literal(values[k])).Append(", ");
                _data.AppendLine();
            }

            _data.AppendLine("};");
            if (countAsWeights) _weightBytes += values.Length * sizeof(float);
        }
    }

    /// <summary>A C float literal that reads back as exactly <paramref name="value"/>.</summary>
    internal static string Literal(float value)
    {
        string s = value.ToString("G9", CultureInfo.InvariantCulture);
        if (!s.Contains('.') && !s.Contains('E')) s += ".0";
        return s + "f";
    }
}
