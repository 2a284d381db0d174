using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Softmax and log-softmax along the last dimension (rows of a matrix).</content>
public static partial class Functional
{
    /// <summary>The softmax of every row (last dimension).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Softmax(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        int width = RowWidth(x, "Softmax");
        SoftmaxRows(x.Data, y.Data, width);
        if (Tracks(x))
        {
            // dx = y ∘ (g − Σ g·y) per row.
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, ys = o.Data;
                var dx = x.GradSpan();
                for (int start = 0; start < ys.Length; start += width)
                {
                    var gr = g.Slice(start, width);
                    var yr = ys.Slice(start, width);
                    float dot = VectorMath.Dot(gr, yr);
                    var dr = dx.Slice(start, width);
                    for (int j = 0; j < width; j++)
                    {
                        dr[j] += yr[j] * (gr[j] - dot);
                    }
                }
            });
        }

        return y;
    }

    /// <summary>The log-softmax of every row (last dimension), computed stably.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor LogSoftmax(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        int width = RowWidth(x, "LogSoftmax");
        LogSoftmaxRows(x.Data, y.Data, width);
        if (Tracks(x))
        {
            // dx = g − softmax · Σ g per row, with softmax = e^y.
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, ys = o.Data;
                var dx = x.GradSpan();
                for (int start = 0; start < ys.Length; start += width)
                {
                    var gr = g.Slice(start, width);
                    var yr = ys.Slice(start, width);
                    float total = VectorMath.Sum(gr);
                    var dr = dx.Slice(start, width);
                    for (int j = 0; j < width; j++)
                    {
                        dr[j] += gr[j] - (MathF.Exp(yr[j]) * total);
                    }
                }
            });
        }

        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SoftmaxRows(ReadOnlySpan<float> x, Span<float> y, int width)
    {
        for (int start = 0; start < x.Length; start += width)
        {
            var xr = x.Slice(start, width);
            var yr = y.Slice(start, width);
            float max = VectorMath.Max(xr);
            VectorMath.Subtract(xr, max, yr);
            TensorPrimitives.Exp(yr, yr);
            VectorMath.Divide(yr, VectorMath.Sum(yr), yr);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void LogSoftmaxRows(ReadOnlySpan<float> x, Span<float> y, int width)
    {
        for (int start = 0; start < x.Length; start += width)
        {
            var xr = x.Slice(start, width);
            var yr = y.Slice(start, width);
            float max = VectorMath.Max(xr);
            VectorMath.Subtract(xr, max, yr);
            TensorPrimitives.Exp(yr, yr);
            float logSum = MathF.Log(VectorMath.Sum(yr)) + max;
            VectorMath.Subtract(xr, logSum, yr);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int RowWidth(Tensor x, string operation)
    {
        if (x.Rank == 0 || x.Dim(-1) == 0)
        {
            throw new ArgumentException($"{operation} needs a non-empty last dimension, but got shape {Tensor.FormatShape(x.ShapeView)}.");
        }

        return x.Dim(-1);
    }
}
