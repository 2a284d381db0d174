using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Pipeline.Training;

/// <summary>L2-regularised logistic regression as a pipeline trainer (see <see cref="LogisticRegressionOptions"/> for defaults).</summary>
public sealed class LogisticRegressionTrainer : BinaryTrainerEstimator<LinearBinaryModel>
{
    internal LogisticRegressionTrainer(LogisticRegressionOptions options)
        : base(options)
    {
        Options = options;
    }

    /// <summary>The options.</summary>
    public LogisticRegressionOptions Options { get; }

    /// <inheritdoc />
    public override string Name => "logistic";

    /// <inheritdoc />
    protected override LinearBinaryModel TrainModel(DenseMatrix features, bool[] labels) => LogisticRegression.Train(features, labels, Options);
}
