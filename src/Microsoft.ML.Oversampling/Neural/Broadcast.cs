namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// NumPy-style broadcasting of two shapes, right-aligned and padded to three dimensions: the output dimensions and,
/// for each operand, the stride of every output dimension (0 where the operand is repeated).
/// </summary>
internal readonly struct Broadcast
{
    private Broadcast(int[] shape, Strides3 dims, Strides3 left, Strides3 right)
    {
        Shape = shape;
        Dims = dims;
        Left = left;
        Right = right;
    }

    /// <summary>The output shape.</summary>
    public int[] Shape { get; }

    /// <summary>The output dimensions, padded on the left with ones.</summary>
    public Strides3 Dims { get; }

    /// <summary>Strides of the left operand over the output dimensions.</summary>
    public Strides3 Left { get; }

    /// <summary>Strides of the right operand over the output dimensions.</summary>
    public Strides3 Right { get; }

    /// <summary>The contiguous strides of the output itself.</summary>
    public Strides3 Output => new(Dims.D1 * Dims.D2, Dims.D2, 1);

    public static Broadcast Of(Tensor left, Tensor right, string operation)
    {
        int[] a = left.ShapeView, b = right.ShapeView;
        int rank = Math.Max(a.Length, b.Length);
        Span<int> pa = stackalloc int[3], pb = stackalloc int[3], po = stackalloc int[3];
        for (int d = 0; d < 3; d++)
        {
            int ia = d - (3 - a.Length), ib = d - (3 - b.Length);
            pa[d] = ia >= 0 ? a[ia] : 1;
            pb[d] = ib >= 0 ? b[ib] : 1;
            if (pa[d] != pb[d] && pa[d] != 1 && pb[d] != 1)
            {
                throw new ArgumentException($"{operation}: shapes {Tensor.FormatShape(a)} and {Tensor.FormatShape(b)} cannot be broadcast together.");
            }

            po[d] = pa[d] == 1 ? pb[d] : pa[d];
        }

        var shape = po[(3 - rank)..].ToArray();
        return new Broadcast(shape, new Strides3(po[0], po[1], po[2]), StridesOf(pa, po), StridesOf(pb, po));
    }

    private static Strides3 StridesOf(ReadOnlySpan<int> dims, ReadOnlySpan<int> output)
    {
        int s2 = 1, s1 = dims[2], s0 = dims[1] * dims[2];
        return new Strides3(
            dims[0] == output[0] ? s0 : 0,
            dims[1] == output[1] ? s1 : 0,
            dims[2] == output[2] ? s2 : 0);
    }
}
