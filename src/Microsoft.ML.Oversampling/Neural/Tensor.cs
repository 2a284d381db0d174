using System.Globalization;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// A contiguous, row-major tensor of <see cref="float"/> with 0 to 3 dimensions that records the operations applied
/// to it so that <see cref="Backward"/> can compute gradients (the role of TorchSharp's <c>torch.Tensor</c>).
/// </summary>
/// <remarks>
/// Operations live in <see cref="Functional"/>; the operators and instance methods here are shorthands for them.
/// A tensor created inside a <see cref="DisposeScope"/> borrows pooled storage and is unusable after the scope ends.
/// </remarks>
public sealed partial class Tensor : IDisposable
{
    private readonly int[] _shape;
    private float[]? _values;
    private bool _pooled;
    private Tensor? _grad;

    private Tensor(int[] shape, float[] values, bool pooled)
    {
        _shape = shape;
        _values = values;
        _pooled = pooled;
        Size = values.Length;
    }

    /// <summary>The number of elements.</summary>
    public int Size { get; }

    /// <summary>The number of dimensions (0 for a scalar).</summary>
    public int Rank => _shape.Length;

    /// <summary>A copy of the shape.</summary>
    public int[] Shape => (int[])_shape.Clone();

    /// <summary>The size of dimension <paramref name="dimension"/> (negative counts from the end).</summary>
    public int Dim(int dimension) => _shape[NormalizeDimension(dimension)];

    /// <summary>
    /// Whether gradients flow to this tensor. Set it on leaves (parameters); results of recorded operations have it
    /// set automatically.
    /// </summary>
    public bool RequiresGrad { get; set; }

    /// <summary>Whether this tensor was produced by a recorded operation (as opposed to being a leaf).</summary>
    public bool IsLeaf => BackwardFunction is null;

    /// <summary>The accumulated gradient, or <c>null</c> before the first <see cref="Backward"/> that reaches it.</summary>
    public Tensor? Grad => _grad;

    /// <summary>Whether the tensor has been disposed.</summary>
    public bool IsDisposed => _values is null;

    /// <summary>The values, row-major.</summary>
    public Span<float> Data => Values.AsSpan();

    internal float[] Values => _values ?? throw new ObjectDisposedException(nameof(Tensor), "The tensor was disposed (it was probably created inside a DisposeScope that has ended).");

    internal int[] ShapeView => _shape;

    internal Tensor[]? Parents { get; private set; }

    internal Action<Tensor>? BackwardFunction { get; private set; }

    internal int VisitStamp { get; set; }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(params int[] shape)
    {
        var tensor = Empty(shape);
        tensor.Data.Clear();
        return tensor;
    }

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(float value, params int[] shape)
    {
        var tensor = Empty(shape);
        tensor.Data.Fill(value);
        return tensor;
    }

    /// <summary>A tensor holding a copy of <paramref name="values"/> with the given shape.</summary>
    public static Tensor FromArray(ReadOnlySpan<float> values, params int[] shape)
    {
        var tensor = Empty(shape);
        if (values.Length != tensor.Size)
        {
            throw new ArgumentException($"Shape {FormatShape(shape)} needs {tensor.Size} values, but {values.Length} were given.", nameof(values));
        }

        values.CopyTo(tensor.Data);
        return tensor;
    }

    /// <summary>A 0-dimensional tensor holding one value.</summary>
    public static Tensor Scalar(float value) => FromArray([value]);

    /// <summary>
    /// Opens a scope that owns the tensors created on this thread until it is disposed (TorchSharp's
    /// <c>torch.NewDisposeScope()</c>).
    /// </summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>The value of a one-element tensor.</summary>
    public float Item()
    {
        if (Size != 1)
        {
            throw new InvalidOperationException($"Item() needs a one-element tensor, but the shape is {FormatShape(_shape)}.");
        }

        return Values[0];
    }

    /// <summary>A copy of the values, row-major.</summary>
    public float[] ToArray() => Data.ToArray();

    /// <summary>A copy that shares nothing with this tensor and records no history.</summary>
    public Tensor Clone()
    {
        var copy = Empty(_shape);
        Data.CopyTo(copy.Data);
        return copy;
    }

    /// <summary>
    /// The same values cut off from the recorded history (TorchSharp's <c>detach()</c>). Unlike PyTorch this is a copy,
    /// because storage is pooled per tensor; writing to it does not change this tensor.
    /// </summary>
    public Tensor Detach() => Clone();

    /// <summary>Fills the values in place (outside the autograd record; meant for initialisation).</summary>
    public void Fill(float value) => Data.Fill(value);

    /// <summary>Copies <paramref name="values"/> into this tensor in place.</summary>
    public void CopyFrom(ReadOnlySpan<float> values)
    {
        if (values.Length != Size)
        {
            throw new ArgumentException($"A tensor of shape {FormatShape(_shape)} holds {Size} values, but {values.Length} were given.", nameof(values));
        }

        values.CopyTo(Data);
    }

    /// <summary>Sets the gradient to zero, keeping its storage.</summary>
    public void ZeroGrad() => _grad?.Data.Clear();

    /// <summary>
    /// Computes the gradient of this scalar with respect to every tensor it depends on that requires gradients, and
    /// adds it to their <see cref="Grad"/>. The recorded history is released afterwards.
    /// </summary>
    public void Backward() => AutogradEngine.Backward(this);

    /// <summary>Returns the storage to the pool (when it came from one) and makes the tensor unusable.</summary>
    public void Dispose()
    {
        if (_values is null)
        {
            return;
        }

        if (_pooled)
        {
            BufferPool.Return(_values);
        }

        _values = null;
        _grad?.Dispose();
        _grad = null;
        Parents = null;
        BackwardFunction = null;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        IsDisposed ? "Tensor(disposed)" : $"Tensor{FormatShape(_shape)}";

    /// <summary>Creates a tensor with unspecified contents; pooled and scope-owned when a scope is open.</summary>
    internal static Tensor Empty(ReadOnlySpan<int> shape)
    {
        if (shape.Length > 3)
        {
            throw new ArgumentException($"Tensors have at most 3 dimensions, but shape {FormatShape(shape)} has {shape.Length}.", nameof(shape));
        }

        long size = 1;
        foreach (int d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Shape {FormatShape(shape)} has a negative dimension.", nameof(shape));
            }

            size *= d;
        }

        if (size > Array.MaxLength)
        {
            throw new ArgumentException($"Shape {FormatShape(shape)} has too many elements.", nameof(shape));
        }

        var scope = DisposeScope.Current;
        var tensor = scope is null
            ? new Tensor(shape.ToArray(), new float[size], pooled: false)
            : new Tensor(shape.ToArray(), BufferPool.Rent((int)size), pooled: true);
        scope?.Register(tensor);
        return tensor;
    }

    /// <summary>Makes the tensor keep its storage for good (used when it leaves all scopes).</summary>
    internal void DetachFromPool() => _pooled = false;

    /// <summary>Records how to propagate this tensor's gradient to <paramref name="parents"/>.</summary>
    internal void SetHistory(Tensor[] parents, Action<Tensor> backward)
    {
        Parents = parents;
        BackwardFunction = backward;
        RequiresGrad = true;
    }

    /// <summary>Whether <see cref="Backward"/> has already consumed and freed this result's history.</summary>
    internal bool HistoryReleased { get; private set; }

    /// <summary>Frees the history after a backward pass has used it.</summary>
    internal void ReleaseHistory()
    {
        Parents = null;
        BackwardFunction = null;
        HistoryReleased = true;
    }

    /// <summary>The gradient storage, created (zero-filled) on first use.</summary>
    internal Span<float> GradSpan()
    {
        var grad = GradSpan(out bool fresh);
        if (fresh)
        {
            grad.Clear();
        }

        return grad;
    }

    /// <summary>The gradient storage, and whether it was just created (so it may be overwritten instead of added to).</summary>
    internal Span<float> GradSpan(out bool fresh)
    {
        fresh = _grad is null;
        if (fresh)
        {
            _grad = _pooled
                ? new Tensor(_shape, BufferPool.Rent(Size), pooled: true)
                : new Tensor(_shape, new float[Size], pooled: false);
        }

        return _grad!.Data;
    }

    /// <summary>Frees the gradient of an intermediate result once it has been propagated.</summary>
    internal void ReleaseGrad()
    {
        _grad?.Dispose();
        _grad = null;
    }

    internal int NormalizeDimension(int dimension)
    {
        int d = dimension < 0 ? dimension + Rank : dimension;
        if ((uint)d >= (uint)Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), $"Dimension {dimension} does not exist in a tensor of shape {FormatShape(_shape)}.");
        }

        return d;
    }

    internal static string FormatShape(ReadOnlySpan<int> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(", ", parts) + "]";
    }
}
