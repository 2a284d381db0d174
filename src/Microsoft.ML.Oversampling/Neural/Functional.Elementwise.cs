using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <content>Binary arithmetic with broadcasting, and arithmetic with scalars.</content>
public static partial class Functional
{
    private enum BinaryOperation
    {
        Add,
        Subtract,
        Multiply,
        Divide,
    }

    /// <summary><c>a + b</c>, broadcasting (e.g. a row vector over the rows of a matrix).</summary>
    public static Tensor Add(Tensor a, Tensor b) => Binary(BinaryOperation.Add, a, b);

    /// <summary><c>a - b</c>, broadcasting.</summary>
    public static Tensor Sub(Tensor a, Tensor b) => Binary(BinaryOperation.Subtract, a, b);

    /// <summary><c>a * b</c> element by element, broadcasting.</summary>
    public static Tensor Mul(Tensor a, Tensor b) => Binary(BinaryOperation.Multiply, a, b);

    /// <summary><c>a / b</c> element by element, broadcasting.</summary>
    public static Tensor Div(Tensor a, Tensor b) => Binary(BinaryOperation.Divide, a, b);

    /// <summary><c>x + value</c>.</summary>
    public static Tensor Add(Tensor x, float value) => Affine(x, 1f, value);

    /// <summary><c>x * value</c>.</summary>
    public static Tensor Mul(Tensor x, float value) => Affine(x, value, 0f);

    /// <summary><c>-x</c>.</summary>
    public static Tensor Neg(Tensor x) => Affine(x, -1f, 0f);

    /// <summary><c>scale * x + shift</c> in one pass.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Affine(Tensor x, float scale, float shift)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Tensor.Empty(x.ShapeView);
        VectorMath.Multiply(x.Data, scale, y.Data);
        VectorMath.Add(y.Data, shift, y.Data);
        if (Tracks(x))
        {
            y.SetHistory([x], [MethodImpl(MethodImplOptions.AggressiveOptimization)] (o) =>
            {
                var dx = x.GradSpan();
                VectorMath.MultiplyAdd(o.Grad!.Data, scale, dx, dx);
            });
        }

        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor Binary(BinaryOperation operation, Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var plan = Broadcast.Of(a, b, operation switch
        {
            BinaryOperation.Add => "Add",
            BinaryOperation.Subtract => "Sub",
            BinaryOperation.Multiply => "Mul",
            _ => "Div",
        });
        var y = Tensor.Empty(plan.Shape);
        Apply(operation, plan.Dims, a.Data, plan.Left, b.Data, plan.Right, y.Data);
        if (Tracks(a, b))
        {
            y.SetHistory([a, b], o => BinaryBackward(operation, plan, a, b, o));
        }

        return y;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BinaryBackward(BinaryOperation operation, Broadcast plan, Tensor a, Tensor b, Tensor output)
    {
        var g = output.Grad!.Data;
        var dims = plan.Dims;
        var full = plan.Output;
        using var scratch = new ScratchBuffer(g.Length);
        if (a.RequiresGrad)
        {
            // d(a∘b)/da: 1 for +/-, b for *, 1/b for /.
            ReadOnlySpan<float> contribution = g;
            if (operation is BinaryOperation.Multiply or BinaryOperation.Divide)
            {
                Apply(operation, dims, g, full, b.Data, plan.Right, scratch.Span);
                contribution = scratch.Span;
            }

            ReduceInto(dims, contribution, plan.Left, a.GradSpan(), 1f);
        }

        if (b.RequiresGrad)
        {
            switch (operation)
            {
                case BinaryOperation.Add:
                    ReduceInto(dims, g, plan.Right, b.GradSpan(), 1f);
                    break;
                case BinaryOperation.Subtract:
                    ReduceInto(dims, g, plan.Right, b.GradSpan(), -1f);
                    break;
                case BinaryOperation.Multiply:
                    Apply(BinaryOperation.Multiply, dims, g, full, a.Data, plan.Left, scratch.Span);
                    ReduceInto(dims, scratch.Span, plan.Right, b.GradSpan(), 1f);
                    break;
                default:
                    // d(a/b)/db = -(a/b)/b = -y/b.
                    Apply(BinaryOperation.Multiply, dims, g, full, output.Data, full, scratch.Span);
                    Apply(BinaryOperation.Divide, dims, scratch.Span, full, b.Data, plan.Right, scratch.Span);
                    ReduceInto(dims, scratch.Span, plan.Right, b.GradSpan(), -1f);
                    break;
            }
        }
    }

    /// <summary>Element-wise <paramref name="operation"/> over broadcast operands, row by row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Apply(
        BinaryOperation operation, Strides3 dims, ReadOnlySpan<float> a, Strides3 sa, ReadOnlySpan<float> b, Strides3 sb, Span<float> y)
    {
        int n = dims.D2;
        for (int i0 = 0; i0 < dims.D0; i0++)
        {
            for (int i1 = 0; i1 < dims.D1; i1++)
            {
                int ao = (i0 * sa.D0) + (i1 * sa.D1), bo = (i0 * sb.D0) + (i1 * sb.D1);
                var ys = y.Slice(((i0 * dims.D1) + i1) * n, n);
                bool aRow = sa.D2 == 1 || n == 1, bRow = sb.D2 == 1 || n == 1;
                if (aRow && bRow)
                {
                    ApplyRows(operation, a.Slice(ao, n), b.Slice(bo, n), ys);
                }
                else if (aRow)
                {
                    ApplyRowScalar(operation, a.Slice(ao, n), b[bo], ys);
                }
                else if (bRow)
                {
                    ApplyScalarRow(operation, a[ao], b.Slice(bo, n), ys);
                }
                else
                {
                    ys.Fill(ApplyScalars(operation, a[ao], b[bo]));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyRows(BinaryOperation operation, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (operation)
        {
            case BinaryOperation.Add: VectorMath.Add(a, b, y); break;
            case BinaryOperation.Subtract: VectorMath.Subtract(a, b, y); break;
            case BinaryOperation.Multiply: VectorMath.Multiply(a, b, y); break;
            default: VectorMath.Divide(a, b, y); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyRowScalar(BinaryOperation operation, ReadOnlySpan<float> a, float b, Span<float> y)
    {
        switch (operation)
        {
            case BinaryOperation.Add: VectorMath.Add(a, b, y); break;
            case BinaryOperation.Subtract: VectorMath.Subtract(a, b, y); break;
            case BinaryOperation.Multiply: VectorMath.Multiply(a, b, y); break;
            default: VectorMath.Divide(a, b, y); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplyScalarRow(BinaryOperation operation, float a, ReadOnlySpan<float> b, Span<float> y)
    {
        switch (operation)
        {
            case BinaryOperation.Add: VectorMath.Add(b, a, y); break;
            case BinaryOperation.Subtract: VectorMath.Subtract(a, b, y); break;
            case BinaryOperation.Multiply: VectorMath.Multiply(b, a, y); break;
            default: VectorMath.Divide(a, b, y); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float ApplyScalars(BinaryOperation operation, float a, float b) => operation switch
    {
        BinaryOperation.Add => a + b,
        BinaryOperation.Subtract => a - b,
        BinaryOperation.Multiply => a * b,
        _ => a / b,
    };

    /// <summary>
    /// Adds <c>scale · full</c> (laid out in the output dimensions) into <paramref name="target"/>, summing over the
    /// dimensions along which the target was broadcast (its stride is 0 there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReduceInto(Strides3 dims, ReadOnlySpan<float> full, Strides3 st, Span<float> target, float scale)
    {
        int n = dims.D2;
        for (int i0 = 0; i0 < dims.D0; i0++)
        {
            for (int i1 = 0; i1 < dims.D1; i1++)
            {
                int to = (i0 * st.D0) + (i1 * st.D1);
                var row = full.Slice(((i0 * dims.D1) + i1) * n, n);
                if (st.D2 == 1 || n == 1)
                {
                    var t = target.Slice(to, n);
                    VectorMath.MultiplyAdd(row, scale, t, t);
                }
                else
                {
                    target[to] += scale * VectorMath.Sum(row);
                }
            }
        }
    }

    private static bool Tracks(Tensor x) => x.RequiresGrad && Autograd.IsGradEnabled;

    private static bool Tracks(Tensor a, Tensor b) => (a.RequiresGrad || b.RequiresGrad) && Autograd.IsGradEnabled;
}
