using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Matrix products and the affine layer.</content>
public static partial class Functional
{
    /// <summary>
    /// The matrix product <c>op(a)·op(b)</c> of 2-D tensors, where <c>op</c> transposes when asked (no transposed copy
    /// is made).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        RequireRank(a, 2, "MatMul");
        RequireRank(b, 2, "MatMul");
        int m = transposeA ? a.Dim(1) : a.Dim(0), k = transposeA ? a.Dim(0) : a.Dim(1);
        int kb = transposeB ? b.Dim(1) : b.Dim(0), n = transposeB ? b.Dim(0) : b.Dim(1);
        if (k != kb)
        {
            throw new ArgumentException(
                $"MatMul: op(a) is {m}×{k} (shape {Tensor.FormatShape(a.ShapeView)}{(transposeA ? ", transposed" : string.Empty)}) but op(b) is {kb}×{n} (shape {Tensor.FormatShape(b.ShapeView)}{(transposeB ? ", transposed" : string.Empty)}).");
        }

        var y = Tensor.Empty([m, n]);
        Sgemm.Multiply(m, n, k, a.Data, a.Dim(1), transposeA, b.Data, b.Dim(1), transposeB, y.Data, n, accumulate: false);
        if (Tracks(a, b))
        {
            y.SetHistory([a, b], o => MatMulBackward(a, b, transposeA, transposeB, o.Grad!.Data, m, n, k));
        }

        return y;
    }

    /// <summary>The affine map <c>x·weightᵀ + bias</c> with <c>weight</c> of shape [out, in] (TorchSharp's <c>linear</c>).</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null) => Linear(x, weight, bias, GemmActivation.None);

    /// <summary>The affine map followed by an activation fused into the product's final pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Tensor Linear(Tensor x, Tensor weight, Tensor? bias, GemmActivation activation)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        RequireRank(x, 2, "Linear");
        RequireRank(weight, 2, "Linear");
        int m = x.Dim(0), k = x.Dim(1), n = weight.Dim(0);
        if (weight.Dim(1) != k)
        {
            throw new ArgumentException($"Linear: the input has shape {Tensor.FormatShape(x.ShapeView)} but the weight has shape {Tensor.FormatShape(weight.ShapeView)}; the weight needs {k} columns.");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Size != n))
        {
            throw new ArgumentException($"Linear: the weight has shape {Tensor.FormatShape(weight.ShapeView)} so the bias needs shape [{n}], but it has shape {Tensor.FormatShape(bias.ShapeView)}.");
        }

        var y = Tensor.Empty([m, n]);
        Sgemm.Multiply(m, n, k, x.Data, k, false, weight.Data, k, true, y.Data, n, accumulate: false,
            bias is null ? default : bias.Data, activation);
        bool tracks = Autograd.IsGradEnabled && (x.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false));
        if (tracks)
        {
            Tensor[] parents = bias is null ? [x, weight] : [x, weight, bias];
            y.SetHistory(parents, o => LinearBackward(x, weight, bias, activation, o, m, n, k));
        }

        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LinearBackward(Tensor x, Tensor weight, Tensor? bias, GemmActivation activation, Tensor output, int m, int n, int k)
    {
        ReadOnlySpan<float> g = output.Grad!.Data;
        using var scratch = new ScratchBuffer(activation == GemmActivation.None ? 0 : g.Length);
        if (activation == GemmActivation.Relu)
        {
            // Gradient through the fused ReLU: pass where the output is positive.
            var masked = scratch.Span;
            ReluMask.Apply(output.Data, g, masked, accumulate: false);
            g = masked;
        }

        // y = x·Wᵀ: dx = g·W, dW = gᵀ·x.
        MatMulBackward(x, weight, transposeA: false, transposeB: true, g, m, n, k);
        if (bias is not null && bias.RequiresGrad)
        {
            var db = bias.GradSpan();
            for (int i = 0; i < m; i++)
            {
                VectorMath.Add(db, g.Slice(i * n, n), db);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MatMulBackward(Tensor a, Tensor b, bool transposeA, bool transposeB, ReadOnlySpan<float> g, int m, int n, int k)
    {
        // C = op(A)·op(B) with g = dC (m×n).
        if (a.RequiresGrad)
        {
            var da = a.GradSpan(out bool fresh);
            if (!transposeA)
            {
                // dA (m×k) = g·op(B)ᵀ.
                Sgemm.Multiply(m, k, n, g, n, false, b.Data, b.Dim(1), !transposeB, da, k, accumulate: !fresh);
            }
            else
            {
                // dA (k×m) = op(B)·gᵀ.
                Sgemm.Multiply(k, m, n, b.Data, b.Dim(1), transposeB, g, n, true, da, m, accumulate: !fresh);
            }
        }

        if (b.RequiresGrad)
        {
            var db = b.GradSpan(out bool fresh);
            if (!transposeB)
            {
                // dB (k×n) = op(A)ᵀ·g.
                Sgemm.Multiply(k, n, m, a.Data, a.Dim(1), !transposeA, g, n, false, db, n, accumulate: !fresh);
            }
            else
            {
                // dB (n×k) = gᵀ·op(A).
                Sgemm.Multiply(n, k, m, g, n, true, a.Data, a.Dim(1), transposeA, db, k, accumulate: !fresh);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RequireRank(Tensor x, int rank, string operation)
    {
        if (x.Rank != rank)
        {
            throw new ArgumentException($"{operation} needs a {rank}-D tensor, but got shape {Tensor.FormatShape(x.ShapeView)}.");
        }
    }
}
