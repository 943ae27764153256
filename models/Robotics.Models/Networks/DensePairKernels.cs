using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Robotics.Models.Networks;

/// <summary>
/// Two samples through one dense layer at once (the batched path of <see cref="MlpNetwork.ForwardBatch"/>): every
/// weight vector loaded once feeds the accumulators of both samples, so a 64-wide layer keeps eight independent
/// Vector512 FMA chains in flight instead of four (the single-sample kernel is bound by FMA latency, not throughput).
/// </summary>
/// <remarks>
/// Equal to two calls of <see cref="DenseKernels.Affine"/>: each 16-lane accumulator starts at the bias and takes the
/// same FMAs in the same input order; only the interleaving of independent accumulators differs. Unlike the single
/// kernel it does not skip zero inputs: with about half of the ReLU outputs zero that branch is unpredictable and its
/// mispredictions cost more than the FMAs it saves, and fma(w, 0, a) = a exactly (finite weights), so the results are
/// the same values (at most the sign of a zero differs). Used only when Vector512 is accelerated and the width is a multiple of 16 (every output is in
/// a Vector512 block of the single kernel); otherwise it calls <see cref="DenseKernels.Affine"/> twice.
/// </remarks>
internal static class DensePairKernels
{
    /// <summary>y0 = act(b + W x0), y1 = act(b + W x1).</summary>
    public static void AffinePair(ReadOnlySpan<float> x0, ReadOnlySpan<float> x1, ReadOnlySpan<float> weightsT, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias,
        Span<float> y0, Span<float> y1, Activation activation)
    {
        int outputs = bias.Length;
        int inputs = x0.Length;
        if (!Vector512.IsHardwareAccelerated || outputs % 16 != 0 || activation == Activation.Tanh || x1.Length != inputs
            || weightsT.Length < inputs * outputs || y0.Length < outputs || y1.Length < outputs)
        {
            DenseKernels.Affine(x0, weightsT, weights, bias, y0, activation);
            DenseKernels.Affine(x1, weightsT, weights, bias, y1, activation);
            return;
        }

        ref float w = ref MemoryMarshal.GetReference(weightsT);
        ref float b = ref MemoryMarshal.GetReference(bias);
        ref float p = ref MemoryMarshal.GetReference(x0);
        ref float q = ref MemoryMarshal.GetReference(x1);
        ref float yp = ref MemoryMarshal.GetReference(y0);
        ref float yq = ref MemoryMarshal.GetReference(y1);
        bool relu = activation == Activation.Relu;
        int j = 0;
        for (; j <= outputs - 64; j += 64)
        {
            var a0 = Vector512.LoadUnsafe(ref b, (nuint)j);
            var a1 = Vector512.LoadUnsafe(ref b, (nuint)(j + 16));
            var a2 = Vector512.LoadUnsafe(ref b, (nuint)(j + 32));
            var a3 = Vector512.LoadUnsafe(ref b, (nuint)(j + 48));
            var c0 = a0;
            var c1 = a1;
            var c2 = a2;
            var c3 = a3;
            for (int i = 0; i < inputs; i++)
            {
                float u = Unsafe.Add(ref p, i), v = Unsafe.Add(ref q, i);
                nuint row = (nuint)(i * outputs + j);
                var w0 = Vector512.LoadUnsafe(ref w, row);
                var w1 = Vector512.LoadUnsafe(ref w, row + 16);
                var w2 = Vector512.LoadUnsafe(ref w, row + 32);
                var w3 = Vector512.LoadUnsafe(ref w, row + 48);
                var s = Vector512.Create(u);
                var t = Vector512.Create(v);
                a0 = Vector512.FusedMultiplyAdd(w0, s, a0);
                c0 = Vector512.FusedMultiplyAdd(w0, t, c0);
                a1 = Vector512.FusedMultiplyAdd(w1, s, a1);
                c1 = Vector512.FusedMultiplyAdd(w1, t, c1);
                a2 = Vector512.FusedMultiplyAdd(w2, s, a2);
                c2 = Vector512.FusedMultiplyAdd(w2, t, c2);
                a3 = Vector512.FusedMultiplyAdd(w3, s, a3);
                c3 = Vector512.FusedMultiplyAdd(w3, t, c3);
            }

            if (relu)
            {
                a0 = Vector512.Max(a0, Vector512<float>.Zero);
                a1 = Vector512.Max(a1, Vector512<float>.Zero);
                a2 = Vector512.Max(a2, Vector512<float>.Zero);
                a3 = Vector512.Max(a3, Vector512<float>.Zero);
                c0 = Vector512.Max(c0, Vector512<float>.Zero);
                c1 = Vector512.Max(c1, Vector512<float>.Zero);
                c2 = Vector512.Max(c2, Vector512<float>.Zero);
                c3 = Vector512.Max(c3, Vector512<float>.Zero);
            }

            a0.StoreUnsafe(ref yp, (nuint)j);
            a1.StoreUnsafe(ref yp, (nuint)(j + 16));
            a2.StoreUnsafe(ref yp, (nuint)(j + 32));
            a3.StoreUnsafe(ref yp, (nuint)(j + 48));
            c0.StoreUnsafe(ref yq, (nuint)j);
            c1.StoreUnsafe(ref yq, (nuint)(j + 16));
            c2.StoreUnsafe(ref yq, (nuint)(j + 32));
            c3.StoreUnsafe(ref yq, (nuint)(j + 48));
        }

        for (; j <= outputs - 32; j += 32)
        {
            var a0 = Vector512.LoadUnsafe(ref b, (nuint)j);
            var a1 = Vector512.LoadUnsafe(ref b, (nuint)(j + 16));
            var c0 = a0;
            var c1 = a1;
            for (int i = 0; i < inputs; i++)
            {
                float u = Unsafe.Add(ref p, i), v = Unsafe.Add(ref q, i);
                nuint row = (nuint)(i * outputs + j);
                var w0 = Vector512.LoadUnsafe(ref w, row);
                var w1 = Vector512.LoadUnsafe(ref w, row + 16);
                var s = Vector512.Create(u);
                var t = Vector512.Create(v);
                a0 = Vector512.FusedMultiplyAdd(w0, s, a0);
                c0 = Vector512.FusedMultiplyAdd(w0, t, c0);
                a1 = Vector512.FusedMultiplyAdd(w1, s, a1);
                c1 = Vector512.FusedMultiplyAdd(w1, t, c1);
            }

            if (relu)
            {
                a0 = Vector512.Max(a0, Vector512<float>.Zero);
                a1 = Vector512.Max(a1, Vector512<float>.Zero);
                c0 = Vector512.Max(c0, Vector512<float>.Zero);
                c1 = Vector512.Max(c1, Vector512<float>.Zero);
            }

            a0.StoreUnsafe(ref yp, (nuint)j);
            a1.StoreUnsafe(ref yp, (nuint)(j + 16));
            c0.StoreUnsafe(ref yq, (nuint)j);
            c1.StoreUnsafe(ref yq, (nuint)(j + 16));
        }

        for (; j < outputs; j += 16)
        {
            var a0 = Vector512.LoadUnsafe(ref b, (nuint)j);
            var c0 = a0;
            for (int i = 0; i < inputs; i++)
            {
                float u = Unsafe.Add(ref p, i), v = Unsafe.Add(ref q, i);
                var w0 = Vector512.LoadUnsafe(ref w, (nuint)(i * outputs + j));
                a0 = Vector512.FusedMultiplyAdd(w0, Vector512.Create(u), a0);
                c0 = Vector512.FusedMultiplyAdd(w0, Vector512.Create(v), c0);
            }

            if (relu)
            {
                a0 = Vector512.Max(a0, Vector512<float>.Zero);
                c0 = Vector512.Max(c0, Vector512<float>.Zero);
            }

            a0.StoreUnsafe(ref yp, (nuint)j);
            c0.StoreUnsafe(ref yq, (nuint)j);
        }
    }
}
