using Microsoft.ML.Oversampling.Data;

namespace Microsoft.ML.Oversampling.Pipeline.Transforms;

/// <summary>
/// Concatenates float scalar and float vector columns into one vector column (ML.NET's <c>Concatenate</c>).
/// It learns nothing, so fitting only returns the transformer.
/// </summary>
public sealed class ColumnConcatenatingEstimator : IEstimator<ColumnConcatenatingTransformer>
{
    private readonly string _outputColumnName;
    private readonly string[] _inputColumnNames;

    internal ColumnConcatenatingEstimator(string outputColumnName, string[] inputColumnNames)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputColumnName);
        if (inputColumnNames is null || inputColumnNames.Length == 0)
        {
            throw new ArgumentException("Concatenate needs at least one input column.", nameof(inputColumnNames));
        }

        _outputColumnName = outputColumnName;
        _inputColumnNames = inputColumnNames;
    }

    /// <inheritdoc />
    public ColumnConcatenatingTransformer Fit(DataView input)
    {
        var transformer = new ColumnConcatenatingTransformer(_outputColumnName, _inputColumnNames);
        transformer.Transform(input); // validates the schema now rather than at first use
        return transformer;
    }
}
