using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.DataViews;

/// <summary>
/// Reads the label and feature columns of an <see cref="IDataView"/> into the dense matrix and integer classes the
/// samplers work on, in one pass, refusing missing or non-finite values with a message that names the row and slot.
/// </summary>
internal static class TrainingDataReader
{
    /// <summary>Reads every row; <paramref name="consumer"/> says who needs finite values, in the error messages.</summary>
    /// <exception cref="ArgumentException">The data has no rows, or a feature value is NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">A key label is missing.</exception>
    public static (DenseMatrix Features, int[] Labels) Read(IDataView data, TrainingColumns columns, string consumer = "oversamplers need")
    {
        int d = columns.FeatureCount;
        long? known = data.GetRowCount();
        var values = new List<float[]>();
        var labels = new List<int>(known is long n && n <= int.MaxValue ? (int)n : 0);
        const int chunkRows = 4096;
        float[] chunk = new float[chunkRows * d];
        int inChunk = 0;

        using (DataViewRowCursor cursor = data.GetRowCursor([columns.Label, columns.Features]))
        {
            Func<long, int> readLabel = columns.Codec.CreateReader(cursor, columns.Label);
            ValueGetter<VBuffer<float>> getFeatures = cursor.GetGetter<VBuffer<float>>(columns.Features);
            VBuffer<float> buffer = default;
            long row = 0;
            while (cursor.MoveNext())
            {
                getFeatures(ref buffer);
                if (buffer.Length != d)
                {
                    throw new InvalidOperationException($"Row {row} of column '{columns.Features.Name}' has {buffer.Length} values where the schema says {d}.");
                }

                Span<float> target = chunk.AsSpan(inChunk * d, d);
                buffer.CopyTo(target);
                int bad = IndexOfNonFinite(target);
                if (bad >= 0)
                {
                    throw new ArgumentException(
                        $"Column '{columns.Features.Name}' has the value {target[bad]} at row {row}, slot {bad} ('{columns.SlotNames[bad]}'); "
                        + $"{consumer} finite feature values (replace or drop missing values first, e.g. with ReplaceMissingValues).");
                }

                labels.Add(readLabel(row));
                row++;
                if (++inChunk == chunkRows)
                {
                    values.Add(chunk);
                    chunk = new float[chunkRows * d];
                    inChunk = 0;
                }
            }
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException($"The training data has no rows; {consumer} at least one row of each class.");
        }

        var features = new DenseMatrix(labels.Count, d);
        int offset = 0;
        foreach (float[] full in values)
        {
            full.CopyTo(features.Values, offset);
            offset += full.Length;
        }

        chunk.AsSpan(0, inChunk * d).CopyTo(features.Values.AsSpan(offset));
        return (features, [.. labels]);
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
