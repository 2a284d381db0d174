namespace Microsoft.ML.Oversampling.Neural;

/// <summary>A temporary float buffer borrowed from <see cref="BufferPool"/> for the length of a <c>using</c> block.</summary>
internal readonly struct ScratchBuffer : IDisposable
{
    private readonly float[] _array;

    public ScratchBuffer(int length) => _array = BufferPool.Rent(length);

    public Span<float> Span => _array;

    public void Dispose() => BufferPool.Return(_array);
}
