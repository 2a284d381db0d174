using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>
/// A dense, row-major matrix of <see cref="float"/>: the currency of every algorithm in the library
/// (samplers, trainers, neighbour search). Rows are observations, columns are features.
/// </summary>
/// <remarks>
/// The matrix owns a flat array of <c>Rows * Columns</c> values. It is deliberately minimal: algorithms
/// take it as input and never need the pipeline's tables, which keeps them behind a narrow seam.
/// </remarks>
public sealed class DenseMatrix
{
    /// <summary>Creates a zero-filled matrix.</summary>
    /// <param name="rows">Number of rows (0 or more).</param>
    /// <param name="columns">Number of columns (0 or more).</param>
    public DenseMatrix(int rows, int columns)
        : this(rows, columns, new float[checked(ValidateShape(rows, columns) * columns)])
    {
    }

    /// <summary>Wraps an existing row-major array without copying it.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="values">Row-major values; its length must be <c>rows * columns</c>.</param>
    public DenseMatrix(int rows, int columns, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ValidateShape(rows, columns);
        if (values.LongLength != (long)rows * columns)
        {
            throw new ArgumentException(
                $"A {rows}x{columns} matrix needs {(long)rows * columns} values, but {values.LongLength} were given.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        Values = values;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>The row-major values (length <c>Rows * Columns</c>).</summary>
    public float[] Values { get; }

    /// <summary>Gets or sets the element at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public float this[int row, int column]
    {
        get => Values[(row * Columns) + column];
        set => Values[(row * Columns) + column] = value;
    }

    /// <summary>The values of one row.</summary>
    public Span<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    /// <summary>Copies the given rows, in the given order, into a new matrix.</summary>
    /// <param name="rowIndices">Indices of the rows to copy; repeats are allowed.</param>
    public DenseMatrix SelectRows(ReadOnlySpan<int> rowIndices)
    {
        var result = new DenseMatrix(rowIndices.Length, Columns);
        for (int i = 0; i < rowIndices.Length; i++)
        {
            int source = rowIndices[i];
            if ((uint)source >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rowIndices), $"Row index {source} is outside 0..{Rows - 1}.");
            }

            Row(source).CopyTo(result.Row(i));
        }

        return result;
    }

    /// <summary>Returns a new matrix holding this matrix's rows followed by <paramref name="other"/>'s rows.</summary>
    public DenseMatrix AppendRows(DenseMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Columns != Columns)
        {
            throw new ArgumentException($"Cannot append a matrix with {other.Columns} columns to one with {Columns} columns.", nameof(other));
        }

        var values = new float[Values.Length + other.Values.Length];
        Values.CopyTo(values, 0);
        other.Values.CopyTo(values, Values.Length);
        return new DenseMatrix(Rows + other.Rows, Columns, values);
    }

    /// <summary>Returns a deep copy.</summary>
    public DenseMatrix Clone() => new(Rows, Columns, (float[])Values.Clone());

    /// <summary>
    /// Finds the first value that is NaN or infinite, scanning row by row.
    /// </summary>
    /// <returns><c>true</c> with its position if one exists.</returns>
    public bool TryFindNonFinite(out int row, out int column)
    {
        int index = SpanArithmetic.IndexOfNonFinite(Values);
        row = index < 0 ? -1 : index / Columns;
        column = index < 0 ? -1 : index % Columns;
        return index >= 0;
    }

    private static int ValidateShape(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return rows;
    }
}
