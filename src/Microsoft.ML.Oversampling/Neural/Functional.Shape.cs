using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Concatenation, slicing and row gathering.</content>
public static partial class Functional
{
    /// <summary>
    /// Joins tensors along <paramref name="dimension"/> (default: the last, i.e. columns); all other dimensions must
    /// agree (TorchSharp's <c>cat</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int dimension = -1)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor.", nameof(tensors));
        }

        var first = tensors[0];
        int d = first.NormalizeDimension(dimension);
        var shape = first.Shape;
        int total = 0;
        foreach (var t in tensors)
        {
            bool compatible = t.Rank == first.Rank;
            for (int i = 0; compatible && i < t.Rank; i++)
            {
                compatible = i == d || t.ShapeView[i] == shape[i];
            }

            if (!compatible)
            {
                throw new ArgumentException($"Concat along dimension {d}: shape {Tensor.FormatShape(t.ShapeView)} does not match shape {Tensor.FormatShape(first.ShapeView)} in the other dimensions.", nameof(tensors));
            }

            total += t.ShapeView[d];
        }

        shape[d] = total;
        var y = Tensor.Empty(shape);
        var (outer, _, inner) = SplitAround(shape, d);
        var ys = y.Data;
        int offset = 0;
        bool tracks = false;
        foreach (var t in tensors)
        {
            int block = t.ShapeView[d] * inner;
            ReadOnlySpan<float> ts = t.Data;
            for (int o = 0; o < outer; o++)
            {
                ts.Slice(o * block, block).CopyTo(ys.Slice((o * total * inner) + offset, block));
            }

            offset += block;
            tracks |= Tracks(t);
        }

        if (tracks)
        {
            var parents = tensors.ToArray();
            y.SetHistory(parents, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (output) =>
            {
                ReadOnlySpan<float> g = output.Grad!.Data;
                int at = 0;
                foreach (var t in parents)
                {
                    int block = t.ShapeView[d] * inner;
                    if (t.RequiresGrad)
                    {
                        var dt = t.GradSpan();
                        for (int o = 0; o < outer; o++)
                        {
                            var target = dt.Slice(o * block, block);
                            VectorMath.Add(target, g.Slice((o * total * inner) + at, block), target);
                        }
                    }

                    at += block;
                }
            });
        }

        return y;
    }

    /// <summary>
    /// The <paramref name="length"/> entries starting at <paramref name="start"/> along <paramref name="dimension"/>
    /// (default: columns), as a copy (TorchSharp's <c>narrow</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Narrow(Tensor x, int start, int length, int dimension = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.NormalizeDimension(dimension);
        int size = x.ShapeView[d];
        if (start < 0 || length < 0 || start + length > size)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Narrow: entries {start}..{start + length - 1} do not fit in dimension {d} of shape {Tensor.FormatShape(x.ShapeView)}.");
        }

        var shape = x.Shape;
        shape[d] = length;
        var y = Tensor.Empty(shape);
        var (outer, _, inner) = SplitAround(shape, d);
        int sourceBlock = size * inner, block = length * inner, skip = start * inner;
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        for (int o = 0; o < outer; o++)
        {
            xs.Slice((o * sourceBlock) + skip, block).CopyTo(ys.Slice(o * block, block));
        }

        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (output) =>
            {
                ReadOnlySpan<float> g = output.Grad!.Data;
                var dx = x.GradSpan();
                for (int o = 0; o < outer; o++)
                {
                    var target = dx.Slice((o * sourceBlock) + skip, block);
                    VectorMath.Add(target, g.Slice(o * block, block), target);
                }
            });
        }

        return y;
    }

    /// <summary>
    /// The rows (entries of the first dimension) at <paramref name="indices"/>, in that order; repeats are allowed
    /// (TorchSharp's <c>index_select(0, …)</c>; used for mini-batches and pairs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor IndexSelect(Tensor x, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0)
        {
            throw new ArgumentException("IndexSelect needs at least one dimension.", nameof(x));
        }

        int rows = x.ShapeView[0];
        int width = rows == 0 ? 0 : x.Size / rows;
        var shape = x.Shape;
        shape[0] = indices.Length;
        var y = Tensor.Empty(shape);
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        for (int i = 0; i < indices.Length; i++)
        {
            int r = indices[i];
            if ((uint)r >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"IndexSelect: index {r} is outside 0..{rows - 1} for shape {Tensor.FormatShape(x.ShapeView)}.");
            }

            xs.Slice(r * width, width).CopyTo(ys.Slice(i * width, width));
        }

        if (Tracks(x))
        {
            int[] kept = indices.ToArray();
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (output) =>
            {
                ReadOnlySpan<float> g = output.Grad!.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < kept.Length; i++)
                {
                    var target = dx.Slice(kept[i] * width, width);
                    VectorMath.Add(target, g.Slice(i * width, width), target);
                }
            });
        }

        return y;
    }

    /// <summary>The same values with a new shape of equal size (a copy; TorchSharp's <c>reshape</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Reshape(Tensor x, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(shape);
        if (y.Size != x.Size)
        {
            throw new ArgumentException($"Reshape: shape {Tensor.FormatShape(x.ShapeView)} has {x.Size} elements but shape {Tensor.FormatShape(shape)} has {y.Size}.");
        }

        x.Data.CopyTo(y.Data);
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (output) =>
            {
                var dx = x.GradSpan();
                VectorMath.Add(dx, output.Grad!.Data, dx);
            });
        }

        return y;
    }

    /// <summary>The transpose of a 2-D tensor, as a copy (TorchSharp's <c>t()</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Transpose(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireRank(x, 2, "Transpose");
        int rows = x.Dim(0), columns = x.Dim(1);
        var y = Tensor.Empty([columns, rows]);
        TransposeInto(x.Data, rows, columns, y.Data, accumulate: false);
        if (Tracks(x))
        {
            y.SetHistory([x], output => TransposeInto(output.Grad!.Data, columns, rows, x.GradSpan(), accumulate: true));
        }

        return y;
    }

    private static void TransposeInto(ReadOnlySpan<float> source, int rows, int columns, Span<float> destination, bool accumulate)
    {
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                float v = source[(i * columns) + j];
                destination[(j * rows) + i] = accumulate ? destination[(j * rows) + i] + v : v;
            }
        }
    }
}
