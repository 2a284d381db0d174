using Microsoft.ML.Oversampling.Samplers;

namespace Microsoft.ML.Oversampling;

/// <summary>
/// Options of AutoSMOTE (Kishanthan &amp; Hevapathige, arXiv:2502.06878; reconstructed in papers.md §3.3), trained
/// jointly with the deep MLP classifier: <c>mlContext.BinaryClassification.Trainers.AutoSmote(…)</c>. Every default
/// marked [PROP] is this library's choice where the sources say nothing (papers.md §3.4), not the paper's.
/// </summary>
/// <remarks>Not to be confused with Zha et al.'s AutoSMOTE (CIKM 2022, hierarchical reinforcement learning), a
/// different method (papers.md §3.1); this one is also known as learned-criteria SMOTE.</remarks>
public sealed class AutoSmoteOptions
{
    /// <summary>The classifier trained with the oversampler: its columns, architecture, epochs, batch size, learning rate,
    /// validation set and seed (the seed also drives every draw of the oversampler). Default: <see cref="DeepMlpOptions"/>'s defaults.</summary>
    public DeepMlpOptions Classifier { get; set; } = new();

    /// <summary>Per-row or per-cohort decisions. Default <see cref="AutoSmoteVariant.Cohort"/>, the variant the digests
    /// call the better one.</summary>
    public AutoSmoteVariant Variant { get; set; } = AutoSmoteVariant.Cohort;

    /// <summary>Cohorts per grown class (cohort variant), by k-means on the class's rows, fixed for the fit. Default
    /// <c>null</c> [PROP]: <c>min(8, ⌈√m⌉)</c> for a class of m rows; a value above m is capped at m.</summary>
    public int? Cohorts { get; set; }

    /// <summary>K_max: the k-NN criterion's options are 1 … K_max same-class neighbours (exact search). Default 5 [PROP],
    /// SMOTE's k; every grown class needs at least K_max + 1 rows.</summary>
    public int MaxNeighbors { get; set; } = 5;

    /// <summary>Whether the k-NN criterion picks how many neighbours or which one. Default
    /// <see cref="AutoSmoteNeighborCriterion.Count"/> [PROP].</summary>
    public AutoSmoteNeighborCriterion NeighborCriterion { get; set; } = AutoSmoteNeighborCriterion.Count;

    /// <summary>The aggregation criterion's options, in this order. Default [PROP]: interpolate, mean, maximum, minimum,
    /// learned interpolation.</summary>
    public IReadOnlyList<AutoSmoteAggregation> Aggregations { get; set; } =
        [AutoSmoteAggregation.Interpolate, AutoSmoteAggregation.Mean, AutoSmoteAggregation.Maximum, AutoSmoteAggregation.Minimum, AutoSmoteAggregation.LearnedInterpolate];

    /// <summary>Hidden widths of the criterion network: one ReLU trunk with three linear heads (participation 2, k-NN
    /// K_max, aggregation |𝒜| logits) on <c>[x; one-hot of the class]</c>. Default <c>[64]</c> [PROP] (§3.3's d → 64 → ReLU).</summary>
    public IReadOnlyList<int> CriterionHiddenLayerSizes { get; set; } = [64];

    /// <summary>Adam's learning rate for the criterion parameters. Default 1e-3 [PROP] (§3.4).</summary>
    public double CriterionLearningRate { get; set; } = 1e-3;

    /// <summary>Gumbel-Softmax temperature at step 0. Default 1.0 [PROP].</summary>
    public double InitialTemperature { get; set; } = 1.0;

    /// <summary>The temperature floor τ_min. Default 0.5 [PROP] (Jang et al.'s range).</summary>
    public double MinimumTemperature { get; set; } = 0.5;

    /// <summary>The annealing rate r of <c>τ_t = max(τ_min, τ₀·e^(−r·t))</c>, t the optimisation step; 0 keeps τ fixed.
    /// Default 1e-4 [PROP].</summary>
    public double TemperatureDecay { get; set; } = 1e-4;

    /// <summary>The synthetic budget: each batch of B real rows draws on average <c>SyntheticBudget·B·Σ_c(n_max − n_c)/N</c>
    /// seeds (1 balances every class to the majority in expectation). Default 1 [PROP].</summary>
    public double SyntheticBudget { get; set; } = 1.0;

    /// <summary>How many batches an epoch runs: one pass over the real rows, or as many batches as an epoch over the
    /// resampled rows (<see cref="AutoSmoteEpochLength"/>). Default <see cref="AutoSmoteEpochLength.ResampledRows"/> [PROP]:
    /// in the study (benchmarks/results/autosmote.md, 16 datasets × 10 seeds) it raised the cohort variant's macro F1 by
    /// 0.009 over one pass of the real rows (11/2/3, Wilcoxon p = 0.022), at about 1.4× the training time.</summary>
    public AutoSmoteEpochLength EpochLength { get; set; } = AutoSmoteEpochLength.ResampledRows;

    /// <summary>λ_syn, the weight of the synthetic rows' mean cross-entropy in the joint loss. Default 1 [PROP].</summary>
    public double SyntheticLossWeight { get; set; } = 1.0;

    /// <summary>The guard against degenerate criteria. Default <see cref="AutoSmoteGuard.FixedBudget"/> [PROP] (guard (c)): in
    /// the study it beat the participation-rate penalty (a) by 0.104 macro F1 (14/0/2, p = 0.0010); under (a) the criteria
    /// often switched participation off and the classifier fell back to the majority class.</summary>
    public AutoSmoteGuard Guard { get; set; } = AutoSmoteGuard.FixedBudget;

    /// <summary>r*, the participation rate the guards aim at. Default 0.5 [PROP].</summary>
    public double TargetParticipationRate { get; set; } = 0.5;

    /// <summary>λ_P, the weight of guard (a)'s penalty (used only with <see cref="AutoSmoteGuard.ParticipationRatePenalty"/>). Default 0.1 [PROP].</summary>
    public double ParticipationPenalty { get; set; } = 0.1;

    /// <summary>Freezes the criteria at SMOTE-equivalent settings (every seed participates, k = K_max, interpolation), with
    /// no criterion network: the §3.7 ablation, i.e. SMOTE drawn batch by batch. Default <c>false</c>.</summary>
    public bool FreezeCriteria { get; set; }

    /// <summary>A copy (the trainer keeps its own).</summary>
    internal AutoSmoteOptions Clone()
    {
        var copy = (AutoSmoteOptions)MemberwiseClone();
        copy.Classifier = Classifier.Clone();
        copy.Aggregations = [.. Aggregations];
        copy.CriterionHiddenLayerSizes = [.. CriterionHiddenLayerSizes];
        return copy;
    }

    /// <summary>Refuses values no fit can use, with an <see cref="OptionException"/> naming the option.</summary>
    internal void Validate()
    {
        OptionChecks.Require(Classifier is not null, nameof(Classifier), "Classifier must be set (the deep MLP's options).");
        Classifier!.Validate();
        OptionChecks.Defined(Variant, nameof(Variant));
        OptionChecks.Defined(NeighborCriterion, nameof(NeighborCriterion));
        OptionChecks.Defined(Guard, nameof(Guard));
        OptionChecks.Defined(EpochLength, nameof(EpochLength));
        if (Cohorts is int cohorts)
        {
            OptionChecks.Positive(cohorts, nameof(Cohorts));
        }

        OptionChecks.Positive(MaxNeighbors, nameof(MaxNeighbors));
        OptionChecks.Require(Aggregations is { Count: > 0 } && Aggregations.All(Enum.IsDefined) && Aggregations.Distinct().Count() == Aggregations.Count,
            nameof(Aggregations), "Aggregations must list at least one distinct AutoSmoteAggregation value.");
        OptionChecks.Require(!FreezeCriteria || Aggregations.Contains(AutoSmoteAggregation.Interpolate), nameof(FreezeCriteria),
            "FreezeCriteria fixes the aggregation to Interpolate, which Aggregations must then contain.");
        OptionChecks.Sizes(CriterionHiddenLayerSizes?.ToArray(), nameof(CriterionHiddenLayerSizes));
        OptionChecks.Positive(CriterionLearningRate, nameof(CriterionLearningRate));
        OptionChecks.Positive(InitialTemperature, nameof(InitialTemperature));
        OptionChecks.Positive(MinimumTemperature, nameof(MinimumTemperature));
        OptionChecks.NonNegative(TemperatureDecay, nameof(TemperatureDecay));
        OptionChecks.Positive(SyntheticBudget, nameof(SyntheticBudget));
        OptionChecks.NonNegative(SyntheticLossWeight, nameof(SyntheticLossWeight));
        OptionChecks.Require(TargetParticipationRate is > 0 and <= 1, nameof(TargetParticipationRate),
            $"TargetParticipationRate must be above 0 and at most 1, but it is {TargetParticipationRate}.");
        OptionChecks.NonNegative(ParticipationPenalty, nameof(ParticipationPenalty));
    }

    /// <summary>The aggregations candidates are built for: interpolation alone when the criteria are frozen.</summary>
    internal IReadOnlyList<AutoSmoteAggregation> ActiveAggregations => FreezeCriteria ? [AutoSmoteAggregation.Interpolate] : Aggregations;

    /// <summary>The temperature at optimisation step <paramref name="step"/>.</summary>
    internal double Temperature(int step) => Math.Max(MinimumTemperature, InitialTemperature * Math.Exp(-TemperatureDecay * step));
}
