using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>A training set and a test set.</summary>
/// <param name="TrainSet">The rows to fit on.</param>
/// <param name="TestSet">The held-out rows.</param>
public sealed record TrainTestData(DataView TrainSet, DataView TestSet);

/// <summary>Loads, saves, splits and resamples data (ML.NET's <c>DataOperationsCatalog</c>).</summary>
public sealed class DataOperationsCatalog
{
    private readonly OversamplingContext _context;

    internal DataOperationsCatalog(OversamplingContext context)
    {
        _context = context;
    }

    /// <summary>Loads a CSV file: a <c>Label</c> column from <paramref name="labelColumnName"/> and a <c>Features</c>
    /// vector of the other numeric columns (or of <paramref name="featureColumnNames"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="labelColumnName">The label's column in the file. Default <c>"label"</c>.</param>
    /// <param name="separator">Field separator. Default <c>','</c>.</param>
    /// <param name="hasHeader">Whether the first line names the columns. Default true.</param>
    /// <param name="featureColumnNames">The feature columns; null for every other numeric column.</param>
    /// <param name="positiveLabel">For two text label values, the positive one.</param>
    public DataView LoadFromCsv(string path, string labelColumnName = "label", char separator = ',', bool hasHeader = true,
        IReadOnlyList<string>? featureColumnNames = null, string? positiveLabel = null) =>
        CsvLoader.Load(path, new CsvLoadOptions
        {
            LabelColumnName = labelColumnName,
            Separator = separator,
            HasHeader = hasHeader,
            FeatureColumnNames = featureColumnNames,
            PositiveLabel = positiveLabel,
        });

    /// <summary>Loads a CSV file with full options.</summary>
    public DataView LoadFromCsv(string path, CsvLoadOptions options) => CsvLoader.Load(path, options);

    /// <summary>Loads CSV text from a reader; <paramref name="sourceName"/> names it in error messages.</summary>
    public DataView LoadFromCsv(TextReader reader, CsvLoadOptions options, string sourceName = "input") => CsvLoader.Load(reader, options, sourceName);

    /// <summary>Loads one of the datasets embedded in the library (see <see cref="EmbeddedDatasets"/>).</summary>
    public DataView LoadEmbedded(string name = EmbeddedDatasets.DefaultName) => EmbeddedDatasets.Load(name);

    /// <summary>Builds a table from plain objects: public float, double, bool, int, string and float[] members become
    /// columns (names from <see cref="ColumnNameAttribute"/>, sizes from <see cref="VectorTypeAttribute"/>).</summary>
    public DataView LoadFromEnumerable<T>(IEnumerable<T> rows) => EnumerableConverter.ToDataView(rows);

    /// <summary>Reads a table back as objects, matching members to columns by name.</summary>
    public IEnumerable<T> CreateEnumerable<T>(DataView data)
        where T : new() => EnumerableConverter.FromDataView<T>(data);

    /// <summary>Builds a table with a <c>Features</c> vector and a boolean <c>Label</c>.</summary>
    public DataView LoadFromArrays(float[,] features, bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        var matrix = new DenseMatrix(features.GetLength(0), features.GetLength(1));
        Buffer.BlockCopy(features, 0, matrix.Values, 0, matrix.Values.Length * sizeof(float));
        return LoadFromArrays(matrix, labels);
    }

    /// <summary>Builds a table with a <c>Features</c> vector (copied) and a boolean <c>Label</c>.</summary>
    public DataView LoadFromArrays(DenseMatrix features, bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        CheckRowCounts(features, labels.Length);
        return new DataView(new ScalarColumn<bool>("Label", labels, copy: true), new VectorColumn("Features", features));
    }

    /// <summary>Builds a table with a <c>Features</c> vector (copied) and an integer class <c>Label</c> (multi-class).</summary>
    public DataView LoadFromArrays(DenseMatrix features, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        CheckRowCounts(features, labels.Length);
        return new DataView(new ScalarColumn<int>("Label", labels, copy: true), new VectorColumn("Features", features));
    }

    /// <summary>Writes a table as CSV (vector slots spread into columns, booleans as 0/1).</summary>
    public void SaveAsCsv(DataView data, string path, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(path);
        string temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary))
        {
            CsvLoader.Save(data, writer, separator);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes a table as CSV to a writer.</summary>
    public void SaveAsCsv(DataView data, TextWriter writer, char separator = ',') => CsvLoader.Save(data, writer, separator);

    /// <summary>Splits rows into a training and a test set.</summary>
    /// <param name="data">The rows.</param>
    /// <param name="testFraction">Share of rows (of each class when stratified) in the test set. Default 0.2.</param>
    /// <param name="stratify">Whether each class keeps its share in both sets. Default true.</param>
    /// <param name="labelColumnName">The label column used to stratify. Default <c>"Label"</c>.</param>
    /// <param name="seed">The shuffle's seed; null to draw it from the context.</param>
    public TrainTestData TrainTestSplit(DataView data, double testFraction = 0.2, bool stratify = true, string labelColumnName = "Label", int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var random = new DeterministicRandom(seed ?? _context.NextSeed());
        var (train, test) = stratify
            ? StratifiedSplitter.TrainTest(LabelColumns.ReadClasses(data, labelColumnName), testFraction, random)
            : StratifiedSplitter.TrainTestUnstratified(data.RowCount, testFraction, random);
        return new TrainTestData(data.SelectRows(train), data.SelectRows(test));
    }

    /// <summary>Stratified k-fold split: fold i's test set is the i-th fold, its training set the other folds.</summary>
    public IReadOnlyList<TrainTestData> CrossValidationSplit(DataView data, int numberOfFolds = 5, string labelColumnName = "Label", int? seed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        int[] folds = StratifiedSplitter.AssignFolds(LabelColumns.ReadClasses(data, labelColumnName), numberOfFolds, new DeterministicRandom(seed ?? _context.NextSeed()));
        return FoldSplits(data, folds, numberOfFolds);
    }

    /// <summary>
    /// Rebalances a table with a sampler: imbalanced-learn's <c>fit_resample</c> as a data operation. Apply it to a
    /// training split only, never to data you evaluate on.
    /// </summary>
    public DataView Oversample(DataView data, OversamplingEstimator sampler)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        return sampler.Fit(data).ResampledData!;
    }

    internal static IReadOnlyList<TrainTestData> FoldSplits(DataView data, int[] folds, int numberOfFolds) =>
        Enumerable.Range(0, numberOfFolds).Select(f =>
        {
            int[] test = Enumerable.Range(0, folds.Length).Where(i => folds[i] == f).ToArray();
            int[] train = Enumerable.Range(0, folds.Length).Where(i => folds[i] != f).ToArray();
            return new TrainTestData(data.SelectRows(train), data.SelectRows(test));
        }).ToList();

    private static void CheckRowCounts(DenseMatrix features, int labelCount)
    {
        if (features.Rows != labelCount)
        {
            throw new ArgumentException($"There are {labelCount} labels for {features.Rows} feature rows; they must match.");
        }
    }
}
