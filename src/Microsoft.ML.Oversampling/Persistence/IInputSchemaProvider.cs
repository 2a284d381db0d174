namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>A transformer that can tell which feature column it reads, so a model saved without an explicit input
/// schema still records one.</summary>
internal interface IInputSchemaProvider
{
    /// <summary>The input this transformer needs, or null when it cannot be described as one feature vector.</summary>
    ModelInputSchema? DescribeInput();
}
