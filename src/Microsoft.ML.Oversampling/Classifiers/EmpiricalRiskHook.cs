using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>Plain empirical risk minimisation: the batch as it is, with its one-hot targets.</summary>
internal sealed class EmpiricalRiskHook : ITrainingBatchHook
{
    /// <summary>The one instance (the hook has no state).</summary>
    public static readonly EmpiricalRiskHook Instance = new();

    /// <inheritdoc />
    public (Tensor Inputs, Tensor Targets) Prepare(Tensor inputs, Tensor labels, Tensor oneHot, TrainingBatch batch) => (inputs, oneHot);
}
