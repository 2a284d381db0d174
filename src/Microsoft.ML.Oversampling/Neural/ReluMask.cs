using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microsoft.ML.Oversampling.Neural;

/// <summary>The gradient of ReLU: passes <c>g</c> where the gate is positive, vectorised.</summary>
internal static class ReluMask
{
    /// <summary><c>destination[i] (=|+=) gate[i] &gt; 0 ? g[i] : 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<float> gate, ReadOnlySpan<float> g, Span<float> destination, bool accumulate)
    {
        if (g.Length != gate.Length || destination.Length < gate.Length)
        {
            throw new ArgumentException($"Span lengths {gate.Length}, {g.Length} and {destination.Length} do not match.");
        }

        ref float rgate = ref MemoryMarshal.GetReference(gate), rg = ref MemoryMarshal.GetReference(g), rd = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<float>.Count;
            for (; i <= gate.Length - width; i += width)
            {
                nuint at = (nuint)i;
                var passed = Vector.ConditionalSelect(Vector.GreaterThan(Vector.LoadUnsafe(ref rgate, at), Vector<float>.Zero), Vector.LoadUnsafe(ref rg, at), Vector<float>.Zero);
                (accumulate ? passed + Vector.LoadUnsafe(ref rd, at) : passed).StoreUnsafe(ref rd, at);
            }
        }

        for (; i < gate.Length; i++)
        {
            float passed = gate[i] > 0f ? g[i] : 0f;
            destination[i] = accumulate ? destination[i] + passed : passed;
        }
    }
}
