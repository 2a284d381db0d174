using System.Globalization;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Datasets;

/// <summary>Facts about one dataset embedded in the library.</summary>
/// <param name="Name">The name to load it by.</param>
/// <param name="Rows">Row count.</param>
/// <param name="Features">Feature count.</param>
/// <param name="MinorityRows">Rows of the minority (positive) class.</param>
/// <param name="Source">Where it comes from (see Datasets/Embedded/ATTRIBUTION.md for citations).</param>
public sealed record EmbeddedDatasetInfo(string Name, int Rows, int Features, int MinorityRows, string Source)
{
    /// <summary>The imbalance ratio: majority rows per minority row.</summary>
    public double ImbalanceRatio => (Rows - MinorityRows) / (double)MinorityRows;
}

/// <summary>
/// Small real imbalanced datasets shipped inside the library (KEEL/UCI and scikit-learn's copies; see
/// <c>Datasets/Embedded/ATTRIBUTION.md</c>), so examples and the command line's default run need no file. Each has
/// numeric feature columns and a last column <c>label</c> with 1 for the minority class and 0 for the majority.
/// </summary>
public static class EmbeddedDatasets
{
    /// <summary>The dataset used when a command is given no input.</summary>
    public const string DefaultName = "yeast4";

    private static readonly EmbeddedDatasetInfo[] s_all =
    [
        new("haberman", 306, 3, 81, "KEEL / UCI Haberman's Survival"),
        new("pima", 768, 8, 268, "KEEL / UCI Pima Indians Diabetes"),
        new("wisconsin", 683, 9, 239, "KEEL / UCI Breast Cancer Wisconsin (original)"),
        new("breast_cancer", 569, 30, 212, "UCI Breast Cancer Wisconsin (Diagnostic), scikit-learn's copy"),
        new("new-thyroid1", 215, 5, 35, "KEEL / UCI Thyroid"),
        new("ecoli3", 336, 7, 35, "KEEL / UCI Ecoli"),
        new("yeast3", 1484, 8, 163, "KEEL / UCI Yeast"),
        new("glass2", 214, 9, 17, "KEEL / UCI Glass Identification"),
        new("yeast4", 1484, 8, 51, "KEEL / UCI Yeast"),
    ];

    /// <summary>All embedded datasets.</summary>
    public static IReadOnlyList<EmbeddedDatasetInfo> All => s_all;

    /// <summary>The facts of the dataset called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No dataset has that name; the message lists the names.</exception>
    public static EmbeddedDatasetInfo Info(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_all.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No embedded dataset '{name}'. Available: {string.Join(", ", s_all.Select(d => d.Name))}.", nameof(name));
    }

    /// <summary>The CSV text of an embedded dataset (header row, comma-separated, last column <c>label</c>).</summary>
    public static string ReadCsv(string name)
    {
        EmbeddedDatasetInfo info = Info(name);
        using Stream stream = typeof(EmbeddedDatasets).Assembly.GetManifestResourceStream($"Microsoft.ML.Oversampling.Datasets.{info.Name}.csv")
            ?? throw new InvalidOperationException($"The embedded resource of dataset '{info.Name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads an embedded dataset as a dense matrix with 0/1 labels (1 = minority).</summary>
    public static LabeledMatrix LoadMatrix(string name)
    {
        EmbeddedDatasetInfo info = Info(name);
        LabeledMatrix data = ParseCsv(ReadCsv(name));
        if (data.Rows != info.Rows || data.Features.Columns != info.Features || data.Labels.Count(l => l == 1) != info.MinorityRows)
        {
            throw new InvalidOperationException($"The embedded dataset '{info.Name}' does not match its facts.");
        }

        return data;
    }

    /// <summary>Parses a dataset CSV of this layout (header row, numeric features, last column an integer label).</summary>
    internal static LabeledMatrix ParseCsv(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] header = lines[0].Split(',');
        int d = header.Length - 1;
        var features = new DenseMatrix(lines.Length - 1, d);
        var labels = new int[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            string[] cells = lines[i].Split(',');
            Span<float> row = features.Row(i - 1);
            for (int j = 0; j < d; j++)
            {
                row[j] = float.Parse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            labels[i - 1] = int.Parse(cells[d], CultureInfo.InvariantCulture);
        }

        return new LabeledMatrix(features, labels, header[..d]);
    }
}
