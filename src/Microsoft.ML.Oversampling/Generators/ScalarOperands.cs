using TorchSharp;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// Tensor–number operations whose number outlives the native call. TorchSharp turns a <see cref="double"/> operand
/// (<c>t.mul(0.5)</c>, <c>t.clamp_min(1)</c>) into a temporary <see cref="Scalar"/> that nothing references once its
/// handle is read, so a garbage collection during the call can finalize it, freeing the native value LibTorch is
/// reading: an AutoSMOTE fit on 11,000 rows crashed that way in 3 of 3 runs. Here each scalar is held (and disposed)
/// by a <c>using</c> around the call. Tensor + tensor has the same hazard (TorchSharp passes a temporary alpha of 1),
/// so sums take a 1 that lives as long as the process.
/// </summary>
internal static class ScalarOperands
{
    private static readonly Scalar One = 1.0.ToScalar();

    /// <summary><paramref name="tensor"/> + <paramref name="other"/>.</summary>
    public static Tensor Plus(this Tensor tensor, Tensor other) => tensor.add(other, One);

    /// <summary><paramref name="tensor"/> − <paramref name="other"/> (TorchSharp's tensor − tensor takes no scalar; here
    /// for symmetry with <see cref="Plus"/>, so call sites need not know which operations are safe).</summary>
    public static Tensor Minus(this Tensor tensor, Tensor other) => tensor.sub(other);

    /// <summary><paramref name="tensor"/> · <paramref name="value"/>.</summary>
    public static Tensor MulBy(this Tensor tensor, double value) => Held(value, tensor.mul);

    /// <summary><paramref name="tensor"/> / <paramref name="value"/>.</summary>
    public static Tensor DividedBy(this Tensor tensor, double value) => Held(value, scalar => tensor.div(scalar));

    /// <summary><paramref name="tensor"/> − <paramref name="value"/>.</summary>
    public static Tensor Minus(this Tensor tensor, double value) => Held(value, tensor.sub);

    /// <summary><paramref name="tensor"/> with every element below <paramref name="value"/> raised to it.</summary>
    public static Tensor AtLeast(this Tensor tensor, double value) => Held(value, tensor.clamp_min);

    /// <summary>Runs <paramref name="operation"/> on <paramref name="value"/> as a scalar held until it returns.</summary>
    private static Tensor Held(double value, Func<Scalar, Tensor> operation)
    {
        using Scalar scalar = value.ToScalar();
        return operation(scalar);
    }

    /// <summary>softplus(z) = log(1 + eᶻ), as max(z, 0) + log1p(e^−|z|): exact in floating point for every z, and
    /// built of operations without scalar operands (TorchSharp's <c>softplus</c> passes two temporaries).</summary>
    public static Tensor Softplus(this Tensor z)
    {
        using Tensor positive = z.relu();
        using Tensor magnitude = z.abs();
        using Tensor negated = magnitude.neg();
        using Tensor exponential = negated.exp();
        using Tensor tail = exponential.log1p();
        return positive.Plus(tail);
    }
}
