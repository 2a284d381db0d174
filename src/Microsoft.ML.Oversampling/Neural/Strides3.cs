namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Three integers: dimensions or strides of a tensor padded to rank 3.</summary>
internal readonly record struct Strides3(int D0, int D1, int D2);
