using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Sums and means.</content>
public static partial class Functional
{
    /// <summary>The sum of all elements, as a 0-D tensor.</summary>
    public static Tensor Sum(Tensor x) => ReduceAll(x, 1f);

    /// <summary>The mean of all elements, as a 0-D tensor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Mean(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return ReduceAll(x, 1f / x.Size);
    }

    /// <summary>The sums along <paramref name="dimension"/> (negative counts from the end).</summary>
    /// <param name="x">The input.</param>
    /// <param name="dimension">The dimension that is summed away.</param>
    /// <param name="keepDimension">Keep the summed dimension with size 1 (so the result broadcasts against <paramref name="x"/>).</param>
    public static Tensor Sum(Tensor x, int dimension, bool keepDimension = false) => ReduceAlong(x, dimension, keepDimension, mean: false);

    /// <summary>The means along <paramref name="dimension"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="dimension">The dimension that is averaged away.</param>
    /// <param name="keepDimension">Keep the averaged dimension with size 1.</param>
    public static Tensor Mean(Tensor x, int dimension, bool keepDimension = false) => ReduceAlong(x, dimension, keepDimension, mean: true);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor ReduceAll(Tensor x, float scale)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty([]);
        y.Data[0] = scale * VectorMath.Sum(x.Data);
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                var dx = x.GradSpan();
                VectorMath.Add(dx, scale * o.Grad!.Data[0], dx);
            });
        }

        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor ReduceAlong(Tensor x, int dimension, bool keepDimension, bool mean)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.NormalizeDimension(dimension);
        var (outer, length, inner) = SplitAround(x.ShapeView, d);
        var shape = x.Shape;
        shape[d] = 1;
        var y = Tensor.Empty(keepDimension ? shape : [.. shape[..d], .. shape[(d + 1)..]]);
        float scale = mean && length > 0 ? 1f / length : 1f;
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        ys.Clear();
        for (int o = 0; o < outer; o++)
        {
            var target = ys.Slice(o * inner, inner);
            for (int l = 0; l < length; l++)
            {
                VectorMath.Add(target, xs.Slice(((o * length) + l) * inner, inner), target);
            }

            VectorMath.Multiply(target, scale, target);
        }

        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (output) =>
            {
                ReadOnlySpan<float> g = output.Grad!.Data;
                var dx = x.GradSpan();
                for (int o = 0; o < outer; o++)
                {
                    var source = g.Slice(o * inner, inner);
                    for (int l = 0; l < length; l++)
                    {
                        var target = dx.Slice(((o * length) + l) * inner, inner);
                        VectorMath.MultiplyAdd(source, scale, target, target);
                    }
                }
            });
        }

        return y;
    }

    /// <summary>Views a shape as (outer, shape[dimension], inner) for loops along one dimension.</summary>
    private static (int Outer, int Length, int Inner) SplitAround(ReadOnlySpan<int> shape, int dimension)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < dimension; i++)
        {
            outer *= shape[i];
        }

        for (int i = dimension + 1; i < shape.Length; i++)
        {
            inner *= shape[i];
        }

        return (outer, shape[dimension], inner);
    }
}
