using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>One stratified train/test split of a dataset, scaled min–max on its training rows (papers.md §3.5).</summary>
/// <param name="TrainX">Scaled training rows.</param>
/// <param name="TrainY">Their 0/1 labels (1 = minority).</param>
/// <param name="TestX">Test rows, scaled with the training minima and ranges (so they may leave [0, 1]).</param>
/// <param name="TestY">Their labels.</param>
/// <param name="FeatureNames">The feature names.</param>
internal sealed record StudySplit(DenseMatrix TrainX, int[] TrainY, DenseMatrix TestX, int[] TestY, IReadOnlyList<string> FeatureNames);

/// <summary>The study's datasets (CSV files of <c>../shared/datasets</c>: header, numeric features, last column the
/// 0/1 label) and their splits.</summary>
internal static class StudyData
{
    /// <summary>Loads <paramref name="name"/><c>.csv</c> from <paramref name="directory"/>.</summary>
    public static LabeledMatrix Load(string directory, string name)
    {
        string path = Path.Combine(directory, name + ".csv");
        return File.Exists(path)
            ? EmbeddedDatasets.ParseCsv(File.ReadAllText(path))
            : throw new FileNotFoundException($"No dataset file {path}; pass --data-dir DIRECTORY.");
    }

    /// <summary>
    /// The stratified split of seed <paramref name="seed"/>: each class's rows shuffled by the seed's stream and its
    /// first ⌈<paramref name="testFraction"/>·n_c⌉ rows put in the test set; then min–max scaling fitted on the training rows.
    /// </summary>
    public static StudySplit Split(LabeledMatrix data, double testFraction, int seed)
    {
        var random = new DeterministicRandom(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (int label in data.Labels.Distinct().Order())
        {
            int[] rows = [.. Enumerable.Range(0, data.Rows).Where(i => data.Labels[i] == label)];
            random.Shuffle(rows.AsSpan());
            int held = (int)Math.Ceiling(testFraction * rows.Length);
            test.AddRange(rows[..held]);
            train.AddRange(rows[held..]);
        }

        train.Sort();
        test.Sort();
        DenseMatrix trainX = data.Features.SelectRows([.. train]);
        MinMaxScaler scaler = MinMaxScaler.Fit(trainX);
        return new StudySplit(
            scaler.Transform(trainX), [.. train.Select(i => data.Labels[i])],
            scaler.Transform(data.Features.SelectRows([.. test])), [.. test.Select(i => data.Labels[i])], data.FeatureNames);
    }
}
