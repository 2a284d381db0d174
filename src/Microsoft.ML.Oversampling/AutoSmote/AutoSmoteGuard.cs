namespace Microsoft.ML.Oversampling;

/// <summary>
/// The guard against degenerate criteria (papers.md §3.3: minimising the same training loss, the criteria could switch
/// participation off). The bilevel update (b) is not implemented.
/// </summary>
public enum AutoSmoteGuard
{
    /// <summary>No guard: the criteria minimise the joint loss alone.</summary>
    None,

    /// <summary>Guard (a): the penalty <c>λ_P·(mean(w) − r*)²</c> on the batch's participation rate
    /// (<see cref="AutoSmoteOptions.ParticipationPenalty"/>, <see cref="AutoSmoteOptions.TargetParticipationRate"/>).</summary>
    ParticipationRatePenalty,

    /// <summary>Guard (c), the default [PROP]: a fixed budget. Each step draws ⌈S / r*⌉ candidate seeds for a budget of S, and participation
    /// picks which S of them generate (the S with the highest Gumbel-perturbed participation score, with the
    /// straight-through gradient of its sigmoid), so the number of synthetic rows cannot shrink.</summary>
    FixedBudget,
}
