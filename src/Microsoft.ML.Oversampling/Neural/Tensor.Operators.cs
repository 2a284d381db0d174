namespace Microsoft.ML.Oversampling.Neural;

/// <content>Operator and method shorthands for the common <see cref="Functional"/> operations.</content>
public sealed partial class Tensor
{
    /// <summary><see cref="Functional.Add(Tensor, Tensor)"/>.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Functional.Add(a, b);

    /// <summary><see cref="Functional.Sub(Tensor, Tensor)"/>.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Functional.Sub(a, b);

    /// <summary><see cref="Functional.Mul(Tensor, Tensor)"/>.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Functional.Mul(a, b);

    /// <summary><see cref="Functional.Div(Tensor, Tensor)"/>.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Functional.Div(a, b);

    /// <summary><c>x + value</c>.</summary>
    public static Tensor operator +(Tensor x, float value) => Functional.Affine(x, 1f, value);

    /// <summary><c>value + x</c>.</summary>
    public static Tensor operator +(float value, Tensor x) => Functional.Affine(x, 1f, value);

    /// <summary><c>x - value</c>.</summary>
    public static Tensor operator -(Tensor x, float value) => Functional.Affine(x, 1f, -value);

    /// <summary><c>value - x</c>.</summary>
    public static Tensor operator -(float value, Tensor x) => Functional.Affine(x, -1f, value);

    /// <summary><c>x * value</c>.</summary>
    public static Tensor operator *(Tensor x, float value) => Functional.Affine(x, value, 0f);

    /// <summary><c>value * x</c>.</summary>
    public static Tensor operator *(float value, Tensor x) => Functional.Affine(x, value, 0f);

    /// <summary><c>x / value</c>.</summary>
    public static Tensor operator /(Tensor x, float value) => Functional.Affine(x, 1f / value, 0f);

    /// <summary><c>-x</c>.</summary>
    public static Tensor operator -(Tensor x) => Functional.Neg(x);

    /// <summary><see cref="Functional.MatMul"/> without transposes.</summary>
    public Tensor MatMul(Tensor other) => Functional.MatMul(this, other);

    /// <summary><see cref="Functional.Sum(Tensor)"/>.</summary>
    public Tensor Sum() => Functional.Sum(this);

    /// <summary><see cref="Functional.Mean(Tensor)"/>.</summary>
    public Tensor Mean() => Functional.Mean(this);

    /// <summary><see cref="Functional.Sum(Tensor, int, bool)"/>.</summary>
    public Tensor Sum(int dimension, bool keepDimension = false) => Functional.Sum(this, dimension, keepDimension);

    /// <summary><see cref="Functional.Mean(Tensor, int, bool)"/>.</summary>
    public Tensor Mean(int dimension, bool keepDimension = false) => Functional.Mean(this, dimension, keepDimension);
}
