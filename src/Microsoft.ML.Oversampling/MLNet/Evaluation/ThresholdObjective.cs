namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>The metric a moved decision threshold maximises.</summary>
public enum ThresholdObjective
{
    /// <summary>√(TPR·TNR), imbalanced-learn's G-mean.</summary>
    GeometricMean,

    /// <summary>(TPR + TNR) / 2; the same threshold as Youden's J = TPR + TNR − 1.</summary>
    BalancedAccuracy,

    /// <summary>The Matthews correlation coefficient.</summary>
    MatthewsCorrelation,

    /// <summary>The F1 score of the positive class.</summary>
    F1Score,
}
