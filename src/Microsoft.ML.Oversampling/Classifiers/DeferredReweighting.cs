namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// Deferred re-weighting (DRW, Cao et al. 2019; papers.md §4.7): weight 1 for every class before the switch epoch, the
/// class-balanced weights of Cui et al. (2019) from it on. They depend only on the class counts.
/// </summary>
internal sealed class DeferredReweighting
{
    private readonly float[] _weights;
    private readonly int _switchEpoch;

    /// <summary>The schedule for <paramref name="counts"/>, switching at the 0-based <paramref name="switchEpoch"/>.</summary>
    public DeferredReweighting(IReadOnlyList<int> counts, double beta, int switchEpoch)
    {
        _weights = [.. ClassBalancedWeights(counts, beta).Select(w => (float)w)];
        _switchEpoch = switchEpoch;
    }

    /// <summary>
    /// <c>w_c = (1 − β)/(1 − β^{n_c})</c> rescaled so that Σ_c w_c = C (the count of classes). A class without rows
    /// (n_c = 0, infinite weight) gets 0 and is left out of the rescaling: no row can carry its label.
    /// </summary>
    public static double[] ClassBalancedWeights(IReadOnlyList<int> counts, double beta)
    {
        var weights = new double[counts.Count];
        double sum = 0;
        for (int c = 0; c < weights.Length; c++)
        {
            weights[c] = counts[c] == 0 ? 0 : (1 - beta) / (1 - Math.Pow(beta, counts[c]));
            sum += weights[c];
        }

        for (int c = 0; c < weights.Length; c++)
        {
            weights[c] *= weights.Length / sum;
        }

        return weights;
    }

    /// <summary>The class weights of the 0-based <paramref name="epoch"/>, or <c>null</c> for all ones (before the switch).</summary>
    public float[]? WeightsAt(int epoch) => epoch >= _switchEpoch ? _weights : null;
}
