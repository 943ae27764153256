using System.Numerics;
using System.Runtime.InteropServices;

namespace Robotics.Control.Risk;

/// <summary>
/// Carries samples and their log-density along closed-loop trajectories: RK4 on the augmented system
/// <c>x' = f(t, x)</c>, <c>(log ρ)' = -∇·f(t, x)</c> (the Liouville equation along characteristics), and
/// <c>(log V)' = +∇·f</c> for the cell each sample stands for, so the mass ρ·V stays what it was.
/// </summary>
/// <remarks>
/// Allocation-free after construction. <see cref="StepBatch"/> is the fast path for <see cref="IBatchClosedLoopDynamics"/>:
/// the samples are kept structure-of-arrays and every RK4 stage is one batched call plus SIMD vector updates; its
/// results are bit-identical to <see cref="Step"/> (the same operations per sample, in the same order).
/// </remarks>
public sealed class LiouvilleDensityPropagator
{
    private readonly double[] k1;
    private readonly double[] k2;
    private readonly double[] k3;
    private readonly double[] k4;
    private readonly double[] tmp;
    private readonly double[] batchTmp;
    private readonly double[] batchK;
    private readonly double[] batchAcc;
    private readonly double[] batchDiv;
    private readonly double[] batchDivAcc;

    /// <summary>Creates a propagator for states of dimension <paramref name="dimension"/>.</summary>
    /// <param name="dimension">The state dimension.</param>
    /// <param name="batchCapacity">Largest sample count <see cref="StepBatch"/> will be called with (0: no batch path).</param>
    public LiouvilleDensityPropagator(int dimension, int batchCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(batchCapacity);
        BatchCapacity = batchCapacity;
        batchTmp = new double[dimension * batchCapacity];
        batchK = new double[dimension * batchCapacity];
        batchAcc = new double[dimension * batchCapacity];
        batchDiv = new double[batchCapacity];
        batchDivAcc = new double[batchCapacity];
        Dimension = dimension;
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        tmp = new double[dimension];
    }

    /// <summary>The state dimension.</summary>
    public int Dimension { get; }

    /// <summary>Largest sample count <see cref="StepBatch"/> accepts.</summary>
    public int BatchCapacity { get; }

    /// <summary>
    /// Advances <paramref name="count"/> samples stored structure-of-arrays (component i of sample s at
    /// <c>states[i * count + s]</c>) from <paramref name="time"/> by <paramref name="step"/> seconds, with one batched
    /// dynamics call per RK4 stage. Same results as <see cref="Step"/>, bit for bit.
    /// </summary>
    /// <param name="dynamics">The batched closed-loop dynamics.</param>
    /// <param name="time">Start of the step, seconds.</param>
    /// <param name="step">Step length, seconds.</param>
    /// <param name="states">States (Dimension * count values), updated in place.</param>
    /// <param name="count">Number of samples (at most <see cref="BatchCapacity"/>).</param>
    /// <param name="logDensities">log ρ per sample, updated in place.</param>
    /// <param name="logVolumes">log cell volume per sample, updated in place.</param>
    public void StepBatch(IBatchClosedLoopDynamics dynamics, double time, double step, Span<double> states, int count,
        Span<double> logDensities, Span<double> logVolumes)
    {
        ArgumentNullException.ThrowIfNull(dynamics);
        if (dynamics.StateSize != Dimension || count > BatchCapacity || count < 0 || states.Length < Dimension * count
            || logDensities.Length < count || logVolumes.Length < count)
        {
            throw new ArgumentException($"StepBatch: dimension {Dimension} (dynamics {dynamics.StateSize}), count {count} (capacity {BatchCapacity}), " +
                $"states {states.Length} (need {Dimension * count}), densities {logDensities.Length}, volumes {logVolumes.Length}.");
        }

        int total = Dimension * count;
        double half = 0.5 * step;
        Span<double> x = states[..total];
        Span<double> xTmp = batchTmp.AsSpan(0, total);
        Span<double> k = batchK.AsSpan(0, total);
        Span<double> acc = batchAcc.AsSpan(0, total);
        Span<double> div = batchDiv.AsSpan(0, count);
        Span<double> divAcc = batchDivAcc.AsSpan(0, count);

        // Per sample this is exactly Step: acc = ((k1 + 2 k2) + 2 k3) + k4, x += (h/6) acc.
        dynamics.DerivativesBatch(time, x, count, k, div);
        k.CopyTo(acc);
        div.CopyTo(divAcc);
        AddScaled(xTmp, x, half, k);

        dynamics.DerivativesBatch(time + half, xTmp, count, k, div);
        AccumulateScaled(acc, 2.0, k);
        AccumulateScaled(divAcc, 2.0, div);
        AddScaled(xTmp, x, half, k);

        dynamics.DerivativesBatch(time + half, xTmp, count, k, div);
        AccumulateScaled(acc, 2.0, k);
        AccumulateScaled(divAcc, 2.0, div);
        AddScaled(xTmp, x, step, k);

        dynamics.DerivativesBatch(time + step, xTmp, count, k, div);
        Accumulate(acc, k);
        Accumulate(divAcc, div);
        double sixth = step / 6.0;
        AccumulateScaled(x, sixth, acc);
        for (int s = 0; s < count; s++)
        {
            double integral = sixth * divAcc[s];
            logDensities[s] -= integral;
            logVolumes[s] += integral;
        }
    }

    /// <summary>Copies row-major samples (as in <see cref="DensitySampleSet.States"/>) into structure-of-arrays.</summary>
    /// <param name="rowMajor">Sample s, component i at <c>[s * dimension + i]</c>.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="dimension">State dimension.</param>
    /// <param name="soa">Receives component i, sample s at <c>[i * count + s]</c>.</param>
    public static void ToStructureOfArrays(ReadOnlySpan<double> rowMajor, int count, int dimension, Span<double> soa)
    {
        for (int s = 0; s < count; s++)
        {
            for (int i = 0; i < dimension; i++)
            {
                soa[(i * count) + s] = rowMajor[(s * dimension) + i];
            }
        }
    }

    /// <summary>The inverse of <see cref="ToStructureOfArrays"/>.</summary>
    /// <param name="soa">Component i, sample s at <c>[i * count + s]</c>.</param>
    /// <param name="count">Number of samples.</param>
    /// <param name="dimension">State dimension.</param>
    /// <param name="rowMajor">Receives sample s, component i at <c>[s * dimension + i]</c>.</param>
    public static void ToRowMajor(ReadOnlySpan<double> soa, int count, int dimension, Span<double> rowMajor)
    {
        for (int s = 0; s < count; s++)
        {
            for (int i = 0; i < dimension; i++)
            {
                rowMajor[(s * dimension) + i] = soa[(i * count) + s];
            }
        }
    }

    // destination = x + a * y
    private static void AddScaled(Span<double> destination, ReadOnlySpan<double> x, double a, ReadOnlySpan<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int end = destination.Length - (destination.Length % Vector<double>.Count);
            Span<Vector<double>> d = MemoryMarshal.Cast<double, Vector<double>>(destination[..end]);
            ReadOnlySpan<Vector<double>> xv = MemoryMarshal.Cast<double, Vector<double>>(x[..end]);
            ReadOnlySpan<Vector<double>> yv = MemoryMarshal.Cast<double, Vector<double>>(y[..end]);
            var av = new Vector<double>(a);
            for (int v = 0; v < d.Length; v++)
            {
                d[v] = xv[v] + (av * yv[v]);
            }

            i = end;
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = x[i] + (a * y[i]);
        }
    }

    // accumulator = accumulator + a * y
    private static void AccumulateScaled(Span<double> accumulator, double a, ReadOnlySpan<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int end = accumulator.Length - (accumulator.Length % Vector<double>.Count);
            Span<Vector<double>> d = MemoryMarshal.Cast<double, Vector<double>>(accumulator[..end]);
            ReadOnlySpan<Vector<double>> yv = MemoryMarshal.Cast<double, Vector<double>>(y[..end]);
            var av = new Vector<double>(a);
            for (int v = 0; v < d.Length; v++)
            {
                d[v] += av * yv[v];
            }

            i = end;
        }

        for (; i < accumulator.Length; i++)
        {
            accumulator[i] += a * y[i];
        }
    }

    // accumulator = accumulator + y
    private static void Accumulate(Span<double> accumulator, ReadOnlySpan<double> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int end = accumulator.Length - (accumulator.Length % Vector<double>.Count);
            Span<Vector<double>> d = MemoryMarshal.Cast<double, Vector<double>>(accumulator[..end]);
            ReadOnlySpan<Vector<double>> yv = MemoryMarshal.Cast<double, Vector<double>>(y[..end]);
            for (int v = 0; v < d.Length; v++)
            {
                d[v] += yv[v];
            }

            i = end;
        }

        for (; i < accumulator.Length; i++)
        {
            accumulator[i] += y[i];
        }
    }

    /// <summary>Advances every sample from <paramref name="time"/> by <paramref name="step"/> seconds.</summary>
    /// <param name="dynamics">The closed-loop dynamics.</param>
    /// <param name="time">Start of the step, seconds.</param>
    /// <param name="step">Step length, seconds.</param>
    /// <param name="set">The samples, updated in place.</param>
    public void Step(IClosedLoopDynamics dynamics, double time, double step, DensitySampleSet set)
    {
        ArgumentNullException.ThrowIfNull(dynamics);
        ArgumentNullException.ThrowIfNull(set);
        if (dynamics.StateSize != Dimension || set.Dimension != Dimension)
        {
            throw new ArgumentException($"Dimensions differ: propagator {Dimension}, dynamics {dynamics.StateSize}, samples {set.Dimension}.");
        }

        int n = Dimension;
        double half = 0.5 * step;
        for (int s = 0; s < set.Count; s++)
        {
            Span<double> x = set.State(s);
            dynamics.Derivatives(time, x, k1);
            double d1 = dynamics.Divergence(time, x);
            for (int i = 0; i < n; i++)
            {
                tmp[i] = x[i] + (half * k1[i]);
            }

            dynamics.Derivatives(time + half, tmp, k2);
            double d2 = dynamics.Divergence(time + half, tmp);
            for (int i = 0; i < n; i++)
            {
                tmp[i] = x[i] + (half * k2[i]);
            }

            dynamics.Derivatives(time + half, tmp, k3);
            double d3 = dynamics.Divergence(time + half, tmp);
            for (int i = 0; i < n; i++)
            {
                tmp[i] = x[i] + (step * k3[i]);
            }

            dynamics.Derivatives(time + step, tmp, k4);
            double d4 = dynamics.Divergence(time + step, tmp);
            double sixth = step / 6.0;
            for (int i = 0; i < n; i++)
            {
                x[i] += sixth * (k1[i] + (2.0 * k2[i]) + (2.0 * k3[i]) + k4[i]);
            }

            double integral = sixth * (d1 + (2.0 * d2) + (2.0 * d3) + d4);
            set.LogDensities[s] -= integral;
            set.LogVolumes[s] += integral;
        }
    }
}
