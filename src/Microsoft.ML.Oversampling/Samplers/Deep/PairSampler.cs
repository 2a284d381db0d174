using Microsoft.ML.Oversampling.Neighbors;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>
/// Draws pairs of rows of one class by a <see cref="PairSelection"/> policy. Holds the class's k-nearest-neighbour
/// lists when the policy needs them (computed once, exactly, on the scaled rows).
/// </summary>
internal sealed class PairSampler
{
    private readonly int[]? _neighbors;
    private readonly int _k;

    public PairSampler(PairSelection selection, DenseMatrix classRows, int kNeighbors)
        : this(selection, classRows.Rows, selection == PairSelection.KNearestNeighbors ? Neighbors(classRows, kNeighbors) : null, kNeighbors)
    {
    }

    public PairSampler(PairSelection selection, int rows, int[]? neighbors, int kNeighbors)
    {
        if (rows < 2)
        {
            throw new ArgumentException($"Pairs need at least 2 rows; the class has {rows}.", nameof(rows));
        }

        if (selection == PairSelection.KNearestNeighbors && (neighbors is null || neighbors.Length != rows * kNeighbors))
        {
            throw new ArgumentException($"k-nearest-neighbour pairs need {kNeighbors} neighbours for each of the {rows} rows.", nameof(neighbors));
        }

        Selection = selection;
        Rows = rows;
        _neighbors = neighbors;
        _k = kNeighbors;
    }

    public PairSelection Selection { get; }

    public int Rows { get; }

    /// <summary>The neighbour lists (row-major, <c>k</c> per row), or null when the policy does not use them.</summary>
    public int[]? NeighborLists => _neighbors;

    public int KNeighbors => _k;

    /// <summary>
    /// Fills <paramref name="first"/> and <paramref name="second"/> with pairs of distinct rows. Stateless: the
    /// deterministic enumeration starts at pair number <paramref name="enumerationStart"/> (0 for generation, so the
    /// same count always gives the same pairs; training moves it on each epoch to cover every pair).
    /// </summary>
    public void Draw(Span<int> first, Span<int> second, DeterministicRandom random, long enumerationStart = 0)
    {
        for (int t = 0; t < first.Length; t++)
        {
            switch (Selection)
            {
                case PairSelection.Random:
                    first[t] = random.NextInt(Rows);
                    second[t] = (first[t] + 1 + random.NextInt(Rows - 1)) % Rows; // uniform over the other rows
                    break;
                case PairSelection.KNearestNeighbors:
                    first[t] = random.NextInt(Rows);
                    second[t] = _neighbors![(first[t] * _k) + random.NextInt(_k)];
                    break;
                default:
                    long n = enumerationStart + t;
                    first[t] = (int)(n % Rows);
                    second[t] = (int)((first[t] + 1 + (n / Rows % (Rows - 1))) % Rows);
                    break;
            }
        }
    }

    private static int[] Neighbors(DenseMatrix classRows, int k)
    {
        if (classRows.Rows < k + 1)
        {
            throw new ArgumentException(
                $"The class has {classRows.Rows} rows but k-nearest-neighbour pairs with KNeighbors = {k} need at least {k + 1}. Lower KNeighbors or use random pairs.");
        }

        return new ExactNearestNeighbors(classRows, new NearestNeighborOptions()).SearchSelf(k).Indices;
    }
}
