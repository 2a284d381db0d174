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

    /// <summary>Chooses the screening arithmetic (lets tests and benchmarks cover both; the neighbours are the same).</summary>
    internal ScreeningPrecision Screening { get; set; }
}

/// <summary>The arithmetic of the exact search's screening pass.</summary>
internal enum ScreeningPrecision
{
    /// <summary>Integers where <see cref="QuantizedReference.IsPreferred"/> and the search is large enough, else single precision.</summary>
    Automatic,

    /// <summary>Single precision always.</summary>
    Single,

    /// <summary>16-bit integers for every one-way search (needs AVX-512 BW).</summary>
    Int16,
}
