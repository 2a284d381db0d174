using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// The output of <see cref="Oversampler.FitGenerate"/>: only the synthetic rows, each target class's block in
/// ascending label order (the rows <see cref="Oversampler.FitResample"/> appends after the originals).
/// </summary>
public sealed class SyntheticSamples
{
    internal SyntheticSamples(DenseMatrix features, int[] labels, ClassMap<int> countsBefore, SyntheticDataGenerator? generator)
    {
        Features = features;
        Labels = labels;
        CountsBefore = countsBefore;
        Generator = generator;
        int[] after = countsBefore.CopyValues();
        foreach (int label in labels)
        {
            after[countsBefore.IndexOf(label)]++;
        }

        CountsAfter = countsBefore.WithValues(after);
    }

    /// <summary>The synthetic rows.</summary>
    public DenseMatrix Features { get; }

    /// <summary>The class of each synthetic row.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Number of synthetic rows.</summary>
    public int Count => Labels.Count;

    /// <summary>Rows per class before resampling.</summary>
    public IReadOnlyDictionary<int, int> CountsBefore { get; }

    /// <summary>Rows per class after resampling (originals plus synthetic rows).</summary>
    public IReadOnlyDictionary<int, int> CountsAfter { get; }

    /// <summary>The trained generators when the sampler learns one per class (the deep oversamplers); otherwise <c>null</c>.</summary>
    public SyntheticDataGenerator? Generator { get; }
}
