using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Loss functions; each returns the mean over elements (or rows) as a 0-D tensor.</content>
public static partial class Functional
{
    /// <summary>Mean squared error <c>mean((prediction − target)²)</c>.</summary>
    public static Tensor MseLoss(Tensor prediction, Tensor target) =>
        PointwiseLoss(prediction, target, "MseLoss", static d => VectorMath.SumOfSquares(d), static (d, g) => VectorMath.Multiply(d, 2f, g));

    /// <summary>Mean absolute error <c>mean(|prediction − target|)</c> (gradient 0 where they are equal).</summary>
    public static Tensor L1Loss(Tensor prediction, Tensor target) =>
        PointwiseLoss(prediction, target, "L1Loss", static d => VectorMath.SumOfMagnitudes(d), static (d, g) =>
        {
            for (int i = 0; i < d.Length; i++)
            {
                g[i] = MathF.Sign(d[i]);
            }
        });

    /// <summary>
    /// Binary cross-entropy of <c>sigmoid(logits)</c> against targets in [0, 1], computed stably from the logits:
    /// <c>mean(max(x, 0) − x·t + log(1 + e^−|x|))</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor target)
    {
        RequireSameShape(logits, target, "BinaryCrossEntropyWithLogits");
        ReadOnlySpan<float> x = logits.Data, t = target.Data;
        double total = 0;
        for (int i = 0; i < x.Length; i++)
        {
            total += StableSoftplus(x[i]) - (x[i] * t[i]);
        }

        int n = x.Length;
        var loss = Tensor.Empty([]);
        loss.Data[0] = (float)(total / n);
        if (Tracks(logits, target))
        {
            // d/dx = sigmoid(x) − t; d/dt = −x.
            loss.SetHistory([logits, target], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                float scale = o.Grad!.Data[0] / n;
                ReadOnlySpan<float> xv = logits.Data, tv = target.Data;
                if (logits.RequiresGrad)
                {
                    var dx = logits.GradSpan();
                    for (int i = 0; i < dx.Length; i++)
                    {
                        dx[i] += scale * (LogisticOf(xv[i]) - tv[i]);
                    }
                }

                if (target.RequiresGrad)
                {
                    var dt = target.GradSpan();
                    VectorMath.MultiplyAdd(xv, -scale, dt, dt);
                }
            });
        }

        return loss;
    }

    /// <summary>Cross-entropy of the row-wise softmax of <paramref name="logits"/> [N, C] against class indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor CrossEntropy(Tensor logits, ReadOnlySpan<int> targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        RequireRank(logits, 2, "CrossEntropy");
        int rows = logits.Dim(0), classes = logits.Dim(1);
        if (targets.Length != rows)
        {
            throw new ArgumentException($"CrossEntropy: logits of shape {Tensor.FormatShape(logits.ShapeView)} need {rows} targets, but {targets.Length} were given.");
        }

        using var logProbabilities = new ScratchBuffer(logits.Size);
        LogSoftmaxRows(logits.Data, logProbabilities.Span, classes);
        double total = 0;
        for (int i = 0; i < rows; i++)
        {
            int c = targets[i];
            if ((uint)c >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), $"CrossEntropy: target {c} of row {i} is outside 0..{classes - 1}.");
            }

            total -= logProbabilities.Span[(i * classes) + c];
        }

        var loss = Tensor.Empty([]);
        loss.Data[0] = (float)(total / rows);
        if (Tracks(logits))
        {
            int[] kept = targets.ToArray();
            loss.SetHistory([logits], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                // d/dlogits = (softmax − onehot) / N.
                float scale = o.Grad!.Data[0] / rows;
                var dx = logits.GradSpan();
                using var probabilities = new ScratchBuffer(logits.Size);
                SoftmaxRows(logits.Data, probabilities.Span, classes);
                VectorMath.MultiplyAdd(probabilities.Span, scale, dx, dx);
                for (int i = 0; i < rows; i++)
                {
                    dx[(i * classes) + kept[i]] -= scale;
                }
            });
        }

        return loss;
    }

    /// <summary>
    /// Cross-entropy against soft targets (rows of class probabilities, as Mixup produces):
    /// <c>mean over rows of −Σ t · log_softmax(logits)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor CrossEntropy(Tensor logits, Tensor targetProbabilities)
    {
        RequireSameShape(logits, targetProbabilities, "CrossEntropy");
        RequireRank(logits, 2, "CrossEntropy");
        return Neg(Mean(Sum(Mul(targetProbabilities, LogSoftmax(logits)), 1)));
    }

    /// <summary>
    /// Hinge loss <c>mean(max(0, margin − y·score))</c> for labels y in {−1, +1} (the margin piece of SVM-style and
    /// adversarial objectives).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor HingeLoss(Tensor scores, Tensor labels, float margin = 1f)
    {
        RequireSameShape(scores, labels, "HingeLoss");
        return Mean(Relu(Affine(Mul(scores, labels), -1f, margin)));
    }

    /// <summary>
    /// Margin ranking loss <c>mean(max(0, −y·(x1 − x2) + margin))</c>: asks x1 to exceed x2 by the margin where y = +1,
    /// and the reverse where y = −1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor MarginRankingLoss(Tensor x1, Tensor x2, Tensor labels, float margin = 0f)
    {
        RequireSameShape(x1, x2, "MarginRankingLoss");
        RequireSameShape(x1, labels, "MarginRankingLoss");
        return Mean(Relu(Affine(Mul(Sub(x1, x2), labels), -1f, margin)));
    }

    /// <summary>
    /// A mean over elements of a loss of the differences <c>prediction − target</c>: <paramref name="total"/> sums it
    /// over a span of differences and <paramref name="derivative"/> writes its element-wise derivative.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor PointwiseLoss(Tensor prediction, Tensor target, string name, SpanTotal total, SpanMap derivative)
    {
        RequireSameShape(prediction, target, name);
        int n = prediction.Size;
        var result = Tensor.Empty([]);
        using (var difference = new ScratchBuffer(n))
        {
            VectorMath.Subtract(prediction.Data, target.Data, difference.Span);
            result.Data[0] = total(difference.Span) / n;
        }

        if (Tracks(prediction, target))
        {
            result.SetHistory([prediction, target], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                float scale = o.Grad!.Data[0] / n;
                using var scratch = new ScratchBuffer(n);
                var d = scratch.Span;
                VectorMath.Subtract(prediction.Data, target.Data, d);
                derivative(d, d);
                if (prediction.RequiresGrad)
                {
                    var dp = prediction.GradSpan();
                    VectorMath.MultiplyAdd(d, scale, dp, dp);
                }

                if (target.RequiresGrad)
                {
                    var dt = target.GradSpan();
                    VectorMath.MultiplyAdd(d, -scale, dt, dt);
                }
            });
        }

        return result;
    }

    private delegate float SpanTotal(ReadOnlySpan<float> values);

    private static void RequireSameShape(Tensor a, Tensor b, string operation)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.ShapeView.AsSpan().SequenceEqual(b.ShapeView))
        {
            throw new ArgumentException($"{operation}: shapes {Tensor.FormatShape(a.ShapeView)} and {Tensor.FormatShape(b.ShapeView)} must be equal.");
        }
    }
}
