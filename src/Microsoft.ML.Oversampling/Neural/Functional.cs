namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Differentiable operations on tensors, separate from layers (the role of TorchSharp's
/// <c>torch.nn.functional</c> and the <c>torch.*</c> tensor functions).
/// </summary>
/// <remarks>
/// Each operation computes its result and, when gradients are enabled and an input requires them, records a closure
/// that adds its inputs' gradients during <see cref="Tensor.Backward"/>. Operations and their backward closures are
/// marked for full optimisation on first call: a training run is often shorter than the time tiered compilation
/// takes to re-jit its loops, and the unoptimised versions are several times slower.
/// </remarks>
public static partial class Functional
{
}
