using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>Where a deep classifier's training is when a <see cref="ITrainingBatchHook"/> sees a batch.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Step">0-based optimisation step since the start.</param>
/// <param name="ClassCounts">Training rows per class (0-based classes), fixed for the fit.</param>
/// <param name="Random">The fit's seeded random stream, for the hook's draws (λ, permutations), so a seed gives the same bits.</param>
internal sealed record TrainingBatch(int Epoch, int Step, IReadOnlyList<int> ClassCounts, DeterministicRandom Random);
