using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.Classifiers;

/// <summary>A multiclass image row: a key label (the 0-based class: <c>LoadFromEnumerable</c> stores v as key v + 1)
/// and the flat C·H·W pixels.</summary>
public sealed class ImageRow
{
    public uint Label { get; set; }

    public float[] Features { get; set; } = [];
}

/// <summary>Small synthetic images for the CNN backbone: class c is a bright 2 × 2 square at a position of its own
/// (in channel c mod C) on Gaussian noise, so a convolution finds it and the classes are separable.</summary>
internal static class CnnTestImages
{
    /// <summary>The flat pixels of <c>counts[c]</c> images of each class c, with their 0-based classes.</summary>
    public static (float[][] Pixels, int[] Classes) Make(ImageShape shape, int[] counts, int seed)
    {
        var random = new DeterministicRandom(seed);
        var pixels = new List<float[]>();
        var classes = new List<int>();
        for (int c = 0; c < counts.Length; c++)
        {
            int top = (c * 3) % (shape.Height - 1), left = (c * 5) % (shape.Width - 1);
            for (int i = 0; i < counts[c]; i++)
            {
                var image = new float[shape.FeatureCount];
                for (int p = 0; p < image.Length; p++)
                {
                    image[p] = (float)(0.3 * random.NextGaussian());
                }

                int plane = (c % shape.Channels) * shape.Height * shape.Width;
                for (int y = top; y < top + 2; y++)
                {
                    for (int x = left; x < left + 2; x++)
                    {
                        image[plane + (y * shape.Width) + x] += 1.5f;
                    }
                }

                pixels.Add(image);
                classes.Add(c);
            }
        }

        return ([.. pixels], [.. classes]);
    }

    /// <summary>Those images with a key label of <c>counts.Length</c> values (for the multiclass trainer).</summary>
    public static IDataView Multiclass(MLContext ml, ImageShape shape, int[] counts, int seed)
    {
        var (pixels, classes) = Make(shape, counts, seed);
        var definition = SchemaDefinition.Create(typeof(ImageRow));
        definition[nameof(ImageRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), counts.Length);
        definition[nameof(ImageRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, (int)shape.FeatureCount);
        return ml.Data.LoadFromEnumerable(pixels.Select((p, i) => new ImageRow { Label = (uint)classes[i], Features = p }), definition);
    }

    /// <summary>Two classes of those images as <see cref="MLNet.BinaryRow"/>s (class 1 is <c>true</c>).</summary>
    public static MLNet.BinaryRow[] Binary(ImageShape shape, int negatives, int positives, int seed)
    {
        var (pixels, classes) = Make(shape, [negatives, positives], seed);
        return [.. pixels.Select((p, i) => new MLNet.BinaryRow { Label = classes[i] == 1, Features = p, Id = i })];
    }
}
