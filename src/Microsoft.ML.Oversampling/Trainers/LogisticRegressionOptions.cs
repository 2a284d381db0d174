namespace Microsoft.ML.Oversampling.Trainers;

/// <summary>Options of L2-regularised logistic regression.</summary>
public sealed class LogisticRegressionOptions : TrainerOptions
{
    /// <summary>
    /// Weight λ of the L2 penalty: the trainer minimises <c>Σᵢ logloss(yᵢ, w·xᵢ + b) + (λ/2)‖w‖²</c> (the bias is not
    /// penalised). Default 1, which is scikit-learn's <c>LogisticRegression(C=1)</c> (λ = 1/C). Must be ≥ 0.
    /// </summary>
    public double L2Regularization { get; set; } = 1.0;

    /// <summary>Convergence tolerance on the relative change of the objective and on the gradient norm.
    /// Default 1e-7 (ML.NET's <c>OptimizationTolerance</c>).</summary>
    public double OptimizationTolerance { get; set; } = 1e-7;

    /// <summary>Number of past steps L-BFGS remembers. Default 20 (ML.NET's <c>HistorySize</c>).</summary>
    public int HistorySize { get; set; } = 20;

    /// <summary>Maximum number of L-BFGS iterations. Default 1000.</summary>
    public int MaximumNumberOfIterations { get; set; } = 1000;
}
