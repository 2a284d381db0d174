using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The gradient of ReLU: passes <c>g</c> where the gate is positive, vectorised.</summary>
internal static class ReluMask
{
    /// <summary><c>destination[i] (=|+=) gate[i] &gt; 0 ? g[i] : 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<float> gate, ReadOnlySpan<float> g, Span<float> destination, bool accumulate)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            for (; i <= gate.Length - width; i += width)
            {
                var passed = Vector.ConditionalSelect(Vector.GreaterThan(new Vector<float>(gate[i..]), Vector<float>.Zero), new Vector<float>(g[i..]), Vector<float>.Zero);
                (accumulate ? passed + new Vector<float>(destination[i..]) : passed).CopyTo(destination[i..]);
            }
        }

        for (; i < gate.Length; i++)
        {
            float passed = gate[i] > 0f ? g[i] : 0f;
            destination[i] = accumulate ? destination[i] + passed : passed;
        }
    }
}
