using Microsoft.ML.Oversampling.Generators;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// A <see cref="ITrainingBatchHook"/> with trainable parameters of its own (AutoSMOTE's criterion networks), optimised
/// jointly with the classifier: <see cref="ClassifierTraining"/> calls <see cref="Begin"/> once before the first batch,
/// zeroes the hook's gradients at every step, adds <see cref="Penalty"/> to the batch loss, calls <see cref="Backward"/>
/// after the loss's backward pass, and after the classifier's Adam step takes one Adam step (learning rate <see cref="LearningRate"/>) on each of <see cref="Parameters"/>.
/// Early stopping keeps the classifier's best weights only; the hook's parameters are those of the last step.
/// </summary>
internal interface ITrainableBatchHook : ITrainingBatchHook
{
    /// <summary>The hook's parameter buffers (may be empty), each optimised by its own Adam.</summary>
    IReadOnlyList<FlatParameters> Parameters { get; }

    /// <summary>Adam's learning rate for <see cref="Parameters"/>.</summary>
    double LearningRate { get; }

    /// <summary>Prepares the hook for a fit (neighbour tables, parameters) on the training rows, before any batch.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="random">The fit's training stream (the same one the batches then see), for the hook's draws.</param>
    /// <param name="device">Where training runs.</param>
    void Begin(ClassRows train, int classes, Numerics.DeterministicRandom random, Device device);

    /// <summary>A scalar added to the loss of the batch <see cref="ITrainingBatchHook.Prepare"/> last returned (in the
    /// same step), or <c>null</c> for none.</summary>
    Tensor? Penalty();

    /// <summary>Completes the step's backward pass into <see cref="Parameters"/>, for a hook that computes part of its
    /// chain rule itself from the gradients the loss's backward left on its outputs (called after that backward, in
    /// the same step).</summary>
    void Backward();
}
