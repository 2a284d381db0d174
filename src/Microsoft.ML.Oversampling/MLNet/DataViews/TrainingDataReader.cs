using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// Reads the label and feature columns of an <see cref="IDataView"/> into the dense matrix and integer classes the
/// samplers work on, in one pass, refusing missing or non-finite values with a message that names the row and slot.
/// </summary>
/// <remarks>
/// The cost that matters is ML.NET's own cursor; on top of it, each row is one copy into the matrix. When the view
/// knows its row count the rows go straight into the final matrix, otherwise into fixed-size chunks joined at the
/// end. Finiteness is checked once over the whole matrix (vectorised), not per value.
/// </remarks>
internal static class TrainingDataReader
{
    private const int ChunkRows = 4096;

    /// <summary>Reads every row; <paramref name="consumer"/> says who needs finite values, in the error messages.</summary>
    /// <exception cref="ArgumentException">The data has no rows, or a feature value is NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">A key label is missing, or a row's vector has the wrong length.</exception>
    public static (DenseMatrix Features, int[] Labels) Read(IDataView data, TrainingColumns columns, string consumer = "oversamplers need")
    {
        int d = columns.FeatureCount;
        long? known = data.GetRowCount();
        bool direct = known is long n && n > 0 && n * d <= Array.MaxLength;
        float[] values = direct ? GC.AllocateUninitializedArray<float>((int)(known!.Value * d)) : new float[ChunkRows * d];
        var chunks = new List<float[]>();
        var labels = new List<int>(direct ? (int)known!.Value : 0);
        int inChunk = 0;

        using (DataViewRowCursor cursor = data.GetRowCursor([columns.Label, columns.Features]))
        {
            Func<long, int> readLabel = columns.Codec.CreateReader(cursor, columns.Label);
            ValueGetter<VBuffer<float>> getFeatures = cursor.GetGetter<VBuffer<float>>(columns.Features);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext())
            {
                long row = labels.Count;
                getFeatures(ref buffer);
                if (buffer.Length != d)
                {
                    throw new InvalidOperationException($"Row {row} of column '{columns.Features.Name}' has {buffer.Length} values where the schema says {d}.");
                }

                if (direct && row >= known!.Value)
                {
                    throw new InvalidOperationException($"The data view said it has {known} rows but its cursor gives more.");
                }

                buffer.CopyTo(values.AsSpan(checked((int)(direct ? row : inChunk) * d), d));
                labels.Add(readLabel(row));
                if (!direct && ++inChunk == ChunkRows)
                {
                    chunks.Add(values);
                    values = new float[ChunkRows * d];
                    inChunk = 0;
                }
            }
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException($"The training data has no rows; {consumer} at least one row of each class.");
        }

        DenseMatrix features = direct && labels.Count == known!.Value ? new DenseMatrix(labels.Count, d, values) : Join(chunks, values, labels.Count, d);
        if (features.TryFindNonFinite(out int badRow, out int slot))
        {
            throw new ArgumentException(
                $"Column '{columns.Features.Name}' has the value {features[badRow, slot]} at row {badRow}, slot {slot} ('{columns.SlotNames[slot]}'); "
                + $"{consumer} finite feature values (replace or drop missing values first, e.g. with ReplaceMissingValues).");
        }

        return (features, [.. labels]);
    }

    /// <summary>The full chunks, then the first rows of <paramref name="last"/>, as one matrix of <paramref name="rows"/> rows.</summary>
    private static DenseMatrix Join(List<float[]> chunks, float[] last, int rows, int d)
    {
        var features = new DenseMatrix(rows, d);
        int offset = 0;
        foreach (float[] full in chunks)
        {
            full.CopyTo(features.Values, offset);
            offset += full.Length;
        }

        last.AsSpan(0, features.Values.Length - offset).CopyTo(features.Values.AsSpan(offset));
        return features;
    }
}
