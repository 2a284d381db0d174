namespace Microsoft.ML.Oversampling.Trainers;

/// <summary>
/// Limited-memory BFGS minimisation of a smooth function, with a line search that enforces the strong Wolfe
/// conditions (Nocedal &amp; Wright, Numerical Optimization, algorithms 7.4, 3.5 and 3.6).
/// </summary>
internal static class Lbfgs
{
    /// <summary>Evaluates the objective at <c>x</c>, writes its gradient into <c>gradient</c> and returns its value.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/> (updated in place).</summary>
    /// <returns>The number of iterations done.</returns>
    public static int Minimize(Objective objective, double[] x, int historySize, int maxIterations, double tolerance)
    {
        int n = x.Length;
        var g = new double[n];
        double f = objective(x, g);
        var s = new double[historySize][];
        var y = new double[historySize][];
        var rho = new double[historySize];
        var alpha = new double[historySize];
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        int stored = 0, head = 0;

        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Two-loop recursion: direction = -H·g.
            for (int i = 0; i < n; i++)
            {
                direction[i] = -g[i];
            }

            for (int k = 0; k < stored; k++)
            {
                int idx = (head - 1 - k + historySize) % historySize;
                alpha[idx] = rho[idx] * Dot(s[idx], direction);
                Axpy(-alpha[idx], y[idx], direction);
            }

            if (stored > 0)
            {
                int last = (head - 1 + historySize) % historySize;
                double gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
                for (int i = 0; i < n; i++)
                {
                    direction[i] *= gamma;
                }
            }

            for (int k = stored - 1; k >= 0; k--)
            {
                int idx = (head - 1 - k + historySize) % historySize;
                double beta = rho[idx] * Dot(y[idx], direction);
                Axpy(alpha[idx] - beta, s[idx], direction);
            }

            double slope = Dot(g, direction);
            if (slope >= 0)
            {
                // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++)
                {
                    direction[i] = -g[i];
                }

                slope = Dot(g, direction);
            }

            double initialStep = iteration == 1 && stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(g, g))) : 1.0;
            double fNew = LineSearch(objective, x, f, g, direction, slope, initialStep, xNew, gNew);
            if (double.IsNaN(fNew))
            {
                return iteration;
            }

            double[] sk = s[head] ??= new double[n];
            double[] yk = y[head] ??= new double[n];
            for (int i = 0; i < n; i++)
            {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }

            double sy = Dot(sk, yk);
            double fOld = f;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            f = fNew;
            if (sy > 1e-12)
            {
                rho[head] = 1.0 / sy;
                head = (head + 1) % historySize;
                stored = Math.Min(stored + 1, historySize);
            }

            double gradientNorm = Math.Sqrt(Dot(g, g));
            if (Math.Abs(fOld - f) <= tolerance * Math.Max(1.0, Math.Abs(f)) || gradientNorm <= tolerance * Math.Max(1.0, Math.Abs(f)))
            {
                return iteration;
            }
        }

        return maxIterations;
    }

    /// <summary>Strong-Wolfe line search; returns the new value (NaN if no acceptable step was found) and fills
    /// <paramref name="xNew"/> and <paramref name="gNew"/>.</summary>
    private static double LineSearch(
        Objective objective, double[] x, double f0, double[] g0, double[] d, double slope0, double step,
        double[] xNew, double[] gNew)
    {
        const double c1 = 1e-4, c2 = 0.9;
        double previousStep = 0, previousF = f0, previousSlope = slope0;
        for (int trial = 0; trial < 40; trial++)
        {
            double f = Evaluate(objective, x, d, step, xNew, gNew);
            double slope = Dot(gNew, d);
            if (f > f0 + (c1 * step * slope0) || (trial > 0 && f >= previousF))
            {
                return Zoom(objective, x, f0, d, slope0, previousStep, previousF, previousSlope, step, f, xNew, gNew);
            }

            if (Math.Abs(slope) <= -c2 * slope0)
            {
                return f;
            }

            if (slope >= 0)
            {
                return Zoom(objective, x, f0, d, slope0, step, f, slope, previousStep, previousF, xNew, gNew);
            }

            previousStep = step;
            previousF = f;
            previousSlope = slope;
            step *= 2;
        }

        return double.NaN;
    }

    private static double Zoom(
        Objective objective, double[] x, double f0, double[] d, double slope0,
        double low, double fLow, double slopeLow, double high, double fHigh, double[] xNew, double[] gNew)
    {
        const double c1 = 1e-4, c2 = 0.9;
        double bestF = double.NaN;
        for (int trial = 0; trial < 40; trial++)
        {
            // Cubic-free safeguarded quadratic interpolation, kept inside the bracket.
            double width = high - low;
            double denominator = 2 * (fHigh - fLow - (slopeLow * width));
            double step = denominator > 0 ? low - (slopeLow * width * width / denominator) : low + (width / 2);
            double lo = Math.Min(low, high), hi = Math.Max(low, high);
            if (!(step > lo + (0.1 * (hi - lo)) && step < hi - (0.1 * (hi - lo))))
            {
                step = low + (width / 2);
            }

            double f = Evaluate(objective, x, d, step, xNew, gNew);
            double slope = Dot(gNew, d);
            if (f > f0 + (c1 * step * slope0) || f >= fLow)
            {
                high = step;
                fHigh = f;
            }
            else
            {
                bestF = f;
                if (Math.Abs(slope) <= -c2 * slope0)
                {
                    return f;
                }

                if (slope * (high - low) >= 0)
                {
                    high = low;
                    fHigh = fLow;
                }

                low = step;
                fLow = f;
                slopeLow = slope;
            }

            if (Math.Abs(high - low) < 1e-16)
            {
                break;
            }
        }

        // Fall back to the best sufficient-decrease point seen, re-evaluated so xNew/gNew match it.
        if (fLow < f0 && low > 0)
        {
            return Evaluate(objective, x, d, low, xNew, gNew);
        }

        return bestF;
    }

    private static double Evaluate(Objective objective, double[] x, double[] d, double step, double[] xNew, double[] gNew)
    {
        for (int i = 0; i < x.Length; i++)
        {
            xNew[i] = x[i] + (step * d[i]);
        }

        return objective(xNew, gNew);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
