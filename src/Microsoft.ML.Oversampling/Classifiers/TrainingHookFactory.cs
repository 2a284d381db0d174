using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>The <see cref="ITrainingBatchHook"/> of a <see cref="DeepImbalanceOptions"/> for a training set.</summary>
internal static class TrainingHookFactory
{
    /// <summary>The hook (dispose it after the fit when it is <see cref="IDisposable"/>).</summary>
    public static ITrainingBatchHook Create(DeepImbalanceOptions options, ClassRows train, int classes, int maxEpoch, Device device)
    {
        int[] counts = train.Counts(classes);
        DeferredReweighting? reweighting = options.DeferredReweighting
            ? new DeferredReweighting(counts, options.ReweightingBeta, options.ReweightingEpoch ?? (maxEpoch * 8 / 10))
            : null;
        return options.Strategy switch
        {
            DeepImbalanceStrategy.Erm => reweighting is null ? EmpiricalRiskHook.Instance : new ReweightingHook(reweighting),
            DeepImbalanceStrategy.Smote => new SyntheticMinorityHook(train, classes, options.Neighbors, soft: false, reweighting, device),
            DeepImbalanceStrategy.SoftSmote => new SyntheticMinorityHook(train, classes, options.Neighbors, soft: true, reweighting, device),
            DeepImbalanceStrategy.Mixup => new PairMixingHook(MixupRule.Instance, options.MixingAlpha, options.PerSampleMixing, reweighting),
            DeepImbalanceStrategy.Remix => new PairMixingHook(new RemixRule(options.RemixKappa, options.RemixTau), options.MixingAlpha, options.PerSampleMixing, reweighting),
            DeepImbalanceStrategy.MarginAwareMixup => new PairMixingHook(new MarginAwareMixupRule(options.MarginExponent), options.MixingAlpha, options.PerSampleMixing, reweighting),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "Unknown deep imbalance strategy."),
        };
    }
}
