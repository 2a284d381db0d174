using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// The output of <see cref="Oversampler.FitResample"/>: the original rows, unchanged and in order, followed by
/// the synthetic rows of each target class in ascending label order.
/// </summary>
public sealed class ResampleResult
{
    internal ResampleResult(DenseMatrix features, int[] labels, int originalRowCount, ClassMap<int> countsBefore, SyntheticDataGenerator? generator = null)
    {
        Features = features;
        Labels = labels;
        OriginalRowCount = originalRowCount;
        CountsBefore = countsBefore;
        Generator = generator;
        int[] after = countsBefore.CopyValues();
        for (int i = originalRowCount; i < labels.Length;)
        {
            // Synthetic labels come in runs, one per class.
            int start = i;
            while (i < labels.Length && labels[i] == labels[start])
            {
                i++;
            }

            after[countsBefore.IndexOf(labels[start])] += i - start;
        }

        CountsAfter = countsBefore.WithValues(after);
    }

    /// <summary>All rows: originals first, then synthetic rows.</summary>
    public DenseMatrix Features { get; }

    /// <summary>The label of every row of <see cref="Features"/>.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>How many of the leading rows are the original input rows.</summary>
    public int OriginalRowCount { get; }

    /// <summary>How many rows were generated.</summary>
    public int SyntheticRowCount => Labels.Count - OriginalRowCount;

    /// <summary>Rows per class before resampling.</summary>
    public IReadOnlyDictionary<int, int> CountsBefore { get; }

    /// <summary>Rows per class after resampling.</summary>
    public IReadOnlyDictionary<int, int> CountsAfter { get; }

    /// <summary>The trained generators when the sampler learns one per class (the deep oversamplers); otherwise <c>null</c>.</summary>
    public SyntheticDataGenerator? Generator { get; }
}
