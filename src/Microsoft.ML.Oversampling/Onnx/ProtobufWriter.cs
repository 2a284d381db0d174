using System.Text;

namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>
/// Writes one protocol-buffers message in the wire format (varint, 64-bit and length-delimited fields): the small
/// subset that ONNX's <c>ModelProto</c> needs. Nested messages are written by a child writer and added as bytes.
/// Fields are written in the order they are added; proto3 readers accept any order.
/// </summary>
internal sealed class ProtobufWriter
{
    private const int VarintType = 0, LengthDelimitedType = 2;
    private readonly MemoryStream _buffer = new();

    /// <summary>A varint field (int32, int64 and enum fields; negative values take ten bytes, as protobuf specifies).</summary>
    public ProtobufWriter Int64(int field, long value)
    {
        Tag(field, VarintType);
        Varint(unchecked((ulong)value));
        return this;
    }

    /// <summary>A UTF-8 string field.</summary>
    public ProtobufWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>A bytes field (also an embedded message's serialised form).</summary>
    public ProtobufWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimitedType);
        Varint((ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    /// <summary>An embedded message field, present even when empty (presence matters for ONNX's tensor shapes).</summary>
    public ProtobufWriter Message(int field, ProtobufWriter message) => Bytes(field, message.ToArray());

    /// <summary>The serialised message.</summary>
    public byte[] ToArray() => _buffer.ToArray();

    private void Tag(int field, int wireType) => Varint(((ulong)field << 3) | (uint)wireType);

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _buffer.WriteByte((byte)value);
    }
}
