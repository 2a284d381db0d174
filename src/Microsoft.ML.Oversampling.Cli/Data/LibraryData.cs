using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Cli.Data;

/// <summary>The library's own datasets (embedded, synthetic) as <see cref="TrainingData"/>: label 1 (the minority) is the positive class.</summary>
internal static class LibraryData
{
    /// <summary>The embedded dataset <paramref name="name"/>.</summary>
    public static TrainingData Embedded(MLContext ml, string name)
    {
        EmbeddedDatasetInfo info = EmbeddedDatasets.Info(name);
        return FromMatrix(ml, info.Name, EmbeddedDatasets.LoadMatrix(info.Name));
    }

    /// <summary>A binary matrix (labels 0/1).</summary>
    public static TrainingData FromMatrix(MLContext ml, string name, LabeledMatrix matrix)
    {
        IDataView data = ml.Data.LoadFromLabeledMatrix(matrix);
        return new TrainingData(name, data, [], new LabelClasses(["0", "1"], IsBinary: true), matrix.FeatureNames, data.Schema);
    }
}
