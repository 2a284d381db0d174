namespace Microsoft.ML.Oversampling;

/// <summary>
/// What a deep classifier does about class imbalance inside its training loop (<see cref="DeepImbalanceOptions.Strategy"/>),
/// in the interpolation framework of papers.md §4.2: each strategy picks an anchor i, a partner j, an input weight λ on
/// the partner, <c>x̃ = (1 − λ)·xᵢ + λ·xⱼ</c>, and a label weight μ on the anchor's class, <c>ỹ = μ·e_{yᵢ} + (1 − μ)·e_{yⱼ}</c>.
/// Any of them combines with deferred re-weighting (<see cref="DeepImbalanceOptions.DeferredReweighting"/>).
/// </summary>
public enum DeepImbalanceStrategy
{
    /// <summary>Empirical risk minimisation: the batches as drawn, hard labels.</summary>
    Erm,

    /// <summary>SMOTE for deep nets (§4.3): synthetic points of the non-largest classes, anchored on a class row and
    /// interpolated toward one of its k nearest same-class rows (λ ~ U(0, 1)), with the anchor's hard label, until the
    /// classes are balanced in expectation (see <see cref="DeepImbalanceOptions"/> for how they enter the batches).</summary>
    Smote,

    /// <summary>Soft SMOTE (§4.3, a reconstruction: not in the paper's code): as <see cref="Smote"/> but the partner is one
    /// of the anchor's k nearest rows of any class and the label follows the input, μ = 1 − λ.</summary>
    SoftSmote,

    /// <summary>Mixup (§4.4): every row of the batch mixed with a random permutation of the batch, λ ~ Beta(α, α), μ = 1 − λ.</summary>
    Mixup,

    /// <summary>Remix (Chou et al. 2020, §4.6): Mixup's inputs with the label pushed to the minority class of an
    /// imbalanced pair (count ratio ≥ κ and the minority side's input weight above 1 − τ).</summary>
    Remix,

    /// <summary>Margin-aware Mixup, MAMix (§4.5): Mixup's inputs with μ piecewise linear in λ through (0, 1), (m, ½) and
    /// (1, 0), where m = η_a/(η_a + η_p) and η = n^(−ω): the 50/50 label sits nearer the larger class.</summary>
    MarginAwareMixup,
}
