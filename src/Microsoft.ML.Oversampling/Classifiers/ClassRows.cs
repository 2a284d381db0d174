using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>Feature rows with their 0-based classes, as a deep classifier trains on them.</summary>
/// <param name="Features">One row per example.</param>
/// <param name="Classes">The class of each row, in 0 … classes − 1.</param>
internal sealed record ClassRows(DenseMatrix Features, int[] Classes)
{
    /// <summary>Rows per class, for <paramref name="classes"/> classes.</summary>
    public int[] Counts(int classes)
    {
        var counts = new int[classes];
        foreach (int c in Classes)
        {
            counts[c]++;
        }

        return counts;
    }
}
