using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Svm;

/// <summary>
/// A binary C-support-vector classifier with the RBF kernel <c>exp(−γ‖a − b‖²)</c>, solved in the dual by sequential
/// minimal optimisation with libsvm's second-order working-set selection (Fan, Chen &amp; Lin, 2005), the solver
/// behind scikit-learn's <c>SVC</c>: the same problem, stopping rule (maximal violating pair within the tolerance)
/// and update. Used by SVM-SMOTE for its support vectors. Deterministic: no randomness, and the kernel rows are
/// computed in a fixed order.
/// </summary>
internal static class RbfSupportVectorMachine
{
    /// <summary>Below this, a pair's curvature is treated as this (libsvm's <c>TAU</c>).</summary>
    private const double Tau = 1e-12;

    /// <summary>Kernel rows kept in memory at most (about libsvm's 200 MB cache at 10 000 rows).</summary>
    private const long CacheBytes = 200L << 20;

    /// <summary>scikit-learn's <c>gamma="scale"</c>: 1 / (features × variance of all values).</summary>
    public static double ScaleGamma(DenseMatrix features)
    {
        double mean = 0;
        foreach (float v in features.Values)
        {
            mean += v;
        }

        mean /= features.Values.Length;
        double variance = 0;
        foreach (float v in features.Values)
        {
            variance += (v - mean) * (v - mean);
        }

        variance /= features.Values.Length;
        return variance > 0 ? 1.0 / (features.Columns * variance) : 1.0;
    }

    /// <summary>
    /// Solves the dual for <paramref name="rows"/> of <paramref name="features"/> with labels ±1 and returns each
    /// row's coefficient α in [0, C]; the support vectors are the rows with α &gt; 0.
    /// </summary>
    /// <param name="features">All rows.</param>
    /// <param name="rows">The rows of this problem.</param>
    /// <param name="positive">For each of <paramref name="rows"/>, whether its label is +1 (else −1).</param>
    /// <param name="c">The box constraint C.</param>
    /// <param name="gamma">The kernel's γ.</param>
    /// <param name="tolerance">Stopping tolerance on the maximal violating pair (scikit-learn's <c>tol</c>).</param>
    /// <param name="maxIterations">Iterations at most.</param>
    /// <param name="maxDegreeOfParallelism">Threads for computing kernel rows.</param>
    /// <param name="converged">Whether the stopping rule was met within <paramref name="maxIterations"/>.</param>
    public static double[] Solve(
        DenseMatrix features, int[] rows, bool[] positive, double c, double gamma, double tolerance, long maxIterations, int maxDegreeOfParallelism, out bool converged)
    {
        int n = rows.Length;
        var alpha = new double[n];
        var gradient = new double[n];
        var y = new double[n];
        for (int t = 0; t < n; t++)
        {
            gradient[t] = -1;
            y[t] = positive[t] ? 1 : -1;
        }

        var cache = new KernelRows(features, rows, gamma, (int)Math.Clamp(CacheBytes / (4L * Math.Max(1, n)), 2, n), maxDegreeOfParallelism);
        converged = false;
        for (long iteration = 0; iteration < maxIterations; iteration++)
        {
            if (!SelectPair(alpha, gradient, y, c, cache, tolerance, out int i, out int j))
            {
                converged = true;
                break;
            }

            float[] ki = cache.Row(i);
            float[] kj = cache.Row(j);
            double oldI = alpha[i], oldJ = alpha[j];
            Update(alpha, gradient, y, c, i, j, ki[j]);
            double deltaI = (alpha[i] - oldI) * y[i];
            double deltaJ = (alpha[j] - oldJ) * y[j];
            for (int t = 0; t < n; t++)
            {
                // Q[i][t] = y_i y_t K(i, t)
                gradient[t] += y[t] * ((ki[t] * deltaI) + (kj[t] * deltaJ));
            }
        }

        return alpha;
    }

    /// <summary>libsvm's second-order working-set selection; false when the maximal violation is within tolerance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SelectPair(double[] alpha, double[] gradient, double[] y, double c, KernelRows cache, double tolerance, out int i, out int j)
    {
        int n = alpha.Length;
        double gmax = double.NegativeInfinity;
        i = -1;
        for (int t = 0; t < n; t++)
        {
            // I_up: y = +1 below C, or y = −1 above 0; maximise −y G.
            bool up = y[t] > 0 ? alpha[t] < c : alpha[t] > 0;
            if (up && -y[t] * gradient[t] >= gmax)
            {
                gmax = -y[t] * gradient[t];
                i = t;
            }
        }

        j = -1;
        if (i < 0)
        {
            return false;
        }

        float[] ki = cache.Row(i);
        double gmax2 = double.NegativeInfinity;
        double best = double.PositiveInfinity;
        for (int t = 0; t < n; t++)
        {
            // I_low: y = +1 above 0, or y = −1 below C.
            bool low = y[t] > 0 ? alpha[t] > 0 : alpha[t] < c;
            if (!low)
            {
                continue;
            }

            double violation = y[t] * gradient[t];
            gmax2 = Math.Max(gmax2, violation);
            double gradientDifference = gmax + violation;
            if (gradientDifference > 0)
            {
                double curvature = 2 - (2 * ki[t]); // K(i,i) + K(t,t) − 2K(i,t) for the RBF kernel
                double objective = -(gradientDifference * gradientDifference) / Math.Max(curvature, Tau);
                if (objective <= best)
                {
                    best = objective;
                    j = t;
                }
            }
        }

        return gmax + gmax2 >= tolerance && j >= 0;
    }

    /// <summary>The analytic two-variable update with clipping to the box (libsvm's, with both bounds C).</summary>
    private static void Update(double[] alpha, double[] gradient, double[] y, double c, int i, int j, double kij)
    {
        if (y[i] != y[j])
        {
            double curvature = Math.Max(2 - (2 * kij), Tau); // Q_ii + Q_jj + 2 Q_ij, where Q_ij = −K_ij
            double delta = (-gradient[i] - gradient[j]) / curvature;
            double difference = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (difference > 0)
            {
                if (alpha[j] < 0)
                {
                    alpha[j] = 0;
                    alpha[i] = difference;
                }
            }
            else if (alpha[i] < 0)
            {
                alpha[i] = 0;
                alpha[j] = -difference;
            }

            if (difference > 0)
            {
                if (alpha[i] > c)
                {
                    alpha[i] = c;
                    alpha[j] = c - difference;
                }
            }
            else if (alpha[j] > c)
            {
                alpha[j] = c;
                alpha[i] = c + difference;
            }
        }
        else
        {
            double curvature = Math.Max(2 - (2 * kij), Tau); // Q_ii + Q_jj − 2 Q_ij, where Q_ij = K_ij
            double delta = (gradient[i] - gradient[j]) / curvature;
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c)
            {
                if (alpha[i] > c)
                {
                    alpha[i] = c;
                    alpha[j] = sum - c;
                }
            }
            else if (alpha[j] < 0)
            {
                alpha[j] = 0;
                alpha[i] = sum;
            }

            if (sum > c)
            {
                if (alpha[j] > c)
                {
                    alpha[j] = c;
                    alpha[i] = sum - c;
                }
            }
            else if (alpha[i] < 0)
            {
                alpha[i] = 0;
                alpha[j] = sum;
            }
        }
    }

    /// <summary>
    /// Kernel rows in single precision (as libsvm stores them), least recently used evicted first. Values are
    /// computed as libsvm does, <c>exp(−γ(‖a‖² + ‖b‖² − 2a·b))</c> in double precision, in parallel over fixed
    /// blocks of columns (each value is independent, so the thread count cannot change them).
    /// </summary>
    private sealed class KernelRows
    {
        private const int ColumnsPerBlock = 2048;

        private readonly double[] _points;
        private readonly int _features;
        private readonly int _count;
        private readonly double[] _squaredNorms;
        private readonly double _gamma;
        private readonly int _capacity;
        private readonly int _threads;
        private readonly Dictionary<int, LinkedListNode<(int Row, float[] Values)>> _index = [];
        private readonly LinkedList<(int Row, float[] Values)> _recent = new();

        public KernelRows(DenseMatrix features, int[] rows, double gamma, int capacity, int threads)
        {
            _features = features.Columns;
            _count = rows.Length;
            _points = new double[rows.Length * _features];
            _squaredNorms = new double[rows.Length];
            for (int t = 0; t < rows.Length; t++)
            {
                Span<double> point = _points.AsSpan(t * _features, _features);
                ReadOnlySpan<float> row = features.Row(rows[t]);
                for (int j = 0; j < _features; j++)
                {
                    point[j] = row[j];
                }

                _squaredNorms[t] = Dot(point, point);
            }

            _gamma = gamma;
            _capacity = capacity;
            _threads = SmallWork.Threads(3L * rows.Length * features.Columns, threads);
        }

        public float[] Row(int i)
        {
            if (_index.TryGetValue(i, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                return node.Value.Values;
            }

            float[] values;
            if (_index.Count >= _capacity)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _index.Remove(last.Value.Row);
                values = last.Value.Values;
            }
            else
            {
                values = new float[_count];
            }

            int blocks = (_count + ColumnsPerBlock - 1) / ColumnsPerBlock;
            SmallWork.For(blocks, _threads, block => Compute(i, values, block * ColumnsPerBlock, Math.Min(_count, (block + 1) * ColumnsPerBlock)));
            _index[i] = _recent.AddFirst((i, values));
            return values;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Compute(int i, float[] values, int start, int end)
        {
            int d = _features;
            ReadOnlySpan<double> a = _points.AsSpan(i * d, d);
            double normA = _squaredNorms[i];
            for (int t = start; t < end; t++)
            {
                double squaredDistance = normA + _squaredNorms[t] - (2 * Dot(a, _points.AsSpan(t * d, d)));
                values[t] = (float)Math.Exp(-_gamma * squaredDistance);
            }
        }

        /// <summary>A dot product in double precision, four lanes at a time, then the lanes and the rest in order.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            int j = 0;
            var sum = Vector256<double>.Zero;
            for (; j <= a.Length - 4; j += 4)
            {
                sum += Vector256.Create(a.Slice(j, 4)) * Vector256.Create(b.Slice(j, 4));
            }

            double total = Vector256.Sum(sum);
            for (; j < a.Length; j++)
            {
                total += a[j] * b[j];
            }

            return total;
        }
    }
}
