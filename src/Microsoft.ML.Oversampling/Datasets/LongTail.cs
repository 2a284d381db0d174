using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>
/// Long-tailed subsets of a balanced training set, as imbalanced-DL builds CIFAR-10-LT and the like (papers.md §4.8): the
/// class counts of a <see cref="LongTailProfile"/> and imbalance ratio ρ = n_max/n_min, and the rows drawn without
/// replacement from a fixed per-class shuffle (seed 0 by default, separate from any training seed), so every training
/// seed sees the same subset.
/// </summary>
public static class LongTail
{
    /// <summary>The rows each class keeps, head (class 0) first.</summary>
    /// <param name="largest">n_max, the rows of class 0 (imbalanced-DL: the training-set size over the classes).</param>
    /// <param name="classes">C, at least 2.</param>
    /// <param name="ratio">ρ ≥ 1 (imbalanced-DL's <c>imb_factor</c> is 1/ρ).</param>
    /// <param name="profile">The profile.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter outside its range.</exception>
    /// <exception cref="ArgumentException">A class would keep 0 rows (the class and the largest ρ that keeps it are named).</exception>
    public static int[] Counts(int largest, int classes, double ratio, LongTailProfile profile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(largest, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (!(ratio >= 1 && double.IsFinite(ratio)))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The imbalance ratio ρ = n_max/n_min is a finite value of at least 1.");
        }

        if (!Enum.IsDefined(profile))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown long-tail profile.");
        }

        double factor = 1 / ratio;
        var counts = new int[classes];
        for (int c = 0; c < classes; c++)
        {
            // The code's int(img_max * imb_factor ** (cls_idx / (cls_num - 1.0))), in double precision.
            counts[c] = profile == LongTailProfile.Exponential
                ? (int)(largest * Math.Pow(factor, c / (classes - 1.0)))
                : c < classes / 2 ? largest : (int)(largest * factor);
            if (counts[c] == 0)
            {
                throw new ArgumentException(
                    $"Class {c} would keep 0 of {largest} rows at ρ = {ratio} ({profile} profile); every class needs a row, so ρ must be at most {largest}.",
                    nameof(ratio));
            }
        }

        return counts;
    }

    /// <summary>
    /// The rows of the long-tailed subset of <paramref name="labels"/> (0-based classes): for each class in order, its
    /// rows shuffled with a <see cref="DeterministicRandom"/> of <paramref name="seed"/> (one stream for all classes, as
    /// the code's single <c>np.random.seed</c>) and the first <c>counts[c]</c> kept; returned sorted by row.
    /// </summary>
    /// <exception cref="ArgumentException">A label outside 0 … counts.Count − 1, or a class with fewer rows than it should keep.</exception>
    public static int[] Subsample(IReadOnlyList<int> labels, IReadOnlyList<int> counts, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(counts);
        var rowsOf = new List<int>[counts.Count];
        for (int c = 0; c < rowsOf.Length; c++)
        {
            rowsOf[c] = [];
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if ((uint)labels[i] >= (uint)counts.Count)
            {
                throw new ArgumentException($"Row {i} has class {labels[i]}; the counts cover classes 0 to {counts.Count - 1}.", nameof(labels));
            }

            rowsOf[labels[i]].Add(i);
        }

        var random = new DeterministicRandom(seed);
        var kept = new List<int>();
        for (int c = 0; c < rowsOf.Length; c++)
        {
            if (rowsOf[c].Count < counts[c])
            {
                throw new ArgumentException($"Class {c} has {rowsOf[c].Count} rows; the long-tailed subset asks for {counts[c]}.", nameof(counts));
            }

            int[] rows = [.. rowsOf[c]];
            random.Shuffle(rows.AsSpan());
            kept.AddRange(rows.Take(counts[c]));
        }

        kept.Sort();
        return [.. kept];
    }
}
