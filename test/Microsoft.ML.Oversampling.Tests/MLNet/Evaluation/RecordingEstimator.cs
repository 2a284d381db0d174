namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

/// <summary>Wraps an estimator and records the <c>RowId</c>s of every training set it is fitted on.</summary>
internal sealed class RecordingEstimator(IEstimator<ITransformer> inner) : IEstimator<ITransformer>
{
    public List<int[]> TrainingRowIds { get; } = [];

    public ITransformer Fit(IDataView input)
    {
        TrainingRowIds.Add(CrossValidationData.RowIds(input));
        return inner.Fit(input);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
}
