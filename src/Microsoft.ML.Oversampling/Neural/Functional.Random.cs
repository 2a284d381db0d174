using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Operations that draw random numbers (always from an explicit <see cref="DeterministicRandom"/>).</content>
public static partial class Functional
{
    /// <summary>
    /// Inverted dropout: in training, zeroes each element with probability <paramref name="probability"/> and scales
    /// the rest by <c>1/(1−p)</c>; otherwise returns <paramref name="x"/> itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Dropout(Tensor x, float probability, bool training, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        if (!(probability >= 0f && probability < 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), $"Dropout probability must be in [0, 1), but was {probability}.");
        }

        if (!training || probability == 0f)
        {
            return x;
        }

        float keep = 1f / (1f - probability);
        var mask = Tensor.Empty(x.ShapeView);
        var ms = mask.Data;
        for (int i = 0; i < ms.Length; i++)
        {
            ms[i] = random.NextSingle() < probability ? 0f : keep;
        }

        var y = Tensor.Empty(x.ShapeView);
        VectorMath.Multiply(x.Data, ms, y.Data);
        if (Tracks(x))
        {
            y.SetHistory([x], o => AccumulateProduct(o.Grad!.Data, mask.Data, x));
        }

        return y;
    }

    /// <summary>
    /// Gumbel-softmax of each row: <c>softmax((logits + g) / τ)</c> with Gumbel(0, 1) noise g. With
    /// <paramref name="hard"/>, the value is the one-hot of each row's argmax while the gradient is the soft sample's
    /// (straight-through estimator).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor GumbelSoftmax(Tensor logits, float temperature, bool hard, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(random);
        if (!(temperature > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), $"The temperature must be positive, but was {temperature}.");
        }

        var noise = Tensor.Empty(logits.ShapeView);
        var ns = noise.Data;
        for (int i = 0; i < ns.Length; i++)
        {
            // u in (0, 1) so both logarithms are finite.
            double u = (random.NextDouble() * (1.0 - 2e-10)) + 1e-10;
            ns[i] = (float)-Math.Log(-Math.Log(u));
        }

        var soft = Softmax(Mul(Add(logits, noise), 1f / temperature));
        return hard ? StraightThrough(soft, OneHotOfRowMax(soft)) : soft;
    }

    /// <summary>A tensor whose value is <paramref name="value"/> but whose gradient flows unchanged to <paramref name="surrogate"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Tensor StraightThrough(Tensor surrogate, Tensor value)
    {
        var y = value;
        if (Tracks(surrogate))
        {
            y = value.Clone();
            y.SetHistory([surrogate], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                var ds = surrogate.GradSpan();
                VectorMath.Add(ds, o.Grad!.Data, ds);
            });
        }

        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor OneHotOfRowMax(Tensor x)
    {
        int width = x.Dim(-1);
        var y = Tensor.Zeros(x.ShapeView.ToArray());
        ReadOnlySpan<float> xs = x.Data;
        var ys = y.Data;
        for (int start = 0; start < xs.Length; start += width)
        {
            ys[start + TensorPrimitives.IndexOfMax(xs.Slice(start, width))] = 1f;
        }

        return y;
    }
}
