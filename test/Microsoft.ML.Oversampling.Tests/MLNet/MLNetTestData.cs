using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>One row of a binary dataset in ML.NET form, with an extra column that samplers do not generate.</summary>
public sealed class BinaryRow
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];

    /// <summary>The row's position in the source data: lets tests see which row a synthetic row copied it from.</summary>
    public int Id { get; set; }
}

/// <summary>A binary row scored by a trained model, for prediction engines.</summary>
public sealed class BinaryPrediction
{
    public bool PredictedLabel { get; set; }

    public float Score { get; set; }

    public float Probability { get; set; }
}

/// <summary>Embedded datasets as ML.NET data views for the adapter tests.</summary>
internal static class MLNetTestData
{
    /// <summary>The rows of an embedded binary dataset (label 1 = true).</summary>
    public static BinaryRow[] Rows(string name)
    {
        LabeledMatrix data = EmbeddedDatasets.LoadMatrix(name);
        return Enumerable.Range(0, data.Rows)
            .Select(i => new BinaryRow { Label = data.Labels[i] == 1, Features = data.Features.Row(i).ToArray(), Id = i })
            .ToArray();
    }

    /// <summary>A data view of <paramref name="rows"/> with a known-size Features vector.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<BinaryRow> rows, int featureCount) =>
        ml.Data.LoadFromEnumerable(rows, Schema(featureCount));

    /// <summary>An embedded dataset as a data view.</summary>
    public static IDataView Load(MLContext ml, string name)
    {
        BinaryRow[] rows = Rows(name);
        return Load(ml, rows, rows[0].Features.Length);
    }

    /// <summary>The schema definition of <see cref="BinaryRow"/> with <paramref name="featureCount"/> features.</summary>
    public static SchemaDefinition Schema(int featureCount)
    {
        var definition = SchemaDefinition.Create(typeof(BinaryRow));
        definition[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return definition;
    }

    /// <summary>Reads a data view back as rows.</summary>
    public static BinaryRow[] Read(MLContext ml, IDataView data, int featureCount) =>
        ml.Data.CreateEnumerable<BinaryRow>(data, reuseRowObject: false, schemaDefinition: Schema(featureCount)).ToArray();

    /// <summary>Counts the rows of a data view by cursor (not by the view's own claim).</summary>
    public static long CountRows(IDataView data)
    {
        long n = 0;
        using DataViewRowCursor cursor = data.GetRowCursor([]);
        while (cursor.MoveNext())
        {
            n++;
        }

        return n;
    }

    /// <summary>Fits the pipeline most tests use: min–max scaling, SMOTE (seed 3), then a small FastTree.</summary>
    public static ITransformer FitSmoteFastTree(MLContext ml, IDataView data) =>
        ml.Transforms.NormalizeMinMax("Features")
            .Append(ml.Transforms.Oversampling.Smote(seed: 3))
            .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20))
            .Fit(data);
}
