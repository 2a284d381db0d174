using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// The validated input of one resampling call, computed once by <see cref="Oversampler"/> and handed to each
/// sampler's generation step: the feature matrix, the labels, and the rows of each class.
/// </summary>
public sealed class SamplingProblem
{
    private readonly ClassMap<int[]> _rowsByClass;

    internal SamplingProblem(DenseMatrix features, int[] labels, ClassMap<int[]> rowsByClass, ClassMap<int> toGenerate)
    {
        Features = features;
        Labels = labels;
        LabelArray = labels;
        _rowsByClass = rowsByClass;
        Classes = rowsByClass.Labels.ToArray();
        Counts = rowsByClass.Select((_, rows) => rows.Length);
        Generation = toGenerate;
    }

    /// <summary>The training features (rows × features); finite values only.</summary>
    public DenseMatrix Features { get; }

    /// <summary>The class label of each row.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The labels as an array, for bulk copies.</summary>
    internal int[] LabelArray { get; }

    /// <summary>The distinct class labels, ascending.</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>The number of rows of each class.</summary>
    public IReadOnlyDictionary<int, int> ClassCounts => Counts;

    /// <summary><see cref="ClassCounts"/> as the library's own map.</summary>
    internal ClassMap<int> Counts { get; }

    /// <summary>Rows to generate per target class (the resolved sampling strategy), ascending by label.</summary>
    public IReadOnlyDictionary<int, int> RowsToGenerate => Generation;

    /// <summary><see cref="RowsToGenerate"/> as the library's own map.</summary>
    internal ClassMap<int> Generation { get; }

    /// <summary>Number of features per row.</summary>
    public int FeatureCount => Features.Columns;

    /// <summary>The indices of the rows of <paramref name="label"/>, ascending.</summary>
    public ReadOnlySpan<int> RowsOf(int label) => _rowsByClass[label];

    /// <summary>Copies the rows of <paramref name="label"/> into a new matrix (in ascending row order).</summary>
    public DenseMatrix FeaturesOf(int label) => Features.SelectRows(_rowsByClass[label]);
}
