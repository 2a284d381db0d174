using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

/// <summary>Data views for the cross-validation tests: embedded datasets and a synthetic multiclass set, each row carrying its index.</summary>
internal static class CrossValidationData
{
    /// <summary>An embedded dataset with a known-size Single vector <c>Features</c>, a Boolean <c>Label</c> and a Single <c>RowId</c>.</summary>
    public static IDataView Embedded(MLContext mlContext, string name, out bool[] labels)
    {
        LabeledMatrix matrix = EmbeddedDatasets.LoadMatrix(name);
        bool[] truth = matrix.Labels.Select(l => l == 1).ToArray();
        labels = truth;
        var rows = Enumerable.Range(0, matrix.Rows).Select(r => new BinaryRow
        {
            Features = matrix.Features.Row(r).ToArray(),
            Label = truth[r],
            RowId = r,
        }).ToList();
        SchemaDefinition schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, matrix.Features.Columns);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Three Gaussian classes of the given sizes in 2-D, with a key-typed <c>Label</c> (class c is key c + 1).</summary>
    public static IDataView Multiclass(MLContext mlContext, int[] classSizes, int seed, out int[] classes)
    {
        var random = new DeterministicRandom(seed);
        var rows = new List<KeyRow>();
        for (int c = 0; c < classSizes.Length; c++)
        {
            for (int i = 0; i < classSizes[c]; i++)
            {
                rows.Add(new KeyRow
                {
                    Features = [(float)((3 * c) + random.NextGaussian()), (float)((c % 2 == 0 ? 0 : 3) + random.NextGaussian())],
                    Label = (uint)c, // LoadFromEnumerable reads a key column's C# value as the 0-based class index
                    RowId = rows.Count,
                });
            }
        }

        classes = rows.Select(r => (int)r.Label).ToArray();
        SchemaDefinition schema = SchemaDefinition.Create(typeof(KeyRow));
        schema[nameof(KeyRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2);
        schema[nameof(KeyRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classSizes.Length);
        return mlContext.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The <c>RowId</c> values of a view, in its order.</summary>
    public static int[] RowIds(IDataView data) =>
        data.GetColumn<float>(nameof(BinaryRow.RowId)).Select(v => (int)v).ToArray();

    private sealed class BinaryRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float RowId { get; set; }
    }

    private sealed class KeyRow
    {
        public float[] Features { get; set; } = [];

        public uint Label { get; set; }

        public float RowId { get; set; }
    }
}
