namespace Microsoft.ML.Oversampling;

/// <summary>
/// The class-imbalance strategy of a deep classifier's training loop (<see cref="DeepMlpOptions.Imbalance"/>): an
/// augmentation of every mini-batch (<see cref="Strategy"/>) and, optionally, deferred re-weighting. Defaults are those
/// of the imbalanced-DL code (papers.md §4.4–§4.7); [PROP] marks this library's choices where the sources are silent.
/// λ is always the weight on the partner and μ the weight on the anchor's label (§4.11 item 4): Mixup's and Remix's code
/// state theirs the other way round, which is converted here.
/// </summary>
/// <remarks>
/// <para>Per row b the loss is <c>−(μ_b·w_a·log p_a(x̃_b) + (1 − μ_b)·w_p·log p_p(x̃_b))</c> with the class weights w of
/// the epoch (all 1 without re-weighting, or before its switch), averaged over the batch: the effective weight of a row is
/// μ·w_a + (1 − μ)·w_p, not renormalised (§4.11 item 8).</para>
/// <para>SMOTE and soft SMOTE keep the other strategies' step count: each row of a batch is, with probability
/// q = N_syn/(n + N_syn), replaced by a fresh synthetic point, whose class c is drawn with probability ∝ n_max − n_c, so
/// every batch is a draw from the set balanced by N_syn = Σ_c (n_max − n_c) synthetic points, regenerated at every step
/// [PROP: §4.3 balances the set offline, which costs n_max·C/n times the steps; the batch stream has the same distribution].
/// The neighbours are searched once per fit, in the input space.</para>
/// <para>The clean forward pass that the imbalanced-DL code makes next to Mixup's mixed one only logs training accuracy
/// and (with BatchNorm) updates running statistics; these networks have no BatchNorm, so it is not made (§4.4 item 5).</para>
/// </remarks>
public sealed class DeepImbalanceOptions
{
    /// <summary>The batch augmentation. Default <see cref="DeepImbalanceStrategy.Erm"/>: none.</summary>
    public DeepImbalanceStrategy Strategy { get; set; } = DeepImbalanceStrategy.Erm;

    /// <summary>Deferred re-weighting (DRW, Cao et al. 2019, §4.7): from epoch <see cref="ReweightingEpoch"/> on, class c's
    /// loss terms are weighted by the class-balanced <c>w_c = (1 − β)/(1 − β^{n_c})</c>, rescaled to Σ_c w_c = C, with the
    /// training set's counts n_c. Default <c>false</c>.</summary>
    public bool DeferredReweighting { get; set; }

    /// <summary>The 0-based epoch from which DRW weights apply; <c>null</c> (the default) for ⌊0.8·MaxEpoch⌋, the code's
    /// epoch 160 of 200 (§4.7).</summary>
    public int? ReweightingEpoch { get; set; }

    /// <summary>β of the class-balanced weights. Default 0.9999 (§4.7).</summary>
    public double ReweightingBeta { get; set; } = 0.9999;

    /// <summary>α of λ ~ Beta(α, α) for Mixup, Remix and MAMix. Default 1 (§4.7: the code has no α key, so 1).</summary>
    public double MixingAlpha { get; set; } = 1;

    /// <summary>Draw one λ per row instead of one per batch (the code's choice, the default <c>false</c>; §4.11 item 5).</summary>
    public bool PerSampleMixing { get; set; }

    /// <summary>MAMix's ω in η = n^(−ω). Default 0.25 (<c>mamix_ratio = −0.25</c>, §4.5).</summary>
    public double MarginExponent { get; set; } = 0.25;

    /// <summary>Remix's κ, the count ratio from which a pair counts as imbalanced. Default 3 (§4.6).</summary>
    public double RemixKappa { get; set; } = 3;

    /// <summary>Remix's τ, the minority side's input weight above which (1 − τ) the label goes to it. Default 0.5 (§4.6).</summary>
    public double RemixTau { get; set; } = 0.5;

    /// <summary>The k nearest neighbours a SMOTE or soft SMOTE partner is drawn from. Default 5 (§4.3).</summary>
    public int Neighbors { get; set; } = 5;

    /// <summary>A copy.</summary>
    internal DeepImbalanceOptions Clone() => (DeepImbalanceOptions)MemberwiseClone();

    /// <summary>Refuses values no fit can use, naming the option.</summary>
    internal void Validate(int maxEpoch)
    {
        if (!Enum.IsDefined(Strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(Strategy), Strategy, "Unknown deep imbalance strategy.");
        }

        if (ReweightingEpoch is { } epoch && (epoch < 0 || epoch >= maxEpoch))
        {
            throw new ArgumentOutOfRangeException(nameof(ReweightingEpoch), epoch, $"ReweightingEpoch is a 0-based epoch below MaxEpoch ({maxEpoch}).");
        }

        if (!(ReweightingBeta is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ReweightingBeta), ReweightingBeta, "ReweightingBeta is in (0, 1).");
        }

        if (!(MixingAlpha > 0 && double.IsFinite(MixingAlpha)))
        {
            throw new ArgumentOutOfRangeException(nameof(MixingAlpha), MixingAlpha, "MixingAlpha is a finite value above 0.");
        }

        if (!(MarginExponent >= 0 && double.IsFinite(MarginExponent)))
        {
            throw new ArgumentOutOfRangeException(nameof(MarginExponent), MarginExponent, "MarginExponent is a finite value of at least 0.");
        }

        if (!(RemixKappa >= 1 && double.IsFinite(RemixKappa)))
        {
            throw new ArgumentOutOfRangeException(nameof(RemixKappa), RemixKappa, "RemixKappa is a finite ratio of at least 1.");
        }

        if (!(RemixTau is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RemixTau), RemixTau, "RemixTau is in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Neighbors, 1, nameof(Neighbors));
    }
}
