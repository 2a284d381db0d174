namespace Microsoft.ML.Oversampling;

/// <summary>How a deep classifier's learning rate changes over the epochs (<see cref="DeepMlpOptions.LearningRateSchedule"/>).</summary>
public enum DeepLearningRateSchedule
{
    /// <summary>The learning rate of every epoch is <see cref="DeepMlpOptions.LearningRate"/>.</summary>
    Constant,

    /// <summary>
    /// The imbalanced-DL schedule of papers.md §4.7, stated for 200 epochs and here scaled to <see cref="DeepMlpOptions.MaxEpoch"/>
    /// E: linear warm-up <c>lr·e/5</c> in the 1-indexed epochs e = 1…5; then <c>lr</c>; ×0.01 after 80 % of the epochs
    /// (1-indexed e &gt; ⌊0.8·E⌋, epoch 160 of 200); ×0.0001 after 90 % (e &gt; ⌊0.9·E⌋, epoch 180 of 200). For 200 epochs
    /// this is the code's schedule exactly; the scaling to other lengths is [PROP].
    /// </summary>
    WarmupStepDecay,
}
