using Robotics.Models.Artifacts;

namespace Robotics.Models.Tests;

/// <summary>
/// A worst-case bound on |int8 C - float| for one step, derived from the quantisation scheme of
/// <see cref="Robotics.Models.Export.CPrecision.Int8"/>.
/// </summary>
/// <remarks>
/// <para>One quantised product. Row j has scale s_j = max_i |W_ji| / 127 and W_ji = s_j (q_ji + a_ji) with |a| &lt;= 1/2;
/// the input vector x~ has s_x = max|x~| / 127 and x~_i = s_x (p_i + b_i) with |b| &lt;= 1/2. Then
/// W x~ - s_j s_x q.p = s_j s_x sum_i (q b + a p + a b), and with |q| &lt;= |W| / s_j + 1/2, |p| &lt;= |x~| / s_x + 1/2:
/// eps_j &lt;= sum_i ( s_x |W_ji| / 2 + s_j |x~_i| / 2 + 3/4 s_j s_x ).</para>
/// <para>Propagation. If the layer input is off by at most D (per entry) from the float one, the quantised
/// pre-activation is off by at most |W| D + eps (with x~ bounded by |x| + D), and relu/tanh are 1-Lipschitz, sigmoid
/// 1/4-Lipschitz. GRU: h' - h'~ = (1 - z~) dn + dz (h - n), so |dh'| &lt;= (1 - z + |dz|) |dn| + |dz| |h - n|, with
/// |dn| &lt;= e_in + |dr| (|W_hn h + b_hn| + e_hn) + r e_hn. LSTM: |dc'| &lt;= |df| |c| + |di| (|g| + |dg|) + i |dg| and
/// |dh'| &lt;= |do| (|tanh c'| + |dc'|) + o |dc'|. Output: y error = output_std * (|W_head| D_h + eps_head). The float
/// intermediate values come from <see cref="Reference"/> (double); the 1e-5 float slack covers their rounding.</para>
/// </remarks>
internal static class Int8Bound
{
    public static double[] For(ModelArtifact a, double[] state, double[] input)
    {
        var meta = a.Metadata;
        int n = meta.State.Count;
        if (meta.Family is ModelFamily.Gru or ModelFamily.Lstm) return Recurrent(a, state, input);

        var x = Reference.NormalizedInput(meta, state, input);
        int members = meta.Family == ModelFamily.Ensemble ? meta.Architecture.EnsembleSize : 1;
        var bound = new double[n];
        for (int k = 0; k < members; k++)
        {
            var inputsPerLayer = new List<double[]>();
            Reference.Mlp(a, members == 1 ? "" : $"members.{k}.", x, inputsPerLayer);
            var d = new double[x.Length];
            for (int l = 0; l < inputsPerLayer.Count; l++)
            {
                var w = Reference.Matrix(a, $"{(members == 1 ? "" : $"members.{k}.")}{2 * l}.weight");
                d = Propagate(w, inputsPerLayer[l], d);
            }

            for (int i = 0; i < n; i++) bound[i] += d[i] / members * meta.Normalization.OutputStd[i];
        }

        return bound;
    }

    /// <summary>Error bound of act(quantised W x~ + b) given the float input x and |x~ - x| &lt;= d.</summary>
    public static double[] Propagate(double[] w, double[] x, double[] d)
    {
        int nin = x.Length, nout = w.Length / nin;
        double maxAbs = 0, sumAbs = 0;
        for (int i = 0; i < nin; i++)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(x[i]) + d[i]);
            sumAbs += Math.Abs(x[i]) + d[i];
        }

        double sx = maxAbs / 127;
        var result = new double[nout];
        for (int j = 0; j < nout; j++)
        {
            double rowAbs = 0, rowMax = 0, carried = 0;
            for (int i = 0; i < nin; i++)
            {
                double v = Math.Abs(w[j * nin + i]);
                rowAbs += v;
                rowMax = Math.Max(rowMax, v);
                carried += v * d[i];
            }

            double sj = rowMax / 127;
            result[j] = carried + sx * rowAbs / 2 + sj * sumAbs / 2 + 0.75 * sj * sx * nin;
        }

        return result;
    }

    private static double[] Recurrent(ModelArtifact a, double[] state, double[] input)
    {
        var meta = a.Metadata;
        bool lstm = meta.Family == ModelFamily.Lstm;
        int n = meta.State.Count, H = meta.Architecture.RecurrentHiddenSize;
        var t = Reference.RecurrentStep(a, state, input);
        var ei = Propagate(Reference.Matrix(a, "rnn.weight_ih_l0"), t.X, new double[t.X.Length]);
        var eh = Propagate(Reference.Matrix(a, "rnn.weight_hh_l0"), t.H, new double[H]);
        var dhNew = new double[H];
        var dcNew = new double[H];
        for (int k = 0; k < H; k++)
        {
            if (lstm)
            {
                double di = 0.25 * (ei[k] + eh[k]), df = 0.25 * (ei[H + k] + eh[H + k]);
                double dg = ei[2 * H + k] + eh[2 * H + k], dO = 0.25 * (ei[3 * H + k] + eh[3 * H + k]);
                double ig = t.Gates[k], gg = t.Gates[2 * H + k], og = t.Gates[3 * H + k];
                double dc = df * Math.Abs(t.C[k]) + di * (Math.Abs(gg) + dg) + ig * dg;
                dcNew[k] = dc;
                dhNew[k] = dO * (Math.Abs(Math.Tanh(t.CNew[k])) + dc) + og * dc;
            }
            else
            {
                double dr = 0.25 * (ei[k] + eh[k]), dz = 0.25 * (ei[H + k] + eh[H + k]);
                double r = t.Gates[k], z = t.Gates[H + k], nn = t.Gates[2 * H + k];
                double dn = ei[2 * H + k] + dr * (Math.Abs(t.Ah[2 * H + k]) + eh[2 * H + k]) + r * eh[2 * H + k];
                dhNew[k] = (1 - z + dz) * dn + dz * Math.Abs(t.H[k] - nn);
            }
        }

        var dy = Propagate(Reference.Matrix(a, "head.weight"), t.HNew, dhNew);
        var bound = new List<double>();
        for (int i = 0; i < n; i++) bound.Add(dy[i] * meta.Normalization.OutputStd[i]);
        bound.AddRange(dhNew);
        if (lstm) bound.AddRange(dcNew);
        return [.. bound];
    }
}
