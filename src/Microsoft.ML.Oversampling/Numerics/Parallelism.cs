namespace Microsoft.ML.Oversampling.Numerics;

/// <summary>
/// The library-wide cap on threads used by parallel loops. Results never depend on it: parallel work is split
/// into fixed blocks whose results are combined in a fixed order; it only trades speed for cores.
/// </summary>
public static class Parallelism
{
    private static int s_maxDegree = -1;

    /// <summary>Maximum threads per parallel loop; -1 (the default) for all cores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Zero or below -1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => s_maxDegree;
        set
        {
            if (value == 0 || value < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Use -1 for all cores or a positive thread count.");
            }

            s_maxDegree = value;
        }
    }

    /// <summary>The thread count the cap resolves to: <see cref="MaxDegreeOfParallelism"/>, or the core count for -1.</summary>
    public static int EffectiveDegree => s_maxDegree == -1 ? Environment.ProcessorCount : s_maxDegree;

    /// <summary>Options for <see cref="Parallel"/> loops honouring the cap.</summary>
    internal static ParallelOptions Options => new() { MaxDegreeOfParallelism = s_maxDegree };
}
