using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Svm;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// SVM-SMOTE (Nguyen, Cooper &amp; Kamei, 2011) with imbalanced-learn 0.10's semantics: an RBF support-vector
/// machine finds the class's support vectors (one-vs-one against each other class, as scikit-learn's <c>SVC</c>);
/// those whose m nearest rows are all of other classes are dropped as noise; the rest are "danger" (at least half of
/// other classes) or "safe". A Beta(10, 10) share of the rows interpolates from danger support vectors toward their
/// k nearest same-class rows (step in [0, 1)); the others extrapolate from safe ones away from them (step in
/// (−<see cref="SvmSmoteOptions.OutStep"/>, 0]).
/// </summary>
/// <remarks>
/// As in imbalanced-learn, when every kept support vector is in danger (or every one is safe) only that part's
/// rows are generated, so the class ends with fewer rows than the strategy asked. When no support vector survives,
/// <see cref="InvalidOperationException"/> is thrown. The SVM is solved exactly as libsvm does (same working-set
/// selection and stopping rule), so the support vectors match scikit-learn's up to the solver's tolerance; the
/// solver needs the kernel between all pairs of rows, so it is meant for thousands, not millions, of rows. If the
/// solver reaches libsvm's iteration cap (10⁷, or 100 per row) the support vectors of its last iterate are used, as
/// scikit-learn does after its convergence warning.
/// </remarks>
public sealed class SvmSmote : InterpolatingOversampler
{
    /// <summary>Creates the sampler.</summary>
    public SvmSmote(SvmSmoteOptions? options = null)
        : base(options ?? new SvmSmoteOptions())
    {
        OptionChecks.Positive(SvmOptions.KNeighbors, nameof(SvmSmoteOptions.KNeighbors));
        OptionChecks.Positive(SvmOptions.MNeighbors, nameof(SvmSmoteOptions.MNeighbors));
        OptionChecks.Positive(SvmOptions.OutStep, nameof(SvmSmoteOptions.OutStep));
        OptionChecks.Positive(SvmOptions.C, nameof(SvmSmoteOptions.C));
        OptionChecks.Positive(SvmOptions.Tolerance, nameof(SvmSmoteOptions.Tolerance));
        if (SvmOptions.Gamma is double gamma)
        {
            OptionChecks.Positive(gamma, nameof(SvmSmoteOptions.Gamma));
        }
    }

    /// <inheritdoc />
    public override string Name => "svm-smote";

    /// <summary>Support rows per resampling call, shared by the classes it grows.</summary>
    private readonly ConditionalWeakTable<SamplingProblem, bool[]> _supportRows = new();

    private SvmSmoteOptions SvmOptions => (SvmSmoteOptions)Options;

    /// <inheritdoc />
    protected override void Validate(SamplingProblem problem)
    {
        ClassNeighbors.RequireRowsForNeighbors(problem, SvmOptions.MNeighbors, nameof(SvmSmoteOptions.MNeighbors));
        ClassNeighbors.RequireClassSize(problem, SvmOptions.KNeighbors, nameof(SvmSmoteOptions.KNeighbors));
    }

    /// <inheritdoc />
    private protected override InterpolationPlan Plan(SamplingProblem problem, int label, int count, DeterministicRandom random)
    {
        NearestNeighborOptions search = ClassNeighbors.SearchOptions(SvmOptions);
        int k = SvmOptions.KNeighbors;
        int m = SvmOptions.MNeighbors;
        int[] support = SupportVectors(problem, label);
        int[] others = ClassNeighbors.CountOtherClass(problem, label, ClassNeighbors.AmongAllRows(problem, support, m, search));
        int[] kept = support.Where((_, i) => others[i] < m).ToArray();
        if (kept.Length == 0)
        {
            throw new InvalidOperationException(
                $"SVM-SMOTE found {support.Length} support vector(s) of class {label} and all are noise (their {m} nearest rows are all of other classes); nothing to generate from.");
        }

        int[] keptOthers = others.Where(o => o < m).ToArray();
        int[] danger = kept.Where((_, i) => 2 * keptOthers[i] >= m).ToArray();
        int[] safe = kept.Where((_, i) => 2 * keptOthers[i] < m).ToArray();

        var plan = new InterpolationPlan();
        int fromDanger = (int)(BetaDistribution.Sample(random, 10, 10) * (count + 1));
        if (danger.Length > 0)
        {
            plan.DrawUniform(danger, SameClassNeighbors(problem, label, danger, k, search), k, fromDanger, 1.0, random);
        }

        if (safe.Length > 0)
        {
            plan.DrawUniform(safe, SameClassNeighbors(problem, label, safe, k, search), k, count - fromDanger, -SvmOptions.OutStep, random);
        }

        return plan;
    }

    /// <summary>The class's rows that are support vectors of at least one of its one-vs-one SVMs, ascending.</summary>
    private int[] SupportVectors(SamplingProblem problem, int label)
    {
        bool[] isSupport = _supportRows.GetValue(problem, FindSupportRows);
        var support = new List<int>();
        foreach (int row in problem.RowsOf(label))
        {
            if (isSupport[row])
            {
                support.Add(row);
            }
        }

        return [.. support];
    }

    /// <summary>
    /// Solves, once per resampling call, each one-vs-one SVM of a pair of classes of which at least one grows (a pair's
    /// dual is the same whichever class is +1), and marks every row with a positive coefficient in any of them.
    /// </summary>
    private bool[] FindSupportRows(SamplingProblem problem)
    {
        double gamma = SvmOptions.Gamma ?? RbfSupportVectorMachine.ScaleGamma(problem.Features);
        int[] classes = [.. problem.ClassCounts.Keys.Order()];
        var isSupport = new bool[problem.Labels.Count];
        for (int a = 0; a < classes.Length; a++)
        {
            for (int b = a + 1; b < classes.Length; b++)
            {
                if (problem.RowsToGenerate.GetValueOrDefault(classes[a]) == 0 && problem.RowsToGenerate.GetValueOrDefault(classes[b]) == 0)
                {
                    continue;
                }

                int[] rows = [.. problem.RowsOf(classes[a]), .. problem.RowsOf(classes[b])];
                Array.Sort(rows);
                bool[] positive = rows.Select(r => problem.Labels[r] == classes[b]).ToArray(); // the larger label is +1, as in the solver tests
                long maxIterations = Math.Max(10_000_000L, 100L * rows.Length); // libsvm's cap
                double[] alpha = RbfSupportVectorMachine.Solve(
                    problem.Features, rows, positive, SvmOptions.C, gamma, SvmOptions.Tolerance, maxIterations, ClassNeighbors.Parallelism(SvmOptions), out _);
                for (int t = 0; t < rows.Length; t++)
                {
                    isSupport[rows[t]] |= alpha[t] > 0;
                }
            }
        }

        return isSupport;
    }

    /// <summary>The k nearest same-class rows of some rows of the class (problem row indices), excluding each row itself.</summary>
    private static int[] SameClassNeighbors(SamplingProblem problem, int label, int[] rows, int k, NearestNeighborOptions search)
    {
        ReadOnlySpan<int> classRows = problem.RowsOf(label);
        var positions = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            positions[i] = classRows.BinarySearch(rows[i]);
        }

        return ClassNeighbors.WithinClass(problem, label, k, positions, search);
    }
}
