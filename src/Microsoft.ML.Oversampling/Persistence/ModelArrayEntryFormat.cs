using System.Buffers.Binary;
using System.Text;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// The binary layout of a component entry: the magic <c>OSMA</c>, a format version (uint16) and an array count
/// (int32), then per array: name (int32 length + UTF-8), element type (byte), rank (int32), dimensions (int32 each),
/// payload length (int64), the payload, and a CRC-32 of everything of that array before it. Little-endian throughout.
/// </summary>
internal static class ModelArrayEntryFormat
{
    private const ushort FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "OSMA"u8;

    /// <summary>Encodes the arrays of one component.</summary>
    public static byte[] Write(IReadOnlyList<ModelArray> arrays)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Saving models needs a little-endian platform.");
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(arrays.Count);
            foreach (ModelArray array in arrays)
            {
                long start = stream.Position;
                byte[] name = Encoding.UTF8.GetBytes(array.Name);
                writer.Write(name.Length);
                writer.Write(name);
                writer.Write((byte)array.ElementType);
                writer.Write(array.Shape.Length);
                foreach (int d in array.Shape)
                {
                    writer.Write(d);
                }

                writer.Write((long)array.Payload.Length);
                writer.Write(array.Payload);
                writer.Flush();
                writer.Write(Crc32.Compute(stream.GetBuffer().AsSpan((int)start, (int)(stream.Position - start))));
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes an entry; <paramref name="entryName"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The entry is truncated, fails a checksum or is malformed.</exception>
    public static IReadOnlyList<ModelArray> Read(byte[] data, string entryName)
    {
        var cursor = new Cursor(data, entryName);
        if (!cursor.Take(4, "the header").SequenceEqual(Magic))
        {
            throw new InvalidDataException($"Model entry '{entryName}' is not an array entry (bad magic number).");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(cursor.Take(2, "the header"));
        if (version > FormatVersion)
        {
            throw new InvalidDataException($"Model entry '{entryName}' uses array format {version}, newer than this library's {FormatVersion}; upgrade Microsoft.ML.Oversampling.");
        }

        int count = cursor.ReadInt32("the array count");
        var arrays = new List<ModelArray>();
        for (int i = 0; i < count; i++)
        {
            int start = cursor.Position;
            string what = $"array {i}";
            int nameLength = cursor.ReadInt32(what);
            string name = Encoding.UTF8.GetString(cursor.Take(CheckedLength(nameLength, entryName, what), what));
            what = $"array '{name}'";
            var type = (ModelArrayElementType)cursor.Take(1, what)[0];
            int rank = cursor.ReadInt32(what);
            var shape = new int[CheckedLength(rank, entryName, what)];
            for (int d = 0; d < shape.Length; d++)
            {
                shape[d] = cursor.ReadInt32(what);
            }

            long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(cursor.Take(8, what));
            if (payloadLength < 0 || payloadLength > data.Length)
            {
                throw new InvalidDataException($"Model entry '{entryName}' is truncated or corrupt: {what} claims {payloadLength} bytes in an entry of {data.Length}.");
            }

            byte[] payload = cursor.Take((int)payloadLength, what).ToArray();
            uint computed = Crc32.Compute(data.AsSpan(start, cursor.Position - start));
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(cursor.Take(4, what));
            if (stored != computed)
            {
                throw new InvalidDataException(
                    $"Model entry '{entryName}' failed its checksum in {what} (stored 0x{stored:X8}, computed 0x{computed:X8}): the file is corrupt.");
            }

            long expected = shape.Aggregate(1L, (p, d) => p * d) * ModelArray.ElementSize(type);
            if (shape.Any(d => d < 0) || expected != payloadLength)
            {
                throw new InvalidDataException(
                    $"Model entry '{entryName}': {what} has shape [{string.Join(", ", shape)}] of {type} but {payloadLength} payload bytes.");
            }

            arrays.Add(new ModelArray(name, type, shape, payload));
        }

        return arrays;
    }

    private static int CheckedLength(int length, string entryName, string what) =>
        length is >= 0 and <= 1 << 20
            ? length
            : throw new InvalidDataException($"Model entry '{entryName}' is corrupt: {what} has an impossible length {length}.");

    /// <summary>Reads forward through an entry, reporting truncation with the entry's name.</summary>
    private sealed class Cursor(byte[] data, string entryName)
    {
        public int Position { get; private set; }

        public ReadOnlySpan<byte> Take(int count, string what)
        {
            if (count > data.Length - Position)
            {
                throw new InvalidDataException(
                    $"Model entry '{entryName}' is truncated: {what} needs {count} more bytes at offset {Position}, but the entry ends at {data.Length}.");
            }

            var span = data.AsSpan(Position, count);
            Position += count;
            return span;
        }

        public int ReadInt32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));
    }
}
