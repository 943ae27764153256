using System.Numerics;
using System.Runtime.InteropServices;
using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Risk;

/// <summary>Linear closed-loop dynamics x' = A x + c, whose divergence is the constant trace of A.</summary>
/// <remarks>
/// With a Gaussian initial state N(m0, P0) the state stays Gaussian with m' = A m + c and P' = A P + P Aᵀ, and the
/// log-density along a trajectory falls by tr(A) per second: the closed-form case the propagator is tested against.
/// </remarks>
public sealed class LinearClosedLoopDynamics : IBatchClosedLoopDynamics
{
    private readonly double[] a;
    private readonly double[] c;
    private readonly double trace;

    /// <summary>Creates x' = A x + c.</summary>
    /// <param name="systemMatrix">A, square.</param>
    /// <param name="offset">c (length n), or null for zero.</param>
    /// <exception cref="ArgumentException">A is not square or c has the wrong length.</exception>
    public LinearClosedLoopDynamics(Matrix systemMatrix, double[]? offset = null)
    {
        ArgumentNullException.ThrowIfNull(systemMatrix);
        if (!systemMatrix.IsSquare)
        {
            throw new ArgumentException($"A must be square, got {systemMatrix.Rows}x{systemMatrix.Columns}.", nameof(systemMatrix));
        }

        StateSize = systemMatrix.Rows;
        if (offset is not null && offset.Length != StateSize)
        {
            throw new ArgumentException($"c must have length {StateSize}, got {offset.Length}.", nameof(offset));
        }

        a = systemMatrix.Data.ToArray();
        c = offset ?? new double[StateSize];
        for (int i = 0; i < StateSize; i++)
        {
            trace += systemMatrix[i, i];
        }
    }

    /// <inheritdoc />
    public int StateSize { get; }

    /// <inheritdoc />
    public void Derivatives(double time, ReadOnlySpan<double> state, Span<double> derivative)
    {
        int n = StateSize;
        for (int i = 0; i < n; i++)
        {
            double sum = c[i];
            for (int j = 0; j < n; j++)
            {
                sum += a[(i * n) + j] * state[j];
            }

            derivative[i] = sum;
        }
    }

    /// <inheritdoc />
    public double Divergence(double time, ReadOnlySpan<double> state) => trace;

    /// <inheritdoc />
    public void DerivativesBatch(double time, ReadOnlySpan<double> states, int count, Span<double> derivatives, Span<double> divergences)
    {
        int n = StateSize;
        int width = Vector<double>.Count;
        int vectorEnd = count - (count % width);
        for (int i = 0; i < n; i++)
        {
            Span<double> row = derivatives.Slice(i * count, count);
            double ci = c[i];
            int s = 0;
            if (Vector.IsHardwareAccelerated)
            {
                // Same operations, same order as Derivatives (c + a_i0 x0 + a_i1 x1 + ...), one lane per sample.
                var cv = new Vector<double>(ci);
                Span<Vector<double>> rowV = MemoryMarshal.Cast<double, Vector<double>>(row[..vectorEnd]);
                for (int v = 0; v < rowV.Length; v++)
                {
                    rowV[v] = cv;
                }

                for (int j = 0; j < n; j++)
                {
                    var aij = new Vector<double>(a[(i * n) + j]);
                    ReadOnlySpan<Vector<double>> xj = MemoryMarshal.Cast<double, Vector<double>>(states.Slice(j * count, vectorEnd));
                    for (int v = 0; v < rowV.Length; v++)
                    {
                        rowV[v] += aij * xj[v];
                    }
                }

                s = vectorEnd;
            }

            for (; s < count; s++)
            {
                double sum = ci;
                for (int j = 0; j < n; j++)
                {
                    sum += a[(i * n) + j] * states[(j * count) + s];
                }

                row[s] = sum;
            }
        }

        divergences[..count].Fill(trace);
    }
}
