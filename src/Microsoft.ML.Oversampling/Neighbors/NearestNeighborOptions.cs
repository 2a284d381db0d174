namespace Microsoft.ML.Oversampling.Neighbors;

/// <summary>Options of <see cref="ExactNearestNeighbors"/>.</summary>
public sealed class NearestNeighborOptions
{
    /// <summary>
    /// The most threads a search may use. Default <c>null</c>: the library-wide cap, <see cref="Numerics.Parallelism"/>. Results are bit-identical for
    /// every value, because the work is split into fixed blocks of queries whose results never depend on
    /// which thread computes them.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>Forces the 256-bit kernel on 512-bit hardware (lets tests cover both kernels).</summary>
    internal bool DisableVector512 { get; set; }
}
