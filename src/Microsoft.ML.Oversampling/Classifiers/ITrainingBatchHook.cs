using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// The deep classifier's per-batch extension point (Mixup and its family, deferred re-weighting): given a shuffled
/// mini-batch it returns the inputs to run forward and the weighted targets of the loss. The loss of a batch is
/// <c>mean_b(−Σ_c T[b, c]·log p_c(x̃_b))</c>, so
/// <list type="bullet">
/// <item>plain ERM returns the batch and its one-hot rows;</item>
/// <item>class weights w (DRW) return <c>w[y_b]·e_{y_b}</c>;</item>
/// <item>a mixed pair with anchor-label weight μ returns <c>μ·w_a·e_a + (1 − μ)·w_p·e_p</c> (papers.md §4.11 item 8),
/// with the mixed inputs.</item>
/// </list>
/// Rows of T need not sum to one. Tensors the hook creates are freed by the step's dispose scope.
/// </summary>
internal interface ITrainingBatchHook
{
    /// <summary>The inputs (rows × d) and weighted targets (rows × classes) of one step.</summary>
    /// <param name="inputs">The batch's feature rows.</param>
    /// <param name="labels">Their classes, 0-based (int64).</param>
    /// <param name="oneHot">Their one-hot targets (float32, rows × classes).</param>
    /// <param name="batch">Where training is.</param>
    (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch);

    /// <summary>How many real rows an epoch's batches take, given the training rows per class: one pass over them unless
    /// the hook asks for more (the rows are then reshuffled and cycled through).</summary>
    int RowsPerEpoch(IReadOnlyList<int> classCounts) => classCounts.Sum();
}
