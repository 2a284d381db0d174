using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Element-wise mathematical functions.</content>
public static partial class Functional
{
    /// <summary><c>eˣ</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Exp(Tensor x)
    {
        var y = Unary(x, static (s, d) => TensorPrimitives.Exp(s, d));
        if (Tracks(x))
        {
            // d eˣ = eˣ.
            y.SetHistory([x], o => AccumulateProduct(o.Grad!.Data, o.Data, x));
        }

        return y;
    }

    /// <summary>The natural logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Log(Tensor x)
    {
        var y = Unary(x, static (s, d) => TensorPrimitives.Log(s, d));
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, xs = x.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += g[i] / xs[i];
                }
            });
        }

        return y;
    }

    /// <summary>The square root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Sqrt(Tensor x)
    {
        var y = Unary(x, static (s, d) => TensorPrimitives.Sqrt(s, d));
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, ys = o.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += 0.5f * g[i] / ys[i];
                }
            });
        }

        return y;
    }

    /// <summary><c>xᵖ</c> for a constant exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Pow(Tensor x, float exponent)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        for (int i = 0; i < ys.Length; i++)
        {
            ys[i] = MathF.Pow(xs[i], exponent);
        }

        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, xv = x.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += g[i] * exponent * MathF.Pow(xv[i], exponent - 1f);
                }
            });
        }

        return y;
    }

    /// <summary>The absolute value (gradient 0 at 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Abs(Tensor x)
    {
        var y = Unary(x, static (s, d) => TensorPrimitives.Abs(s, d));
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, xs = x.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += xs[i] > 0f ? g[i] : xs[i] < 0f ? -g[i] : 0f;
                }
            });
        }

        return y;
    }

    /// <summary>Limits every value to [<paramref name="min"/>, <paramref name="max"/>]; the gradient passes inside the range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Clamp(Tensor x, float min, float max)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(min <= max))
        {
            throw new ArgumentException($"Clamp needs min <= max, but got min={min} and max={max}.");
        }

        var y = Tensor.Empty(x.ShapeView);
        TensorPrimitives.Clamp(x.Data, min, max, y.Data);
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, xs = x.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    if (xs[i] >= min && xs[i] <= max)
                    {
                        dx[i] += g[i];
                    }
                }
            });
        }

        return y;
    }

    /// <summary>Allocates the result of an element-wise function and fills it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor Unary(Tensor x, SpanMap map)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        map(x.Data, y.Data);
        return y;
    }

    /// <summary><c>x.grad += g * factor</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AccumulateProduct(ReadOnlySpan<float> g, ReadOnlySpan<float> factor, Tensor x)
    {
        var dx = x.GradSpan();
        VectorMath.MultiplyAdd(g, factor, dx, dx);
    }

    private delegate void SpanMap(ReadOnlySpan<float> source, Span<float> destination);
}
