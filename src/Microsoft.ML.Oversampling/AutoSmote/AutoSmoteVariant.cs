namespace Microsoft.ML.Oversampling;

/// <summary>How AutoSMOTE shares its criteria decisions (papers.md §3.3).</summary>
public enum AutoSmoteVariant
{
    /// <summary>AutoSMOTE_self: every seed row gets its own decisions, from the criterion network applied to the row.</summary>
    Self,

    /// <summary>AutoSMOTE_cohort: each minority class is split into k-means cohorts, and one decision, from the network
    /// applied to the cohort's centroid, is shared by all of its members (each still uses its own neighbours and draws).</summary>
    Cohort,
}
