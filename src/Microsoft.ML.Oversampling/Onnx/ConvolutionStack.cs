namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>The convolutional front of a CNN classifier: the input's <see cref="Shape"/> and its
/// <see cref="Layers"/>, each followed by a ReLU and a 2 × 2 max-pool of stride 2 (odd edges dropped); its output is
/// flattened channel-major for the dense layers that follow.</summary>
/// <param name="Shape">The image layout of the flat input vector.</param>
/// <param name="Layers">The convolutions, input side first.</param>
internal sealed record ConvolutionStack(ImageShape Shape, IReadOnlyList<ConvLayer> Layers)
{
    /// <summary>The pooling window and stride.</summary>
    public const int Pool = 2;

    /// <summary>Values per row after the last pool and the flattening: channels × ⌊…⌊H/2⌋…/2⌋ × ⌊…⌊W/2⌋…/2⌋.</summary>
    public int FlattenedSize
    {
        get
        {
            int height = Shape.Height, width = Shape.Width;
            foreach (ConvLayer _ in Layers)
            {
                height /= Pool;
                width /= Pool;
            }

            return Layers[^1].OutChannels * height * width;
        }
    }
}
