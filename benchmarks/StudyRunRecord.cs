using System.Globalization;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>One line of the AutoSMOTE study's CSV: a method fitted on one split of one dataset, and its scores.</summary>
/// <param name="Dataset">Dataset name (file stem in <c>../shared/datasets</c>).</param>
/// <param name="Method">Study method name.</param>
/// <param name="Seed">Split and model seed.</param>
/// <param name="Epochs">MLP epochs of the fit.</param>
/// <param name="TrainRows">Real training rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="Cohorts">AutoSMOTE cohorts (0 for other methods).</param>
/// <param name="Precision">Test macro precision.</param>
/// <param name="Recall">Test macro recall.</param>
/// <param name="F1">Test macro F1.</param>
/// <param name="BalancedAccuracy">Test balanced accuracy.</param>
/// <param name="TrainF1">Macro F1 on the real training rows.</param>
/// <param name="FitSeconds">Wall time of resampling plus training.</param>
internal sealed record StudyRunRecord(
    string Dataset, string Method, int Seed, int Epochs, int TrainRows, int TestRows, int Cohorts,
    double Precision, double Recall, double F1, double BalancedAccuracy, double TrainF1, double FitSeconds)
{
    /// <summary>The CSV header line.</summary>
    public const string Header = "dataset,method,seed,epochs,train_rows,test_rows,cohorts,precision,recall,f1,balanced_accuracy,train_f1,fit_seconds";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The key a resumed run is skipped by.</summary>
    public (string Dataset, string Method, int Seed) Key => (Dataset, Method, Seed);

    /// <summary>The train–test gap of macro F1 (training minus test).</summary>
    public double Gap => TrainF1 - F1;

    /// <summary>The record as a CSV line (no newline).</summary>
    public string ToCsv() => string.Join(",",
        Dataset, Method, Seed.ToString(Invariant), Epochs.ToString(Invariant), TrainRows.ToString(Invariant), TestRows.ToString(Invariant),
        Cohorts.ToString(Invariant), Precision.ToString("F6", Invariant), Recall.ToString("F6", Invariant), F1.ToString("F6", Invariant),
        BalancedAccuracy.ToString("F6", Invariant), TrainF1.ToString("F6", Invariant), FitSeconds.ToString("F3", Invariant));

    /// <summary>Parses a line written by <see cref="ToCsv"/>.</summary>
    /// <exception cref="FormatException">The line does not have the header's 13 fields.</exception>
    public static StudyRunRecord Parse(string line)
    {
        string[] f = line.Split(',');
        if (f.Length != 13)
        {
            throw new FormatException($"A study CSV line has 13 fields; this one has {f.Length}: {line}");
        }

        int I(int k) => int.Parse(f[k], Invariant);
        double D(int k) => double.Parse(f[k], Invariant);
        return new StudyRunRecord(f[0], f[1], I(2), I(3), I(4), I(5), I(6), D(7), D(8), D(9), D(10), D(11), D(12));
    }

    /// <summary>Every record of a study CSV (none if the file does not exist).</summary>
    public static List<StudyRunRecord> ReadAll(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Parse)] : [];
}
