using System.Runtime.CompilerServices;
namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// A per-thread pool of float arrays keyed by exact length, so that a training step that repeats the same shapes
/// reuses the previous step's buffers instead of allocating new ones.
/// </summary>
internal static class BufferPool
{
    private const int MaxArraysPerLength = 64;

    [ThreadStatic]
    private static Dictionary<int, Stack<float[]>>? t_free;

    /// <summary>Returns an array of exactly <paramref name="length"/> elements with unspecified contents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float[] Rent(int length)
    {
        if (length == 0)
        {
            return [];
        }

        if (t_free is not null && t_free.TryGetValue(length, out var stack) && stack.Count > 0)
        {
            return stack.Pop();
        }

        return GC.AllocateUninitializedArray<float>(length);
    }

    /// <summary>Hands an array back for reuse; the caller must not touch it afterwards.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Return(float[] array)
    {
        if (array.Length == 0)
        {
            return;
        }

        t_free ??= [];
        if (!t_free.TryGetValue(array.Length, out var stack))
        {
            stack = new Stack<float[]>();
            t_free[array.Length] = stack;
        }

        if (stack.Count < MaxArraysPerLength)
        {
            stack.Push(array);
        }
    }
}
