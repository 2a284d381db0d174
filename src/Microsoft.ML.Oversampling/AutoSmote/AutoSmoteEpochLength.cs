namespace Microsoft.ML.Oversampling;

/// <summary>How many mini-batches an epoch of AutoSMOTE's joint training runs.</summary>
public enum AutoSmoteEpochLength
{
    /// <summary>One pass over the N real training rows, ⌈N / B⌉ batches: the classifier takes as many optimisation steps as
    /// it would on the rows as they are.</summary>
    RealRows,

    /// <summary>As many batches as an epoch over the resampled rows would take, ⌈(N + SyntheticBudget·Σ_c(n_max − n_c)) / B⌉
    /// (the real rows are reshuffled and cycled through): the classifier takes as many optimisation steps as the same
    /// classifier trained after a sampler that balances the classes, so the two are compared at equal training budget.</summary>
    ResampledRows,
}
