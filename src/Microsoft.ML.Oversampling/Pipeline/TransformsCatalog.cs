using Microsoft.ML.Oversampling.Pipeline.Transforms;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>Creates transforms (ML.NET's <c>TransformsCatalog</c>).</summary>
public sealed class TransformsCatalog
{
    internal TransformsCatalog(OversamplingContext context)
    {
        Oversampling = new OversamplingCatalog(context);
    }

    /// <summary>The oversamplers: pipeline steps that rebalance training data and are the identity at scoring.</summary>
    public OversamplingCatalog Oversampling { get; }

    /// <summary>Concatenates float and float-vector columns into the vector column <paramref name="outputColumnName"/>.</summary>
    public ColumnConcatenatingEstimator Concatenate(string outputColumnName, params string[] inputColumnNames) =>
        new(outputColumnName, inputColumnNames);

    /// <summary>Standardises each slot of a vector column to zero mean and unit variance, learned on the training data.</summary>
    public NormalizingEstimator NormalizeMeanVariance(string columnName = "Features") => new(columnName);
}
