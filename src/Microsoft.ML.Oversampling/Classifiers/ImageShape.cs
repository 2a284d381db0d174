namespace Microsoft.ML.Oversampling;

/// <summary>The layout of an image's pixels in a flat feature vector: <see cref="Channels"/> planes of
/// <see cref="Height"/> rows of <see cref="Width"/> values, channel-major then row-major (PyTorch's C × H × W).</summary>
/// <param name="Channels">Colour channels (1 for grey-scale).</param>
/// <param name="Height">Rows of pixels.</param>
/// <param name="Width">Pixels per row.</param>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>The feature vector's length, <c>Channels · Height · Width</c>.</summary>
    public long FeatureCount => (long)Channels * Height * Width;

    /// <summary><c>C × H × W</c>.</summary>
    public override string ToString() => $"{Channels} × {Height} × {Width}";
}
