using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Tests.MLNet;

/// <summary>
/// A test probe for pipelines: an identity step that records how many rows (and how many positive labels) the data it
/// is fitted on has, i.e. what the next trainer of the chain would see.
/// </summary>
internal sealed class RowCountingEstimator : IEstimator<ITransformer>
{
    public List<(long Rows, long Positives)> Fits { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        long rows = 0, positives = 0;
        DataViewSchema.Column label = input.Schema["Label"];
        using (DataViewRowCursor cursor = input.GetRowCursor([label]))
        {
            ValueGetter<bool> getLabel = cursor.GetGetter<bool>(label);
            bool value = false;
            while (cursor.MoveNext())
            {
                getLabel(ref value);
                rows++;
                positives += value ? 1 : 0;
            }
        }

        Fits.Add((rows, positives));
        return new TransformerChain<ITransformer>();
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;
}
