using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>The element types of saved arrays (their codes in the binary entry format).</summary>
internal enum ModelArrayElementType : byte
{
    Single = 1,
    Double = 2,
    Int32 = 3,
}

/// <summary>A named array with its shape, as stored in a component's entry (payload little-endian).</summary>
internal sealed record ModelArray(string Name, ModelArrayElementType ElementType, int[] Shape, byte[] Payload)
{
    /// <summary>Creates the array from typed values, checking that the shape matches their count.</summary>
    public static ModelArray Create<T>(string name, ReadOnlySpan<T> values, int[] shape)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ModelArrayElementType type = ElementTypeOf<T>();
        shape = shape.Length == 0 ? [values.Length] : shape;
        long count = 1;
        foreach (int d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
        }

        if (count != values.Length)
        {
            throw new ArgumentException($"Array '{name}' has {values.Length} values but shape [{string.Join(", ", shape)}] holds {count}.", nameof(shape));
        }

        return new ModelArray(name, type, [.. shape], MemoryMarshal.AsBytes(values).ToArray());
    }

    /// <summary>The values, typed; the caller has checked <see cref="ElementType"/>.</summary>
    public T[] GetValues<T>()
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(Payload).ToArray();

    /// <summary>The size in bytes of one element.</summary>
    public static int ElementSize(ModelArrayElementType type) => type switch
    {
        ModelArrayElementType.Single or ModelArrayElementType.Int32 => 4,
        ModelArrayElementType.Double => 8,
        _ => throw new InvalidDataException($"unknown element type code {(byte)type}"),
    };

    /// <summary>The element type code of <typeparamref name="T"/>.</summary>
    public static ModelArrayElementType ElementTypeOf<T>() =>
        typeof(T) == typeof(float) ? ModelArrayElementType.Single
        : typeof(T) == typeof(double) ? ModelArrayElementType.Double
        : typeof(T) == typeof(int) ? ModelArrayElementType.Int32
        : throw new NotSupportedException($"Arrays of {typeof(T).Name} cannot be saved; use float, double or int.");
}
