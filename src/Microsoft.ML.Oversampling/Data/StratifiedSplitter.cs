using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Data;

/// <summary>Stratified train/test and k-fold assignments: each class is shuffled and spread evenly.</summary>
internal static class StratifiedSplitter
{
    /// <summary>Assigns each row a fold in 0..k-1 so that every fold gets ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of each class c.</summary>
    public static int[] AssignFolds(IReadOnlyList<int> classes, int folds, DeterministicRandom random)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        }

        var assignment = new int[classes.Count];
        int next = 0; // continues across classes so fold sizes stay balanced overall
        foreach (var group in GroupRows(classes))
        {
            if (group.Value.Length < folds)
            {
                throw new ArgumentException(
                    $"Class {group.Key} has {group.Value.Length} rows, fewer than the {folds} folds: every test fold needs a row of every class. Use fewer folds.");
            }

            random.Shuffle(group.Value.AsSpan());
            foreach (int row in group.Value)
            {
                assignment[row] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }

    /// <summary>Splits rows into (train, test) with <paramref name="testFraction"/> of each class in test (rounded,
    /// at least one test and one training row per class).</summary>
    public static (int[] Train, int[] Test) TrainTest(IReadOnlyList<int> classes, double testFraction, DeterministicRandom random)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1 (exclusive).");
        }

        var train = new List<int>();
        var test = new List<int>();
        foreach (var group in GroupRows(classes))
        {
            int[] rows = group.Value;
            if (rows.Length < 2)
            {
                throw new ArgumentException($"Class {group.Key} has a single row; a stratified split needs at least 2 rows of each class.");
            }

            random.Shuffle(rows.AsSpan());
            int testCount = Math.Clamp((int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero), 1, rows.Length - 1);
            test.AddRange(rows.Take(testCount));
            train.AddRange(rows.Skip(testCount));
        }

        train.Sort();
        test.Sort();
        return (train.ToArray(), test.ToArray());
    }

    /// <summary>Randomly splits rows without stratification.</summary>
    public static (int[] Train, int[] Test) TrainTestUnstratified(int rowCount, double testFraction, DeterministicRandom random)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1 (exclusive).");
        }

        int[] rows = Enumerable.Range(0, rowCount).ToArray();
        random.Shuffle(rows.AsSpan());
        int testCount = Math.Clamp((int)Math.Round(rowCount * testFraction, MidpointRounding.AwayFromZero), 1, rowCount - 1);
        int[] test = rows[..testCount];
        int[] train = rows[testCount..];
        Array.Sort(test);
        Array.Sort(train);
        return (train, test);
    }

    private static SortedDictionary<int, int[]> GroupRows(IReadOnlyList<int> classes) =>
        new(Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).ToDictionary(g => g.Key, g => g.ToArray()));
}
