namespace Microsoft.ML.Oversampling;

/// <summary>The optimiser of a deep classifier's fit (<see cref="DeepMlpOptions.Optimizer"/>).</summary>
public enum DeepOptimizer
{
    /// <summary>Adam (PyTorch's <c>torch.optim.Adam</c>, β = (0.9, 0.999), ε = 1e-8), the §3.4 default.</summary>
    Adam,

    /// <summary>SGD with momentum <see cref="DeepMlpOptions.Momentum"/> (PyTorch's <c>torch.optim.SGD</c>), the
    /// imbalanced-DL recipe of papers.md §4.7 (momentum 0.9, weight decay 2e-4, learning rate 0.1).</summary>
    Sgd,
}
