namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>Options shared by every oversampler.</summary>
public abstract class OversamplerOptions
{
    /// <summary>Which classes to grow and to what size. Default: <see cref="SamplingStrategy.Auto"/>
    /// (every class but the majority, up to the majority count), as in imbalanced-learn.</summary>
    public SamplingStrategy SamplingStrategy { get; set; } = SamplingStrategy.Auto;

    /// <summary>Seed of this sampler's randomness: the same seed gives bit-identical rows on any thread count. Default
    /// <c>null</c>: each fit through ML.NET draws a new seed (not reproducible, like imbalanced-learn's
    /// <c>random_state=None</c>) and reports it in <see cref="OversamplingTransformer.Seed"/>.</summary>
    public int? Seed { get; set; }

    /// <summary>Name of the float-vector feature column in pipelines. Default <c>"Features"</c>.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Name of the label column in pipelines (boolean or integer class). Default <c>"Label"</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>A shallow copy, for a sampler that must adapt its options to one data set without changing the caller's.</summary>
    internal OversamplerOptions Clone() => (OversamplerOptions)MemberwiseClone();
}
