using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Trainers;

/// <summary>
/// L2-regularised logistic regression fitted by L-BFGS (the algorithm; the pipeline trainer is
/// <c>LogisticRegressionTrainer</c>).
/// </summary>
/// <remarks>
/// The optimiser works on centred, diagonally preconditioned features, with the penalty rewritten so the
/// solution is exactly that of the objective on the original features (raw features of very different scales
/// make the plain problem badly conditioned; scikit-learn's lbfgs can stop short on them). Gradients are summed over fixed blocks of
/// rows in a fixed order, so the model is bit-identical whatever the thread count.
/// </remarks>
public static class LogisticRegression
{
    private const int BlockRows = 2048;

    /// <summary>Fits the model.</summary>
    /// <param name="features">Training rows × features (finite values).</param>
    /// <param name="labels">The label of each row (true = positive).</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <exception cref="ArgumentException">Empty data, mismatched lengths, non-finite values or invalid options.</exception>
    public static LinearBinaryModel Train(DenseMatrix features, IReadOnlyList<bool> labels, LogisticRegressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new LogisticRegressionOptions();
        if (!(options.L2Regularization >= 0) || options.HistorySize < 1 || options.MaximumNumberOfIterations < 1 || !(options.OptimizationTolerance > 0))
        {
            throw new ArgumentException("L2Regularization must be ≥ 0, OptimizationTolerance > 0, HistorySize and MaximumNumberOfIterations ≥ 1.", nameof(options));
        }

        TrainingDataValidator.Validate(features, labels.Count, "trainers");

        int n = features.Rows, d = features.Columns;
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = labels[i] ? 1.0 : -1.0;
        }

        // Diagonal preconditioning: optimise u with w_j = u_j·c_j on centred features, b = u_b·c_b − Σ w_j·mean_j,
        // where c_j = 1/√(n·var_j/4 + λ) and c_b = 1/√(n/4) make every diagonal entry of the Hessian about 1 at the
        // start. The objective is unchanged, so the minimiser is that of the problem on the original features.
        double lambda = options.L2Regularization;
        ColumnStatistics stats = ColumnStatistics.Compute(features);
        var mean = stats.Mean.ToArray();
        var scale = stats.StandardDeviation.Select(s => 1.0 / Math.Sqrt((0.25 * n * s * s) + lambda + 1e-12)).ToArray();
        double biasScale = 1.0 / Math.Sqrt(0.25 * n);
        var scaled = new float[features.Values.Length];
        for (int i = 0; i < n; i++)
        {
            Span<float> source = features.Row(i);
            for (int j = 0; j < d; j++)
            {
                scaled[(i * d) + j] = (float)((source[j] - mean[j]) * scale[j]);
            }
        }

        int blocks = (n + BlockRows - 1) / BlockRows;
        var blockGradients = new double[blocks][];
        var blockValues = new double[blocks];

        double Objective(ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            double[] v = parameters[..d].ToArray();
            double c = parameters[d] * biasScale;
            Parallel.For(0, blocks, Parallelism.Options, block =>
            {
                double[] partial = blockGradients[block] ??= new double[d + 1];
                Array.Clear(partial);
                double loss = 0;
                int end = Math.Min(n, (block + 1) * BlockRows);
                for (int i = block * BlockRows; i < end; i++)
                {
                    ReadOnlySpan<float> row = scaled.AsSpan(i * d, d);
                    double margin = c;
                    for (int j = 0; j < d; j++)
                    {
                        margin += v[j] * row[j];
                    }

                    double ym = y[i] * margin;
                    // log(1 + exp(-ym)) computed without overflow.
                    loss += ym > 0 ? double.LogP1(Math.Exp(-ym)) : -ym + double.LogP1(Math.Exp(ym));
                    double coefficient = -y[i] / (1.0 + Math.Exp(ym));
                    for (int j = 0; j < d; j++)
                    {
                        partial[j] += coefficient * row[j];
                    }

                    partial[d] += coefficient * biasScale;
                }

                blockValues[block] = loss;
            });

            gradient.Clear();
            double value = 0;
            for (int block = 0; block < blocks; block++)
            {
                value += blockValues[block];
                double[] partial = blockGradients[block];
                for (int j = 0; j <= d; j++)
                {
                    gradient[j] += partial[j];
                }
            }

            for (int j = 0; j < d; j++)
            {
                double penaltyScale = scale[j] * scale[j];
                value += 0.5 * lambda * penaltyScale * v[j] * v[j];
                gradient[j] += lambda * penaltyScale * v[j];
            }

            return value;
        }

        var solution = new double[d + 1];
        Lbfgs.Minimize(Objective, solution, options.HistorySize, options.MaximumNumberOfIterations, options.OptimizationTolerance);

        var weights = new float[d];
        double bias = solution[d] * biasScale;
        for (int j = 0; j < d; j++)
        {
            double w = solution[j] * scale[j];
            weights[j] = (float)w;
            bias -= w * mean[j];
        }

        return new LinearBinaryModel(weights, (float)bias);
    }
}
