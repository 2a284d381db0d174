using System.Runtime.InteropServices;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>The raw binary data file of the cold-call measurements: rows, columns, the float32 values row by row, then the labels; read back without parsing.</summary>
internal static class BlobFile
{
    /// <summary>Writes <paramref name="x"/> and <paramref name="y"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, DenseMatrix x, int[] y)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(x.Rows);
        writer.Write(x.Columns);
        writer.Write(MemoryMarshal.AsBytes(x.Values.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(y.AsSpan()));
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    public static (DenseMatrix Features, int[] Labels) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int rows = BitConverter.ToInt32(bytes, 0);
        int columns = BitConverter.ToInt32(bytes, 4);
        var values = new float[rows * columns];
        var labels = new int[rows];
        int offset = 8;
        bytes.AsSpan(offset, values.Length * sizeof(float)).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        offset += values.Length * sizeof(float);
        bytes.AsSpan(offset, labels.Length * sizeof(int)).CopyTo(MemoryMarshal.AsBytes(labels.AsSpan()));
        return (new DenseMatrix(rows, columns, values), labels);
    }
}
