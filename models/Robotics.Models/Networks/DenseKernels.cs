using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Robotics.Models.Networks;

/// <summary>
/// The float32 kernels of the managed evaluator (the kernel that won in the ML study, ml-deps §2.5). Weights are
/// stored transposed (row i holds input i's weights to every output), so a layer is a sum of scaled rows:
/// y = b + sum_i x_i W^T[i, :]. Outputs are processed in blocks of 64 (four Vector512 accumulators kept in
/// registers across the whole input loop), then 16; when Vector512 is not hardware accelerated, in blocks of 32 and
/// 8 with Vector256. Inputs that are exactly zero (inactive ReLUs) are skipped. The few outputs left over (e.g. the
/// 2-6 outputs of a dynamics model's last layer) are SIMD dot products over the inputs in PyTorch's [out, in] layout,
/// which avoids one long dependent FMA chain per output.
/// </summary>
/// <remarks>
/// The summation order depends only on the layer shape and the CPU's vector width, never on the batch, so a
/// batched evaluation gives bit-for-bit the rows of single evaluations.
/// </remarks>
internal static class DenseKernels
{
    /// <summary>
    /// y = act(b + W x), with W stored both transposed (<paramref name="weightsT"/>, [inputs, outputs], for the
    /// SIMD blocks over outputs) and as PyTorch has it (<paramref name="weights"/>, [outputs, inputs], for the outputs
    /// left over after the blocks, evaluated as SIMD dot products over the inputs).
    /// </summary>
    public static void Affine(ReadOnlySpan<float> x, ReadOnlySpan<float> weightsT, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> y, Activation activation = Activation.Identity)
    {
        int outputs = bias.Length;
        int inputs = x.Length;
        if (weightsT.Length < inputs * outputs || weights.Length < inputs * outputs || y.Length < outputs)
        {
            throw new ArgumentException($"Affine: {inputs} inputs x {outputs} outputs needs {inputs * outputs} weights and {outputs} outputs; got {weightsT.Length} and {y.Length}.");
        }

        ref float w = ref MemoryMarshal.GetReference(weightsT);
        ref float b = ref MemoryMarshal.GetReference(bias);
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        bool relu = activation == Activation.Relu;
        int j = 0;

        if (Vector512.IsHardwareAccelerated)
        {
            for (; j <= outputs - 64; j += 64)
            {
                var a0 = Vector512.LoadUnsafe(ref b, (nuint)j);
                var a1 = Vector512.LoadUnsafe(ref b, (nuint)(j + 16));
                var a2 = Vector512.LoadUnsafe(ref b, (nuint)(j + 32));
                var a3 = Vector512.LoadUnsafe(ref b, (nuint)(j + 48));
                for (int i = 0; i < inputs; i++)
                {
                    float v = Unsafe.Add(ref xr, i);
                    if (v == 0f) continue;
                    var s = Vector512.Create(v);
                    nuint row = (nuint)(i * outputs + j);
                    a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row), s, a0);
                    a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 16), s, a1);
                    a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 32), s, a2);
                    a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, row + 48), s, a3);
                }

                if (relu)
                {
                    a0 = Vector512.Max(a0, Vector512<float>.Zero);
                    a1 = Vector512.Max(a1, Vector512<float>.Zero);
                    a2 = Vector512.Max(a2, Vector512<float>.Zero);
                    a3 = Vector512.Max(a3, Vector512<float>.Zero);
                }

                a0.StoreUnsafe(ref yr, (nuint)j);
                a1.StoreUnsafe(ref yr, (nuint)(j + 16));
                a2.StoreUnsafe(ref yr, (nuint)(j + 32));
                a3.StoreUnsafe(ref yr, (nuint)(j + 48));
            }

            for (; j <= outputs - 16; j += 16)
            {
                var a0 = Vector512.LoadUnsafe(ref b, (nuint)j);
                for (int i = 0; i < inputs; i++)
                {
                    float v = Unsafe.Add(ref xr, i);
                    if (v == 0f) continue;
                    a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)(i * outputs + j)), Vector512.Create(v), a0);
                }

                if (relu) a0 = Vector512.Max(a0, Vector512<float>.Zero);
                a0.StoreUnsafe(ref yr, (nuint)j);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= outputs - 32; j += 32)
            {
                var a0 = Vector256.LoadUnsafe(ref b, (nuint)j);
                var a1 = Vector256.LoadUnsafe(ref b, (nuint)(j + 8));
                var a2 = Vector256.LoadUnsafe(ref b, (nuint)(j + 16));
                var a3 = Vector256.LoadUnsafe(ref b, (nuint)(j + 24));
                for (int i = 0; i < inputs; i++)
                {
                    float v = Unsafe.Add(ref xr, i);
                    if (v == 0f) continue;
                    var s = Vector256.Create(v);
                    nuint row = (nuint)(i * outputs + j);
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, row), s, a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, row + 8), s, a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, row + 16), s, a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, row + 24), s, a3);
                }

                if (relu)
                {
                    a0 = Vector256.Max(a0, Vector256<float>.Zero);
                    a1 = Vector256.Max(a1, Vector256<float>.Zero);
                    a2 = Vector256.Max(a2, Vector256<float>.Zero);
                    a3 = Vector256.Max(a3, Vector256<float>.Zero);
                }

                a0.StoreUnsafe(ref yr, (nuint)j);
                a1.StoreUnsafe(ref yr, (nuint)(j + 8));
                a2.StoreUnsafe(ref yr, (nuint)(j + 16));
                a3.StoreUnsafe(ref yr, (nuint)(j + 24));
            }

            for (; j <= outputs - 8; j += 8)
            {
                var a0 = Vector256.LoadUnsafe(ref b, (nuint)j);
                for (int i = 0; i < inputs; i++)
                {
                    float v = Unsafe.Add(ref xr, i);
                    if (v == 0f) continue;
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)(i * outputs + j)), Vector256.Create(v), a0);
                }

                if (relu) a0 = Vector256.Max(a0, Vector256<float>.Zero);
                a0.StoreUnsafe(ref yr, (nuint)j);
            }
        }

        // Outputs left over (fewer than a vector, e.g. the few outputs of a dynamics model's last layer): one dot
        // product per output over the inputs, with independent accumulators instead of one long dependent chain.
        ref float wr = ref MemoryMarshal.GetReference(weights);
        for (; j < outputs; j++)
        {
            float acc = Unsafe.Add(ref b, j) + Dot(ref Unsafe.Add(ref wr, j * inputs), ref xr, inputs);
            Unsafe.Add(ref yr, j) = relu ? MathF.Max(acc, 0f) : acc;
        }

        if (activation == Activation.Tanh)
        {
            for (int k = 0; k < outputs; k++) y[k] = MathF.Tanh(y[k]);
        }
    }

    /// <summary>sum_i w[i] x[i] with SIMD partial sums (Vector512, else Vector256) and a scalar tail.</summary>
    public static float Dot(ref float w, ref float x, int n)
    {
        int i = 0;
        float sum = 0f;
        if (Vector512.IsHardwareAccelerated && n >= 16)
        {
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            for (; i <= n - 32; i += 32)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)i), Vector512.LoadUnsafe(ref x, (nuint)i), a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)(i + 16)), Vector512.LoadUnsafe(ref x, (nuint)(i + 16)), a1);
            }

            for (; i <= n - 16; i += 16)
            {
                a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref w, (nuint)i), Vector512.LoadUnsafe(ref x, (nuint)i), a0);
            }

            sum = Vector512.Sum(a0 + a1);
        }
        else if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            for (; i <= n - 16; i += 16)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)i), Vector256.LoadUnsafe(ref x, (nuint)i), a0);
                a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)(i + 8)), Vector256.LoadUnsafe(ref x, (nuint)(i + 8)), a1);
            }

            for (; i <= n - 8; i += 8)
            {
                a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)i), Vector256.LoadUnsafe(ref x, (nuint)i), a0);
            }

            sum = Vector256.Sum(a0 + a1);
        }

        for (; i < n; i++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref x, i), sum);
        return sum;
    }

    /// <summary>d activation / d z, written from the activation's output a (ReLU: a &gt; 0; tanh: 1 - a^2).</summary>
    public static float Derivative(Activation activation, float a) => activation switch
    {
        Activation.Relu => a > 0f ? 1f : 0f,
        Activation.Tanh => 1f - a * a,
        _ => 1f,
    };

    /// <summary>Logistic sigmoid in float32.</summary>
    public static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

    /// <summary>Transposes a PyTorch [rows, cols] matrix into a new [cols, rows] array.</summary>
    public static float[] Transpose(ReadOnlySpan<float> matrix, int rows, int cols)
    {
        var t = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++) t[c * rows + r] = matrix[r * cols + c];
        }

        return t;
    }

    /// <summary>True when the evaluator runs its Vector512 path on this CPU (else Vector256 or scalar).</summary>
    public static bool UsesVector512 => Vector512.IsHardwareAccelerated;
}
