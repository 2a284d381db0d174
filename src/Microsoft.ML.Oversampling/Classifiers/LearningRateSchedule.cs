namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>The factor a <see cref="DeepLearningRateSchedule"/> applies to the base learning rate in an epoch.</summary>
internal static class LearningRateSchedule
{
    /// <summary>Warm-up epochs of <see cref="DeepLearningRateSchedule.WarmupStepDecay"/> (papers.md §4.7).</summary>
    public const int WarmupEpochs = 5;

    /// <summary>The factor of the 0-based <paramref name="epoch"/> of <paramref name="maxEpoch"/>.</summary>
    public static double Factor(DeepLearningRateSchedule schedule, int epoch, int maxEpoch)
    {
        if (schedule == DeepLearningRateSchedule.Constant)
        {
            return 1;
        }

        int e = epoch + 1;
        if (e <= WarmupEpochs)
        {
            return e / (double)WarmupEpochs;
        }

        if (e > maxEpoch * 9 / 10)
        {
            return 1e-4;
        }

        return e > maxEpoch * 8 / 10 ? 0.01 : 1;
    }
}
