using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Activation functions.</content>
public static partial class Functional
{
    /// <summary><c>max(0, x)</c>.</summary>
    public static Tensor Relu(Tensor x) => LeakyRelu(x, 0f);

    /// <summary><c>x</c> for positive x, <c>slope·x</c> otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor LeakyRelu(Tensor x, float negativeSlope = 0.01f)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        if (negativeSlope == 0f)
        {
            VectorMath.Max(xs, 0f, ys);
        }
        else
        {
            for (int i = 0; i < ys.Length; i++)
            {
                ys[i] = xs[i] > 0f ? xs[i] : negativeSlope * xs[i];
            }
        }

        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, xv = x.Data;
                var dx = x.GradSpan(out bool fresh);
                if (negativeSlope == 0f)
                {
                    ReluMask.Apply(xv, g, dx, accumulate: !fresh);
                    return;
                }

                if (fresh)
                {
                    dx.Clear();
                }

                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += xv[i] > 0f ? g[i] : negativeSlope * g[i];
                }
            });
        }

        return y;
    }

    /// <summary>The hyperbolic tangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Tanh(Tensor x)
    {
        var y = Unary(x, static (s, d) => TensorPrimitives.Tanh(s, d));
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, ys = o.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += g[i] * (1f - (ys[i] * ys[i]));
                }
            });
        }

        return y;
    }

    /// <summary>The logistic function <c>1 / (1 + e⁻ˣ)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Sigmoid(Tensor x)
    {
        var y = Unary(x, static (s, d) => TensorPrimitives.Sigmoid(s, d));
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, ys = o.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += g[i] * ys[i] * (1f - ys[i]);
                }
            });
        }

        return y;
    }

    /// <summary><c>log(1 + eˣ)</c>, computed without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Softplus(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        for (int i = 0; i < ys.Length; i++)
        {
            ys[i] = StableSoftplus(xs[i]);
        }

        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                ReadOnlySpan<float> g = o.Grad!.Data, xv = x.Data;
                var dx = x.GradSpan();
                for (int i = 0; i < dx.Length; i++)
                {
                    dx[i] += g[i] * LogisticOf(xv[i]);
                }
            });
        }

        return y;
    }

    /// <summary><c>log(1 + eˣ) = max(x, 0) + log(1 + e^-|x|)</c>.</summary>
    internal static float StableSoftplus(float x) => MathF.Max(x, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(x)));

    internal static float LogisticOf(float x) => x >= 0f ? 1f / (1f + MathF.Exp(-x)) : MathF.Exp(x) / (1f + MathF.Exp(x));
}
