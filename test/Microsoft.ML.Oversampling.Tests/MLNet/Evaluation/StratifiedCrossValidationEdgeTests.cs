using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

/// <summary>Inputs that stress the cross-validation's plumbing rather than its statistics.</summary>
public sealed class StratifiedCrossValidationEdgeTests
{
    [Fact]
    public void A_user_column_with_the_fold_flag_name_is_left_intact_and_no_extra_column_reaches_the_trainer()
    {
        var mlContext = new MLContext(seed: 1);
        IDataView raw = CrossValidationData.Embedded(mlContext, "haberman", out bool[] labels);
        IDataView data = mlContext.Transforms.CopyColumns("StratifiedTestFold", "RowId").Fit(raw).Transform(raw);
        var schemas = new List<DataViewSchema>();
        var recorder = new RecordingEstimator(new SchemaSpy(schemas, mlContext.Transforms.NormalizeMinMax("Features")
            .Append(mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression())));

        var result = mlContext.BinaryClassification.CrossValidateStratified(data, recorder, numberOfFolds: 3, seed: 2);

        Assert.Equal(3, result.Folds.Count);
        Assert.All(schemas, s => Assert.Equal(data.Schema.Select(c => c.Name), s.Select(c => c.Name)));
        Assert.All(schemas, s => Assert.Equal(NumberDataViewType.Single, s["StratifiedTestFold"].Type));
        foreach (var fold in result.Folds)
        {
            Assert.Equal(
                fold.ScoredHoldOutSet.GetColumn<float>("RowId"),
                fold.ScoredHoldOutSet.GetColumn<float>("StratifiedTestFold"));
        }

        Assert.Equal(labels.Length, result.Folds.Sum(f => CrossValidationData.RowIds(f.ScoredHoldOutSet).Length));
    }

    [Fact]
    public void A_missing_key_label_is_reported_with_its_row()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 30).Select(i => new TextRow { Features = [i, i % 3], Class = i == 17 ? "unseen" : (i % 3).ToString() }).ToList();
        IDataView data = mlContext.Data.LoadFromEnumerable(rows);
        // The key map is learned without the 'unseen' row, so that row's key is missing.
        var mapping = mlContext.Transforms.Conversion.MapValueToKey("Label", "Class")
            .Fit(mlContext.Data.LoadFromEnumerable(rows.Where(r => r.Class != "unseen").ToList()));
        IDataView keyed = mapping.Transform(data);

        var error = Assert.Throws<ArgumentException>(() => mlContext.MulticlassClassification.CrossValidateStratified(
            keyed, mlContext.MulticlassClassification.Trainers.LbfgsMaximumEntropy(), numberOfFolds: 3));

        Assert.StartsWith("Row 17 has a missing value in label column 'Label'", error.Message);
    }

    private sealed class SchemaSpy(List<DataViewSchema> schemas, IEstimator<ITransformer> inner) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            schemas.Add(input.Schema);
            return inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }

    private sealed class TextRow
    {
        [VectorType(2)]
        public float[] Features { get; set; } = [];

        public string Class { get; set; } = "";
    }
}
