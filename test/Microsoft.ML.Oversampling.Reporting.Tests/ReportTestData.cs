using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Reporting.Tests;

/// <summary>One row of an embedded binary dataset in ML.NET form.</summary>
public sealed class ReportRow
{
    public bool Label { get; set; }

    public float[] Features { get; set; } = [];
}

/// <summary>Embedded datasets as data views with a known-size Features vector.</summary>
internal static class ReportTestData
{
    public static IDataView Load(MLContext ml, string name)
    {
        LabeledMatrix matrix = EmbeddedDatasets.LoadMatrix(name);
        ReportRow[] rows = [.. Enumerable.Range(0, matrix.Rows)
            .Select(i => new ReportRow { Label = matrix.Labels[i] == 1, Features = matrix.Features.Row(i).ToArray() })];
        var schema = SchemaDefinition.Create(typeof(ReportRow));
        schema[nameof(ReportRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, matrix.Features.Columns);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
