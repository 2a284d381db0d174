namespace Microsoft.ML.Oversampling.Neural;

/// <summary>What the matrix multiply applies to each output element after the product (fused, while it is in cache).</summary>
internal enum GemmActivation
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary><c>max(0, x)</c>.</summary>
    Relu,
}
