namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options shared by the oversamplers built on exact nearest-neighbour search (the SMOTE family).</summary>
public abstract class NeighborOversamplerOptions : OversamplerOptions
{
    /// <summary>
    /// The most threads the neighbour search and the generation may use. Default <c>null</c>: the library-wide cap,
    /// <see cref="Numerics.Parallelism"/>.
    /// The output is bit-identical for every value.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; set; }
}
