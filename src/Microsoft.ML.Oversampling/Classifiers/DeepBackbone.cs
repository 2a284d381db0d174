namespace Microsoft.ML.Oversampling;

/// <summary>The network of a deep classifier's fit (<see cref="DeepMlpOptions.Backbone"/>).</summary>
public enum DeepBackbone
{
    /// <summary>A ReLU multilayer perceptron with the widths of <see cref="DeepMlpOptions.HiddenLayerSizes"/>: for tabular
    /// features (and flat image vectors, as the MLP 784-512-256-10 of the imbalanced-DL reference run).</summary>
    Mlp,

    /// <summary>
    /// A small convolutional network for images whose features are the pixels of an
    /// <see cref="DeepMlpOptions.ImageShape"/> (C × H × W, channel-major then row-major, as Fashion-MNIST's 784 floats
    /// are 1 × 28 × 28):
    /// <c>conv(C→16, 3×3, pad 1) – ReLU – max-pool 2×2</c> → <c>conv(16→32, 3×3, pad 1) – ReLU – max-pool 2×2</c> →
    /// flatten (32·⌊⌊H/2⌋/2⌋·⌊⌊W/2⌋/2⌋) → <c>linear(→128) – ReLU</c> (then <see cref="DeepMlpOptions.Dropout"/>) →
    /// <c>linear(→outputs)</c>. Pooling drops an odd last row or column, as PyTorch's <c>MaxPool2d(2)</c> does.
    /// On 1 × 28 × 28 it has 206,922 parameters for 10 classes (PyTorch's default initialisation: uniform in
    /// ±1/√fan-in). <see cref="DeepMlpOptions.HiddenLayerSizes"/> is not used.
    /// </summary>
    SmallCnn,
}
