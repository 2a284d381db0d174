using System.Buffers.Binary;
using System.IO.Compression;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Tests.Mixup;

/// <summary>The IDX reader and the image set built on it, on small IDX files the tests write (raw and gzip).</summary>
public sealed class MixupIdxImageSetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("idx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>An IDX file: magic 00 00 08 rank, big-endian sizes, then the bytes.</summary>
    internal static byte[] Idx(int[] dimensions, byte[] values)
    {
        var bytes = new byte[4 + (4 * dimensions.Length) + values.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (int i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        values.CopyTo(bytes, 4 + (4 * dimensions.Length));
        return bytes;
    }

    private string Write(string name, byte[] bytes, bool gzip)
    {
        string path = Path.Combine(_directory, name + (gzip ? ".gz" : ""));
        if (gzip)
        {
            using FileStream file = File.Create(path);
            using var compressed = new GZipStream(file, CompressionLevel.Fastest);
            compressed.Write(bytes);
        }
        else
        {
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    // Three 2 × 3 images: image i has pixels 10·i + (0 … 5); labels 2, 0, 1.
    private static readonly byte[] Pixels = [.. Enumerable.Range(0, 3).SelectMany(i => Enumerable.Range(0, 6).Select(p => (byte)((10 * i) + p)))];
    private static readonly byte[] LabelBytes = [2, 0, 1];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_GivesTheDimensionsAndValues_OfRawAndGzipFiles(bool gzip)
    {
        string path = Write("images-idx3-ubyte", Idx([3, 2, 3], Pixels), gzip);
        var (dimensions, values) = IdxFile.Read(path);
        Assert.Equal([3, 2, 3], dimensions);
        Assert.Equal(Pixels, values);
    }

    [Fact]
    public void ImageSet_ToDataView_HasKeyLabels_AndScaledPixelVectors()
    {
        string images = Write("train-images-idx3-ubyte", Idx([3, 2, 3], Pixels), gzip: true);
        string labels = Write("train-labels-idx1-ubyte", Idx([3], LabelBytes), gzip: false);
        IdxImageSet set = IdxImageSet.LoadFashionMnist(train: true, _directory);
        Assert.Equal((3, 2, 3, 3), (set.Count, set.Height, set.Width, set.ClassCount));
        Assert.Equal([2, 0, 1], set.Labels);
        Assert.Equal(IdxImageSet.Load(images, labels).Labels, set.Labels);

        var ml = new MLContext(seed: 1);
        IDataView view = set.ToDataView(ml, mean: 0.5f, std: 0.25f, classCount: 10);
        DataViewSchema.Column label = view.Schema["Label"];
        Assert.Equal(10ul, ((KeyDataViewType)label.Type).Count);
        Assert.Equal(6, ((VectorDataViewType)view.Schema["Features"].Type).Size);
        Assert.Equal([3u, 1u, 2u], view.GetColumn<uint>("Label"));
        float[][] features = [.. view.GetColumn<float[]>("Features")];
        Assert.Equal(((21 / 255f) - 0.5f) / 0.25f, features[2][1]);

        IdxImageSet subset = set.Subset([2, 0]);
        Assert.Equal([1, 2], subset.Labels);
        var row = new float[6];
        subset.Pixels(0, row);
        Assert.Equal(20 / 255f, row[0]);
    }

    [Fact]
    public void Read_RefusesAWrongMagicNumber_NamingIt()
    {
        byte[] bytes = Idx([3], LabelBytes);
        bytes[2] = 0x0D; // float32 IDX, not unsigned bytes
        string path = Write("labels", bytes, gzip: false);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("magic number 0x00000D01", error.Message);
    }

    [Theory]
    [InlineData(3, "inside the 4-byte magic number")]
    [InlineData(10, "inside the size of dimension 1 of 3")]
    [InlineData(20, "declares 18 values (3 × 2 × 3) but only 4 follow")]
    public void Read_RefusesATruncatedFile_SayingWhere(int length, string message)
    {
        byte[] bytes = Idx([3, 2, 3], Pixels)[..length];
        string path = Write("images", bytes, gzip: true);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("truncated", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Load_RefusesImageAndLabelFilesOfDifferentCounts()
    {
        string images = Write("images", Idx([3, 2, 3], Pixels), gzip: false);
        string labels = Write("labels", Idx([2], [0, 1]), gzip: false);
        var error = Assert.Throws<InvalidDataException>(() => IdxImageSet.Load(images, labels));
        Assert.Contains("holds 3 images but label file", error.Message);
    }
}
