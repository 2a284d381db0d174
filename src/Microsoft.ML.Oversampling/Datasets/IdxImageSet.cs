using Microsoft.ML.Data;

namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>
/// Labelled grey-scale images from an IDX image file and an IDX label file (MNIST, Fashion-MNIST: Debian's
/// <c>dataset-fashion-mnist</c> installs them in <see cref="FashionMnistDirectory"/>), and their conversion to an ML.NET
/// data view of flattened pixel vectors with a key label.
/// </summary>
public sealed class IdxImageSet
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts its four gzip IDX files.</summary>
    public const string FashionMnistDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Fashion-MNIST's ten class names, in label order.</summary>
    public static readonly IReadOnlyList<string> FashionMnistClasses =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private readonly byte[] _pixels;

    private IdxImageSet(byte[] pixels, int[] labels, int height, int width)
    {
        _pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
    }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Count;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Pixels per image (the feature vector's length).</summary>
    public int PixelCount => Height * Width;

    /// <summary>The label of each image (the label file's byte values, 0-based classes).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The labels' class count: the largest label plus one.</summary>
    public int ClassCount => Labels.Max() + 1;

    /// <summary>Reads an image file (3 dimensions: count × height × width) and its label file (1 dimension: count).</summary>
    /// <exception cref="InvalidDataException">A malformed file (see <see cref="IdxFile.Read"/>), wrong ranks, or different counts.</exception>
    public static IdxImageSet Load(string imagesPath, string labelsPath)
    {
        var (imageDimensions, pixels) = IdxFile.Read(imagesPath);
        var (labelDimensions, labels) = IdxFile.Read(labelsPath);
        if (imageDimensions.Length != 3)
        {
            throw new InvalidDataException($"IDX image file '{imagesPath}' has {imageDimensions.Length} dimensions; images have 3 (count × height × width).");
        }

        if (labelDimensions.Length != 1)
        {
            throw new InvalidDataException($"IDX label file '{labelsPath}' has {labelDimensions.Length} dimensions; labels have 1 (count).");
        }

        if (imageDimensions[0] != labelDimensions[0])
        {
            throw new InvalidDataException($"IDX image file '{imagesPath}' holds {imageDimensions[0]} images but label file '{labelsPath}' holds {labelDimensions[0]} labels.");
        }

        return new IdxImageSet(pixels, [.. labels.Select(b => (int)b)], imageDimensions[1], imageDimensions[2]);
    }

    /// <summary>Fashion-MNIST's training (60,000 images) or test (10,000, balanced) split from <paramref name="directory"/>
    /// (gzip files <c>train-images-idx3-ubyte.gz</c> etc.; raw files of the same names without <c>.gz</c> also work).</summary>
    public static IdxImageSet LoadFashionMnist(bool train, string directory = FashionMnistDirectory)
    {
        string prefix = train ? "train" : "t10k";
        return Load(Existing(directory, $"{prefix}-images-idx3-ubyte"), Existing(directory, $"{prefix}-labels-idx1-ubyte"));
    }

    /// <summary>The images at <paramref name="rows"/>, in that order.</summary>
    public IdxImageSet Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int size = PixelCount;
        var pixels = new byte[rows.Count * size];
        var labels = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)rows[i], (uint)Count, nameof(rows));
            Array.Copy(_pixels, (long)rows[i] * size, pixels, (long)i * size, size);
            labels[i] = Labels[rows[i]];
        }

        return new IdxImageSet(pixels, labels, Height, Width);
    }

    /// <summary>Image <paramref name="row"/>'s pixels as <c>(p/255 − mean)/std</c>, row-major.</summary>
    public void Pixels(int row, Span<float> destination, float mean = 0, float std = 1)
    {
        ReadOnlySpan<byte> source = _pixels.AsSpan(row * PixelCount, PixelCount);
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = ((source[i] / 255f) - mean) / std;
        }
    }

    /// <summary>
    /// A data view with <c>Label</c>, a key of <paramref name="classCount"/> values (key k + 1 is class k), and
    /// <c>Features</c>, a vector of <see cref="PixelCount"/> Single values <c>(p/255 − mean)/std</c> (e.g. Fashion-MNIST's
    /// 0.2860 and 0.3530). Rows are made on demand from the pixel bytes.
    /// </summary>
    /// <param name="ml">The context.</param>
    /// <param name="mean">Subtracted after scaling to [0, 1]. Default 0.</param>
    /// <param name="std">Divides after the subtraction. Default 1.</param>
    /// <param name="classCount">The key's count; <c>null</c> for <see cref="ClassCount"/>.</param>
    public IDataView ToDataView(MLContext ml, float mean = 0, float std = 1, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        if (!(std > 0 && float.IsFinite(std) && float.IsFinite(mean)))
        {
            throw new ArgumentOutOfRangeException(nameof(std), std, "std is a finite value above 0 and mean is finite.");
        }

        int classes = classCount ?? ClassCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, ClassCount, nameof(classCount));
        var definition = SchemaDefinition.Create(typeof(ImageRow));
        definition[nameof(ImageRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, PixelCount);
        definition[nameof(ImageRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        return ml.Data.LoadFromEnumerable(Rows(mean, std), definition);
    }

    private IEnumerable<ImageRow> Rows(float mean, float std)
    {
        for (int i = 0; i < Count; i++)
        {
            var features = new float[PixelCount];
            Pixels(i, features, mean, std);
            // LoadFromEnumerable stores a key property's value v as key v + 1 (measured on ML.NET 5.0.1): the 0-based class.
            yield return new ImageRow { Label = (uint)Labels[i], Features = features };
        }
    }

    private static string Existing(string directory, string name)
    {
        string gzip = Path.Combine(directory, name + ".gz");
        string raw = Path.Combine(directory, name);
        return File.Exists(gzip) || !File.Exists(raw) ? gzip : raw;
    }

    private sealed class ImageRow
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
