using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>ERM with deferred re-weighting (papers.md §4.7): the batch as it is, targets <c>w[y_b]·e_{y_b}</c> from the
/// switch epoch on (one-hot before).</summary>
internal sealed class ReweightingHook(DeferredReweighting weights) : ITrainingBatchHook
{
    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch)
    {
        if (weights.WeightsAt(batch.Epoch) is not { } w)
        {
            return (inputs, oneHot);
        }

        using Tensor row = tensor(w, device: oneHot.device);
        return (inputs, oneHot.mul(row));
    }
}
