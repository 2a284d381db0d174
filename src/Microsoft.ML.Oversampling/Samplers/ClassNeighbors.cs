using System.Runtime.CompilerServices;
using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// The neighbour queries shared by the SMOTE family, with imbalanced-learn's one-vs-rest semantics: neighbours
/// within a class for interpolation, neighbours among all rows (any other label counting as "other class") for
/// Borderline-SMOTE's danger test and ADASYN's weights. A row is never its own neighbour.
/// </summary>
internal static class ClassNeighbors
{
    /// <summary>
    /// The <paramref name="k"/> nearest same-class rows of some rows of class <paramref name="label"/>, as row
    /// indices of the whole problem, query-major.
    /// </summary>
    /// <param name="problem">The problem.</param>
    /// <param name="label">The class.</param>
    /// <param name="k">Neighbours per query.</param>
    /// <param name="positionsInClass">Which class rows to query (positions in <see cref="SamplingProblem.RowsOf"/>);
    /// <c>null</c> for all of them.</param>
    /// <param name="options">Search options.</param>
    public static int[] WithinClass(SamplingProblem problem, int label, int k, int[]? positionsInClass, NearestNeighborOptions options)
    {
        ReadOnlySpan<int> classRows = problem.RowsOf(label);
        var search = new ExactNearestNeighbors(problem.FeaturesOf(label), options);
        NeighborGraph graph = positionsInClass is null ? search.SearchSelf(k) : search.SearchRows(positionsInClass, k);
        return ToProblemRows(graph.Indices, classRows);
    }

    /// <summary>
    /// The <paramref name="k"/> nearest other rows among <paramref name="rows"/> of each of them, as row indices of
    /// the whole problem, query-major.
    /// </summary>
    public static int[] AmongRows(DenseMatrix features, int[] rows, int k, NearestNeighborOptions options) =>
        ToProblemRows(new ExactNearestNeighbors(features.SelectRows(rows), options).SearchSelf(k).Indices, rows);

    /// <summary>The <paramref name="k"/> nearest rows of the whole data (any class) of each row of the class.</summary>
    public static NeighborGraph AmongAllRows(SamplingProblem problem, int label, int k, NearestNeighborOptions options) =>
        AmongAllRows(problem, problem.RowsOf(label), k, options);

    /// <summary>The <paramref name="k"/> nearest other rows of the whole data (any class) of each of <paramref name="rows"/>.</summary>
    public static NeighborGraph AmongAllRows(SamplingProblem problem, ReadOnlySpan<int> rows, int k, NearestNeighborOptions options) =>
        new ExactNearestNeighbors(problem.Features, options).SearchRows(rows, k);

    /// <summary>For each query of <paramref name="graph"/>, how many of its neighbours have another label than <paramref name="label"/>.</summary>
    public static int[] CountOtherClass(SamplingProblem problem, int label, NeighborGraph graph)
    {
        var counts = new int[graph.QueryCount];
        for (int q = 0; q < counts.Length; q++)
        {
            foreach (int neighbor in graph.NeighborsOf(q))
            {
                if (problem.LabelArray[neighbor] != label)
                {
                    counts[q]++;
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// The <paramref name="k"/> nearest rows of other classes of the given rows, as row indices of the whole problem.
    /// </summary>
    public static int[] InOtherClasses(SamplingProblem problem, int label, ReadOnlySpan<int> rows, int k, NearestNeighborOptions options)
    {
        int[] otherRows = new int[problem.LabelArray.Length - problem.Counts[label]];
        for (int r = 0, n = 0; r < problem.LabelArray.Length; r++)
        {
            if (problem.LabelArray[r] != label)
            {
                otherRows[n++] = r;
            }
        }

        var search = new ExactNearestNeighbors(problem.Features.SelectRows(otherRows), options);
        return ToProblemRows(search.Search(problem.Features.SelectRows(rows), k).Indices, otherRows);
    }

    /// <summary>Turns positions in a subset of rows into row indices of the whole problem, in place.</summary>
    private static int[] ToProblemRows(int[] positions, ReadOnlySpan<int> rows)
    {
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i] = rows[positions[i]];
        }

        return positions;
    }

    /// <summary>
    /// Throws <see cref="OptionException"/> when a class to grow is too small for <paramref name="k"/> same-class neighbours
    /// (the row itself plus k others).
    /// </summary>
    public static void RequireClassSize(SamplingProblem problem, int k, string parameterName)
    {
        for (int i = 0; i < problem.Generation.Count; i++)
        {
            int label = problem.Generation.LabelAt(i);
            int size = problem.Counts[label];
            if (problem.Generation.ValueAt(i) > 0 && size < k + 1)
            {
                throw new OptionException(
                    parameterName,
                    $"Class {label} has {size} rows but {parameterName} = {k} needs at least {k + 1} (each row and its {k} nearest same-class neighbours); lower {parameterName} or use random oversampling for this class.");
            }
        }
    }

    /// <summary>Throws <see cref="OptionException"/> when the whole data has too few rows for each row's <paramref name="m"/> nearest other rows.</summary>
    public static void RequireRowsForNeighbors(SamplingProblem problem, int m, string parameterName)
    {
        if (problem.Labels.Count < m + 1)
        {
            throw new OptionException(
                parameterName,
                $"The data has {problem.Labels.Count} rows but {parameterName} = {m} needs at least {m + 1} (each row and its {m} nearest rows).");
        }
    }

    /// <summary>The thread count for a sampler's parallelism setting.</summary>
    public static int Parallelism(NeighborOversamplerOptions options) => options.MaxDegreeOfParallelism ?? Numerics.Parallelism.EffectiveDegree;

    /// <summary>The search options for a sampler's parallelism setting.</summary>
    public static NearestNeighborOptions SearchOptions(NeighborOversamplerOptions options) =>
        new() { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
}
