namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Owns every tensor created on this thread while it is the innermost open scope, and disposes them when it is
/// disposed (like TorchSharp's <c>torch.NewDisposeScope()</c>). Tensors made inside a scope draw their storage from
/// a buffer pool, so a training step wrapped in a scope allocates no new arrays once shapes repeat.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic]
    private static DisposeScope? t_current;

    private readonly List<Tensor> _owned = [];
    private readonly DisposeScope? _outer;
    private bool _disposed;

    internal DisposeScope()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>The innermost open scope on this thread, if any.</summary>
    internal static DisposeScope? Current => t_current;

    internal void Register(Tensor tensor) => _owned.Add(tensor);

    /// <summary>
    /// Hands <paramref name="tensor"/> to the enclosing scope (or to the garbage collector when there is none), so
    /// it survives this scope's disposal.
    /// </summary>
    public Tensor MoveToOuter(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (!_owned.Remove(tensor))
        {
            throw new ArgumentException("The tensor is not owned by this scope.", nameof(tensor));
        }

        if (_outer is not null)
        {
            _outer.Register(tensor);
        }
        else
        {
            tensor.DetachFromPool();
        }

        return tensor;
    }

    /// <summary>Disposes every tensor the scope still owns and closes the scope.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (t_current != this)
        {
            throw new InvalidOperationException("Dispose scopes must be closed in the reverse order of opening, on the thread that opened them.");
        }

        _disposed = true;
        t_current = _outer;
        foreach (var tensor in _owned)
        {
            tensor.Dispose();
        }

        _owned.Clear();
    }
}
