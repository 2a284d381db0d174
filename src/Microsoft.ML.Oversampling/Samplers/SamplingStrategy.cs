using System.Globalization;

namespace Microsoft.ML.Oversampling.Samplers;

/// <summary>
/// Which classes an oversampler grows and to what size, with imbalanced-learn's <c>sampling_strategy</c>
/// semantics: <c>auto</c> (= <c>not majority</c>), <c>minority</c>, <c>not minority</c>, <c>all</c>, a ratio
/// <c>N_minority_after / N_majority</c> (binary only), or explicit per-class totals.
/// </summary>
/// <remarks>
/// Every string form equalises the chosen classes to the majority count. The majority and minority classes are
/// the first class, in ascending label order, with the largest and smallest count (as in imbalanced-learn).
/// </remarks>
public sealed class SamplingStrategy
{
    private readonly StrategyKind _kind;
    private readonly double _ratio;
    private readonly SortedDictionary<int, int>? _targetCounts;

    private SamplingStrategy(StrategyKind kind, double ratio = 0, SortedDictionary<int, int>? targetCounts = null)
    {
        _kind = kind;
        _ratio = ratio;
        _targetCounts = targetCounts;
    }

    private enum StrategyKind
    {
        NotMajority,
        Minority,
        NotMinority,
        All,
        Ratio,
        Counts,
    }

    /// <summary>The default: every class but the majority is grown to the majority count (<c>auto</c>).</summary>
    public static SamplingStrategy Auto { get; } = new(StrategyKind.NotMajority);

    /// <summary>Every class but the majority is grown to the majority count (<c>not majority</c>).</summary>
    public static SamplingStrategy NotMajority => Auto;

    /// <summary>Only the smallest class is grown to the majority count (<c>minority</c>).</summary>
    public static SamplingStrategy Minority { get; } = new(StrategyKind.Minority);

    /// <summary>Every class but the smallest is grown to the majority count (<c>not minority</c>).</summary>
    public static SamplingStrategy NotMinority { get; } = new(StrategyKind.NotMinority);

    /// <summary>Every class is grown to the majority count; the majority gets no new rows (<c>all</c>).</summary>
    public static SamplingStrategy All { get; } = new(StrategyKind.All);

    /// <summary>
    /// Binary data only: grows the minority class until <c>N_minority / N_majority = ratio</c>, with
    /// <c>ratio</c> in (0, 1]. The count to generate is <c>floor(N_majority * ratio - N_minority)</c>, which must be
    /// positive (as in imbalanced-learn).
    /// </summary>
    public static SamplingStrategy Ratio(double ratio)
    {
        if (!(ratio > 0 && ratio <= 1))
        {
            throw Error($"A SamplingStrategy ratio is the minority/majority ratio after resampling and must be in (0, 1], but it is {ratio.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new SamplingStrategy(StrategyKind.Ratio, ratio);
    }

    /// <summary>
    /// Explicit final totals per class (not increments). Classes not listed are left alone; a total below a class's
    /// current count is an error, since oversampling never removes rows.
    /// </summary>
    public static SamplingStrategy Counts(IReadOnlyDictionary<int, int> targetTotals)
    {
        ArgumentNullException.ThrowIfNull(targetTotals);
        if (targetTotals.Count == 0)
        {
            throw Error("SamplingStrategy counts must give at least one class and its target total.");
        }

        foreach (var (label, total) in targetTotals)
        {
            if (total < 0)
            {
                throw Error($"SamplingStrategy asks for {total} rows of class {label}; a target total cannot be negative.");
            }
        }

        return new SamplingStrategy(StrategyKind.Counts, targetCounts: new SortedDictionary<int, int>(targetTotals.ToDictionary()));
    }

    /// <summary>
    /// Parses the textual forms used on the command line and in saved models: <c>auto</c>, <c>not majority</c>,
    /// <c>minority</c>, <c>not minority</c>, <c>all</c> (spaces, dashes or underscores alike), a ratio such as
    /// <c>0.5</c>, or totals such as <c>1:300,2:400</c>.
    /// </summary>
    public static SamplingStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = text.Trim().ToLowerInvariant().Replace('-', ' ').Replace('_', ' ');
        switch (key)
        {
            case "auto":
            case "not majority":
                return Auto;
            case "minority":
                return Minority;
            case "not minority":
                return NotMinority;
            case "all":
                return All;
            case "majority":
                throw Error("The SamplingStrategy 'majority' is for under-samplers; an oversampler cannot grow the majority class.");
        }

        if (key.Contains(':'))
        {
            var totals = new Dictionary<int, int>();
            foreach (string pair in key.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] parts = pair.Split(':', StringSplitOptions.TrimEntries);
                if (parts.Length != 2
                    || !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int label)
                    || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int total))
                {
                    throw new FormatException($"Cannot read '{pair}' in SamplingStrategy '{text}'; write class:total pairs such as 1:300,2:400.");
                }

                if (!totals.TryAdd(label, total))
                {
                    throw new FormatException($"Class {label} appears twice in SamplingStrategy '{text}'.");
                }
            }

            return Counts(totals);
        }

        if (double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out double ratio))
        {
            return Ratio(ratio);
        }

        throw new FormatException(
            $"Unknown SamplingStrategy '{text}'; use auto, not majority, minority, not minority, all, a ratio in (0, 1], or class:total pairs such as 1:300,2:400.");
    }

    /// <summary>
    /// Turns the strategy into the number of rows to generate per class for data with the given class counts.
    /// </summary>
    /// <param name="classCounts">Rows per class label in the training data (at least two classes).</param>
    /// <returns>Rows to generate per target class, in ascending label order (zero entries included, as in
    /// imbalanced-learn's <c>sampling_strategy_</c>).</returns>
    public SortedDictionary<int, int> Resolve(IReadOnlyDictionary<int, int> classCounts)
    {
        ArgumentNullException.ThrowIfNull(classCounts);
        var result = new SortedDictionary<int, int>();
        foreach (var (label, count) in ResolveCounts(ClassMap.From(classCounts)))
        {
            result[label] = count;
        }

        return result;
    }

    /// <summary><see cref="Resolve"/> on the library's own map (the resampling path: no framework collection to jit).</summary>
    internal ClassMap<int> ResolveCounts(ClassMap<int> counts)
    {
        if (counts.Count < 2)
        {
            throw new ArgumentException($"The label needs at least 2 classes to oversample, but it has {counts.Count}.");
        }

        // The first class with the largest (smallest) count, in label order.
        int majority = 0, minority = 0;
        for (int i = 1; i < counts.Count; i++)
        {
            majority = counts.ValueAt(i) > counts.ValueAt(majority) ? i : majority;
            minority = counts.ValueAt(i) < counts.ValueAt(minority) ? i : minority;
        }

        int majorityClass = counts.LabelAt(majority);
        int minorityClass = counts.LabelAt(minority);
        int majorityCount = counts.ValueAt(majority);
        var labels = new List<int>();
        var toGenerate = new List<int>();
        switch (_kind)
        {
            case StrategyKind.NotMajority:
                AddGaps(c => c != majorityClass);
                break;
            case StrategyKind.Minority:
                AddGaps(c => c == minorityClass);
                break;
            case StrategyKind.NotMinority:
                AddGaps(c => c != minorityClass);
                break;
            case StrategyKind.All:
                AddGaps(_ => true);
                break;
            case StrategyKind.Ratio:
                if (counts.Count != 2)
                {
                    throw Error(
                        $"A SamplingStrategy ratio applies to binary labels only, but the label has {counts.Count} classes; give per-class totals instead.");
                }

                for (int i = 0; i < counts.Count; i++)
                {
                    int label = counts.LabelAt(i), count = counts.ValueAt(i);
                    if (label == majorityClass)
                    {
                        continue;
                    }

                    int rows = (int)((majorityCount * _ratio) - count); // truncation toward zero, as Python's int()
                    if (rows <= 0)
                    {
                        // imbalanced-learn raises when the ratio would generate no row at all, not only when it would remove rows.
                        throw Error(
                            $"The SamplingStrategy ratio {_ratio.ToString(CultureInfo.InvariantCulture)} asks for no new rows of class {label} ({count} rows, majority {majorityCount}), since oversampling cannot remove rows; increase the ratio above the current {((double)count / majorityCount).ToString("G4", CultureInfo.InvariantCulture)}.");
                    }

                    Add(label, rows);
                }

                break;
            case StrategyKind.Counts:
                var missing = new List<int>();
                foreach (int label in _targetCounts!.Keys)
                {
                    if (!counts.ContainsKey(label))
                    {
                        missing.Add(label);
                    }
                }

                if (missing.Count > 0)
                {
                    throw Error(
                        $"SamplingStrategy names class(es) {string.Join(", ", missing)}, which the data does not have (its classes are {string.Join(", ", counts.Keys)}).");
                }

                foreach (var (label, total) in _targetCounts)
                {
                    if (total < counts[label])
                    {
                        throw Error(
                            $"Class {label} has {counts[label]} rows but SamplingStrategy asks for a total of {total}; oversampling cannot remove rows, so a class's total must be at least its current count.");
                    }

                    Add(label, total - counts[label]);
                }

                break;
        }

        return new ClassMap<int>([.. labels], [.. toGenerate]);

        void Add(int label, int rows)
        {
            labels.Add(label);
            toGenerate.Add(rows);
        }

        void AddGaps(Func<int, bool> isTarget)
        {
            for (int i = 0; i < counts.Count; i++)
            {
                if (isTarget(counts.LabelAt(i)))
                {
                    Add(counts.LabelAt(i), majorityCount - counts.ValueAt(i));
                }
            }
        }
    }

    /// <summary>An error in the strategy (or in how it fits the data), reported against the SamplingStrategy option.</summary>
    private static OptionException Error(string message) => new(nameof(OversamplerOptions.SamplingStrategy), message);

    /// <summary>The textual form, accepted back by <see cref="Parse(string)"/>.</summary>
    public override string ToString() => _kind switch
    {
        StrategyKind.NotMajority => "auto",
        StrategyKind.Minority => "minority",
        StrategyKind.NotMinority => "not minority",
        StrategyKind.All => "all",
        StrategyKind.Ratio => _ratio.ToString("R", CultureInfo.InvariantCulture),
        _ => string.Join(",", _targetCounts!.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}:{kv.Value}"))),
    };
}
