using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>The third form, <c>mlContext.Data.Oversample</c> (imbalanced-learn's <c>fit_resample</c>), and the layout of the resampled view.</summary>
public sealed class OversampleDataTests
{
    public static TheoryData<string> Methods => new() { "random", "smote", "borderline", "borderline2", "adasyn", "svm-smote", "deep-smote" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void ResampledView_IsTheInputThenTheMatrixPathsSyntheticRows(string method)
    {
        var ml = new MLContext(seed: 1);
        LabeledMatrix matrix = EmbeddedDatasets.LoadMatrix("ecoli3");
        BinaryRow[] rows = MLNetTestData.Rows("ecoli3");
        IDataView data = MLNetTestData.Load(ml, rows, matrix.Features.Columns);
        var options = new[] { "Seed=5" };

        BinaryRow[] resampled = MLNetTestData.Read(ml, ml.Data.Oversample(data, ml.Transforms.Oversampling.Create(method, options)), matrix.Features.Columns);
        ResampleResult expected = SamplerRegistry.Create(method).FitResample(matrix.Features, matrix.Labels, seed: 5);

        Assert.Equal(expected.Labels.Count, resampled.Length);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i].Id, resampled[i].Id);
            Assert.Equal(rows[i].Label, resampled[i].Label);
            Assert.Equal(rows[i].Features, resampled[i].Features);
        }

        for (int i = rows.Length; i < resampled.Length; i++)
        {
            Assert.Equal(expected.Labels[i] == 1, resampled[i].Label);
            Assert.Equal(expected.Features.Row(i).ToArray(), resampled[i].Features); // bit-identical to the matrix path
        }
    }

    [Fact]
    public void SyntheticRowsCopyOtherColumnsFromTheirNearestOriginalRowOfTheClass()
    {
        var ml = new MLContext(seed: 1);
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        IDataView data = MLNetTestData.Load(ml, rows, 8);

        BinaryRow[] resampled = MLNetTestData.Read(ml, ml.Data.Oversample(data, ml.Transforms.Oversampling.Smote(seed: 2)), 8);

        var minority = rows.Where(r => r.Label).ToArray();
        Assert.All(resampled.Skip(rows.Length), synthetic =>
        {
            double best = minority.Min(r => ExactNearestNeighbors.SquaredDistance(r.Features, synthetic.Features));
            BinaryRow baseRow = rows[synthetic.Id];
            Assert.True(baseRow.Label);
            Assert.Equal(best, ExactNearestNeighbors.SquaredDistance(baseRow.Features, synthetic.Features));
        });
    }

    [Fact]
    public void SameSeedSameRows_DifferentSeedDifferentRows_NullSeedIsReported()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "ecoli3");
        float[] Features(int? seed) => ml.Data.Oversample(data, ml.Transforms.Oversampling.Smote(seed: seed))
            .GetColumn<float[]>("Features").Skip(336).SelectMany(f => f).ToArray();

        Assert.Equal(Features(7), Features(7));
        Assert.NotEqual(Features(7), Features(8));
        OversamplingTransformer drawn = ml.Transforms.Oversampling.Smote().Fit(data);
        OversamplingTransformer replay = ml.Transforms.Oversampling.Smote(seed: drawn.Seed).Fit(data);
        Assert.Equal(drawn.Transform(data).GetColumn<float[]>("Features").SelectMany(f => f), replay.Transform(data).GetColumn<float[]>("Features").SelectMany(f => f));
    }

    [Fact]
    public void ReportsClassCountsAndRowCount()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = MLNetTestData.Load(ml, "yeast4");
        OversamplingTransformer step = ml.Transforms.Oversampling.Smote(seed: 1).Fit(data);

        Assert.Equal(new Dictionary<int, int> { [0] = 1433, [1] = 51 }, step.CountsBefore);
        Assert.Equal(new Dictionary<int, int> { [0] = 1433, [1] = 1433 }, step.CountsAfter);
        Assert.Equal(1382, step.SyntheticRowCount);
        IDataView resampled = step.Transform(data);
        Assert.Equal(2866, resampled.GetRowCount());
        Assert.Equal(2866, MLNetTestData.CountRows(resampled));
        Assert.Same(data.Schema, resampled.Schema);
    }

    [Fact]
    public void MultiClassKeyLabels_AreGrownOneVsRest_AndTrainAMulticlassModel()
    {
        var ml = new MLContext(seed: 1);
        // Three classes from yeast4's features: the minority (51), and the majority split by the first feature.
        BinaryRow[] rows = MLNetTestData.Rows("yeast4");
        var labelled = rows.Select(r => new MultiClassRow { Features = r.Features, Class = r.Label ? "rare" : r.Features[0] < 0.4f ? "low" : "high" }).ToArray();
        int largest = labelled.GroupBy(r => r.Class).Max(g => g.Count());
        var definition = SchemaDefinition.Create(typeof(MultiClassRow));
        definition[nameof(MultiClassRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 8);
        IDataView text = ml.Data.LoadFromEnumerable(labelled, definition);
        IDataView data = ml.Transforms.Conversion.MapValueToKey("Label", nameof(MultiClassRow.Class)).Fit(text).Transform(text);

        var model = ml.Transforms.Oversampling.Smote(seed: 1)
            .Append(new RowCountingKeyProbe(out var seen))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Fit(data);

        Assert.Equal(3, seen.Count);
        Assert.All(seen.Values, n => Assert.Equal(largest, n));
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(data));
        Assert.InRange(metrics.MacroAccuracy, 0.5, 1.0); // three learnable classes; chance is 1/3
    }

    /// <summary>A row with a text class.</summary>
    public sealed class MultiClassRow
    {
        public float[] Features { get; set; } = [];

        public string Class { get; set; } = "";
    }

    /// <summary>Counts the rows of each key value the next step would be fitted on.</summary>
    private sealed class RowCountingKeyProbe : IEstimator<ITransformer>
    {
        private readonly Dictionary<uint, long> _seen = [];

        public RowCountingKeyProbe(out Dictionary<uint, long> seen) => seen = _seen;

        public ITransformer Fit(IDataView input)
        {
            foreach (uint key in input.GetColumn<uint>("Label"))
            {
                _seen[key] = _seen.GetValueOrDefault(key) + 1;
            }

            return new TransformerChain<ITransformer>();
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
    }
}
