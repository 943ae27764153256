using System.Globalization;
using System.Text;

namespace Robotics.Core.LinearAlgebra;

/// <summary>
/// A small dense row-major matrix of doubles for design-time computations (LQR, linearisation,
/// state-space models). Operators allocate; do not use them inside a control tick.
/// </summary>
public sealed class Matrix
{
    private readonly double[] _data;

    /// <summary>Creates a zero matrix.</summary>
    public Matrix(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Rows = rows;
        Columns = columns;
        _data = new double[rows * columns];
    }

    /// <summary>Creates a matrix from a rectangular array.</summary>
    public Matrix(double[,] values)
        : this(values.GetLength(0), values.GetLength(1))
    {
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                _data[r * Columns + c] = values[r, c];
            }
        }
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>True when the matrix is square.</summary>
    public bool IsSquare => Rows == Columns;

    /// <summary>The entries, row-major.</summary>
    public ReadOnlySpan<double> Data => _data;

    /// <summary>Entry at row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column]
    {
        get => _data[Index(row, column)];
        set => _data[Index(row, column)] = value;
    }

    /// <summary>The n-by-n identity.</summary>
    public static Matrix Identity(int n)
    {
        var m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m._data[i * n + i] = 1.0;
        return m;
    }

    /// <summary>A square matrix with <paramref name="diagonal"/> on its diagonal.</summary>
    public static Matrix Diagonal(params double[] diagonal)
    {
        var m = new Matrix(diagonal.Length, diagonal.Length);
        for (int i = 0; i < diagonal.Length; i++) m[i, i] = diagonal[i];
        return m;
    }

    /// <summary>A column vector.</summary>
    public static Matrix Column(params double[] values)
    {
        var m = new Matrix(values.Length, 1);
        values.CopyTo(m._data, 0);
        return m;
    }

    /// <summary>A matrix from rows of equal length.</summary>
    public static Matrix FromRows(params double[][] rows)
    {
        int columns = rows.Length == 0 ? 0 : rows[0].Length;
        var m = new Matrix(rows.Length, columns);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Length} entries; row 0 has {columns}.", nameof(rows));
            }

            rows[r].CopyTo(m._data, r * columns);
        }

        return m;
    }

    /// <summary>A copy of this matrix.</summary>
    public Matrix Clone()
    {
        var m = new Matrix(Rows, Columns);
        _data.CopyTo(m._data, 0);
        return m;
    }

    /// <summary>The transpose.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Columns, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                t._data[c * Rows + r] = _data[r * Columns + c];
            }
        }

        return t;
    }

    /// <summary>Matrix product.</summary>
    public static Matrix operator *(Matrix a, Matrix b)
    {
        if (a.Columns != b.Rows)
        {
            throw new ArgumentException($"Cannot multiply {a.Rows}x{a.Columns} by {b.Rows}x{b.Columns}.");
        }

        var p = new Matrix(a.Rows, b.Columns);
        for (int r = 0; r < a.Rows; r++)
        {
            for (int k = 0; k < a.Columns; k++)
            {
                double ark = a._data[r * a.Columns + k];
                if (ark == 0.0) continue;
                for (int c = 0; c < b.Columns; c++)
                {
                    p._data[r * b.Columns + c] += ark * b._data[k * b.Columns + c];
                }
            }
        }

        return p;
    }

    /// <summary>Scalar product.</summary>
    public static Matrix operator *(double s, Matrix a)
    {
        var p = new Matrix(a.Rows, a.Columns);
        for (int i = 0; i < a._data.Length; i++) p._data[i] = s * a._data[i];
        return p;
    }

    /// <summary>Sum.</summary>
    public static Matrix operator +(Matrix a, Matrix b) => Combine(a, b, 1.0);

    /// <summary>Difference.</summary>
    public static Matrix operator -(Matrix a, Matrix b) => Combine(a, b, -1.0);

    /// <summary>Negation.</summary>
    public static Matrix operator -(Matrix a) => -1.0 * a;

    /// <summary>Multiplies by a vector: y = A x.</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Columns || y.Length != Rows)
        {
            throw new ArgumentException($"Cannot multiply {Rows}x{Columns} by a vector of {x.Length} into {y.Length}.");
        }

        for (int r = 0; r < Rows; r++)
        {
            double sum = 0;
            int offset = r * Columns;
            for (int c = 0; c < Columns; c++) sum += _data[offset + c] * x[c];
            y[r] = sum;
        }
    }

    /// <summary>The inverse, by LU decomposition with partial pivoting.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular to working precision.</exception>
    public Matrix Inverse() => new LuDecomposition(this).Solve(Identity(Rows));

    /// <summary>Solves A X = B for X.</summary>
    public Matrix Solve(Matrix b) => new LuDecomposition(this).Solve(b);

    /// <summary>The largest absolute entry.</summary>
    public double MaxAbs()
    {
        double m = 0;
        foreach (double v in _data) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    /// <summary>The Frobenius norm.</summary>
    public double FrobeniusNorm()
    {
        double s = 0;
        foreach (double v in _data) s += v * v;
        return Math.Sqrt(s);
    }

    /// <summary>The 1-norm (largest absolute column sum).</summary>
    public double OneNorm()
    {
        double best = 0;
        for (int c = 0; c < Columns; c++)
        {
            double s = 0;
            for (int r = 0; r < Rows; r++) s += Math.Abs(_data[r * Columns + c]);
            best = Math.Max(best, s);
        }

        return best;
    }

    /// <summary>(A + A^T) / 2: removes round-off asymmetry from a matrix that should be symmetric.</summary>
    public Matrix Symmetrize()
    {
        RequireSquare();
        var s = new Matrix(Rows, Columns);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Columns; c++)
            {
                s._data[r * Columns + c] = 0.5 * (_data[r * Columns + c] + _data[c * Columns + r]);
            }
        }

        return s;
    }

    /// <summary>Copies a block into this matrix at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public void SetBlock(int row, int column, Matrix block)
    {
        if (row + block.Rows > Rows || column + block.Columns > Columns)
        {
            throw new ArgumentException("Block does not fit.");
        }

        for (int r = 0; r < block.Rows; r++)
        {
            for (int c = 0; c < block.Columns; c++)
            {
                this[row + r, column + c] = block[r, c];
            }
        }
    }

    /// <summary>A copy of a block.</summary>
    public Matrix GetBlock(int row, int column, int rows, int columns)
    {
        var m = new Matrix(rows, columns);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                m[r, c] = this[row + r, column + c];
            }
        }

        return m;
    }

    /// <summary>Rows on separate lines, entries in round-trip format.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (int r = 0; r < Rows; r++)
        {
            sb.Append('[');
            for (int c = 0; c < Columns; c++)
            {
                if (c > 0) sb.Append(", ");
                sb.Append(this[r, c].ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append(']').AppendLine();
        }

        return sb.ToString();
    }

    internal void RequireSquare()
    {
        if (!IsSquare)
        {
            throw new InvalidOperationException($"Matrix must be square; it is {Rows}x{Columns}.");
        }
    }

    private int Index(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new IndexOutOfRangeException($"({row}, {column}) is outside a {Rows}x{Columns} matrix.");
        }

        return row * Columns + column;
    }

    private static Matrix Combine(Matrix a, Matrix b, double sign)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
        {
            throw new ArgumentException($"Cannot combine {a.Rows}x{a.Columns} with {b.Rows}x{b.Columns}.");
        }

        var m = new Matrix(a.Rows, a.Columns);
        for (int i = 0; i < a._data.Length; i++) m._data[i] = a._data[i] + sign * b._data[i];
        return m;
    }
}
