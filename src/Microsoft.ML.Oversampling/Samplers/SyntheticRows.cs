using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// One class's synthetic rows as <see cref="Oversampler.FitResample"/> receives them: their shape, and how to write
/// them into the resampled output. Rows that are computed on the fly (SMOTE's interpolations) are written straight
/// into the output instead of being materialised first and copied.
/// </summary>
internal abstract class SyntheticRows
{
    /// <summary>Number of rows.</summary>
    public abstract int Count { get; }

    /// <summary>Features per row.</summary>
    public abstract int Columns { get; }

    /// <summary>Writes the rows, row-major, into <paramref name="destination"/> from <paramref name="offset"/>.</summary>
    public abstract void WriteTo(float[] destination, int offset);

    /// <summary>Rows that already exist as a matrix.</summary>
    public static SyntheticRows Of(DenseMatrix rows) => new Materialized(rows);

    private sealed class Materialized(DenseMatrix rows) : SyntheticRows
    {
        public override int Count => rows.Rows;

        public override int Columns => rows.Columns;

        public override void WriteTo(float[] destination, int offset) => rows.Values.CopyTo(destination, offset);
    }
}
