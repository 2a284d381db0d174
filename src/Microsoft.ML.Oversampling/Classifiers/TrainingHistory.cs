namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>The losses of a deep classifier's fit, one per epoch run.</summary>
/// <param name="TrainingLoss">Mean training loss of each epoch (over its batches, as the hook weighted them).</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation set after each epoch (empty without one).</param>
/// <param name="BestEpoch">The 0-based epoch whose weights were kept: the best validation epoch, else the last.</param>
internal sealed record TrainingHistory(IReadOnlyList<double> TrainingLoss, IReadOnlyList<double> ValidationLoss, int BestEpoch);
