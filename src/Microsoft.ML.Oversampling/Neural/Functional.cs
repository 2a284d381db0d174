namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Differentiable operations on tensors, separate from layers (the role of TorchSharp's
/// <c>torch.nn.functional</c> and the <c>torch.*</c> tensor functions).
/// </summary>
public static partial class Functional
{
}
