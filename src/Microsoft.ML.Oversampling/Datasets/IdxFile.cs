using System.Buffers.Binary;
using System.IO.Compression;

namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>
/// Reads an IDX file of unsigned bytes (LeCun's MNIST format, also Fashion-MNIST's), raw or gzip-compressed (detected by
/// the gzip magic bytes 1F 8B): the magic number <c>00 00 08 r</c> (type 0x08 = unsigned byte, r dimensions), r big-endian
/// 32-bit sizes, then the values in row-major order.
/// </summary>
public static class IdxFile
{
    /// <summary>The dimensions and values of <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not an unsigned-byte IDX file (the magic number is named), a size is not
    /// positive, or the file ends before its header or its values do (truncated; the shortfall is named).</exception>
    public static (int[] Dimensions, byte[] Values) Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        }

        using FileStream file = File.OpenRead(path);
        bool gzip = file.Length >= 2 && file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
        file.Position = 0;
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        Span<byte> magic = stackalloc byte[4];
        if (!Fill(stream, magic))
        {
            throw new InvalidDataException($"IDX file '{path}' is truncated: it ends inside the 4-byte magic number.");
        }

        if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] is 0 or > 8)
        {
            throw new InvalidDataException(
                $"IDX file '{path}' has magic number 0x{BinaryPrimitives.ReadUInt32BigEndian(magic):X8}; an unsigned-byte IDX file has 0x000008NN with NN the number of dimensions (1 to 8), e.g. 0x00000803 for images and 0x00000801 for labels.");
        }

        var dimensions = new int[magic[3]];
        long total = 1;
        Span<byte> size = stackalloc byte[4];
        for (int i = 0; i < dimensions.Length; i++)
        {
            if (!Fill(stream, size))
            {
                throw new InvalidDataException($"IDX file '{path}' is truncated: it ends inside the size of dimension {i} of {dimensions.Length}.");
            }

            int value = BinaryPrimitives.ReadInt32BigEndian(size);
            if (value < 1)
            {
                throw new InvalidDataException($"IDX file '{path}' gives dimension {i} the size {value}; sizes are at least 1.");
            }

            dimensions[i] = value;
            total *= value;
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidDataException($"IDX file '{path}' declares {total:N0} values, more than one array holds.");
        }

        var values = new byte[total];
        int read = 0;
        while (read < values.Length)
        {
            int n = stream.Read(values, read, values.Length - read);
            if (n == 0)
            {
                throw new InvalidDataException(
                    $"IDX file '{path}' is truncated: its header declares {total:N0} values ({string.Join(" × ", dimensions)}) but only {read:N0} follow.");
            }

            read += n;
        }

        return (dimensions, values);
    }

    private static bool Fill(Stream stream, Span<byte> buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer[read..]);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
