using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>One grown class as AutoSMOTE sees it: its position among the grown classes (the class one-hot of the
/// criterion input) and its rows.</summary>
/// <param name="Position">0-based position among the classes grown when the criteria were trained.</param>
/// <param name="Rows">Its row indices in the feature matrix.</param>
internal sealed record GrownClass(int Position, int[] Rows);

/// <summary>
/// The seeds AutoSMOTE draws from: every row of the grown classes, class after class, with its K_max nearest
/// same-class neighbours (exact search, nearest first, never itself), its decision unit (its cohort, or itself in the
/// self variant) and the criterion network's input of every unit, <c>[h; one-hot of the class]</c> with h the row
/// (self) or the cohort's centroid (cohort).
/// </summary>
internal sealed class SeedTable
{
    private SeedTable(int[] rows, int[] seedClass, int[] classStart, int[] neighbors, int[] unit, DenseMatrix unitInputs, IReadOnlyList<DenseMatrix>? centroids)
    {
        Rows = rows;
        SeedClass = seedClass;
        ClassStart = classStart;
        Neighbors = neighbors;
        Unit = unit;
        UnitInputs = unitInputs;
        Centroids = centroids;
    }

    /// <summary>The feature-matrix row of each seed.</summary>
    public int[] Rows { get; }

    /// <summary>The index, in the build's class list, of each seed's class.</summary>
    public int[] SeedClass { get; }

    /// <summary>The first seed of each class of the build's list, then the seed count.</summary>
    public int[] ClassStart { get; }

    /// <summary>Seeds × K_max neighbour rows of the feature matrix, nearest first.</summary>
    public int[] Neighbors { get; }

    /// <summary>The decision unit of each seed (an index into <see cref="UnitInputs"/>).</summary>
    public int[] Unit { get; }

    /// <summary>Units × (features + grown classes): what the criterion network reads.</summary>
    public DenseMatrix UnitInputs { get; }

    /// <summary>The cohort centroids of each class of the build's list (cohort variant), else <c>null</c>.</summary>
    public IReadOnlyList<DenseMatrix>? Centroids { get; }

    /// <summary>Seeds in all.</summary>
    public int Count => Rows.Length;

    /// <summary>Builds the table.</summary>
    /// <param name="features">The feature matrix the rows index.</param>
    /// <param name="classes">The classes to draw seeds from.</param>
    /// <param name="grownClasses">How many classes the criteria were trained to grow (the one-hot width).</param>
    /// <param name="maxNeighbors">K_max.</param>
    /// <param name="cohorts">For the cohort variant, groups one class's rows: each row's cohort and the cohorts'
    /// centroids; <c>null</c> for the self variant.</param>
    /// <param name="search">Neighbour search options.</param>
    public static SeedTable Build(
        DenseMatrix features, IReadOnlyList<GrownClass> classes, int grownClasses, int maxNeighbors,
        Func<int, DenseMatrix, (int[] Assignments, DenseMatrix Centroids)>? cohorts, NearestNeighborOptions? search = null)
    {
        int d = features.Columns;
        var rows = new List<int>();
        var seedClass = new List<int>();
        var classStart = new List<int>();
        var neighbors = new List<int>();
        var unit = new List<int>();
        var inputs = new List<(float[] Point, int Position)>();
        var centroids = cohorts is null ? null : new List<DenseMatrix>();
        for (int c = 0; c < classes.Count; c++)
        {
            GrownClass grown = classes[c];
            DenseMatrix classFeatures = features.SelectRows(grown.Rows);
            classStart.Add(rows.Count);
            int[] found = new ExactNearestNeighbors(classFeatures, search).SearchSelf(maxNeighbors).Indices;
            neighbors.AddRange(found.Select(position => grown.Rows[position]));
            rows.AddRange(grown.Rows);
            seedClass.AddRange(Enumerable.Repeat(c, grown.Rows.Length));
            if (cohorts is null)
            {
                unit.AddRange(Enumerable.Range(inputs.Count, grown.Rows.Length));
                inputs.AddRange(Enumerable.Range(0, grown.Rows.Length).Select(i => (classFeatures.Row(i).ToArray(), grown.Position)));
            }
            else
            {
                var (assignments, centres) = cohorts(c, classFeatures);
                int first = inputs.Count;
                unit.AddRange(assignments.Select(a => first + a));
                inputs.AddRange(Enumerable.Range(0, centres.Rows).Select(g => (centres.Row(g).ToArray(), grown.Position)));
                centroids!.Add(centres);
            }
        }

        classStart.Add(rows.Count);
        var unitInputs = new DenseMatrix(inputs.Count, d + grownClasses);
        for (int u = 0; u < inputs.Count; u++)
        {
            inputs[u].Point.CopyTo(unitInputs.Row(u));
            unitInputs[u, d + inputs[u].Position] = 1;
        }

        return new SeedTable([.. rows], [.. seedClass], [.. classStart], [.. neighbors], [.. unit], unitInputs, centroids);
    }
}
