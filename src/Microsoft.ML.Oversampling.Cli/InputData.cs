using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;
using Microsoft.ML.Oversampling.Cli.Infrastructure;
using Microsoft.ML.Oversampling.Datasets;

namespace Microsoft.ML.Oversampling.Cli;

/// <summary>What a command was told to read: a CSV file (read once and checked) or an embedded dataset.</summary>
internal sealed class InputData
{
    private InputData(TrainingData data, CsvTable? table)
    {
        Data = data;
        Table = table;
    }

    /// <summary>The data, ready for a pipeline.</summary>
    public TrainingData Data { get; }

    /// <summary>The checked file, when the data came from one.</summary>
    public CsvTable? Table { get; }

    /// <summary>Reads a labelled CSV file.</summary>
    public static InputData FromFile(MLContext ml, string path, string label, string? positive, IReadOnlyList<string> categorical, MissingValuePolicy missing)
    {
        CsvTable table = CsvTable.Read(path, label, labelRequired: true, categorical, only: null, missing);
        return new InputData(CsvDataLoader.LoadLabelled(ml, table, positive, missing), table);
    }

    /// <summary>Reads --input or --dataset; with neither, the default embedded dataset when <paramref name="allowDefault"/>.</summary>
    public static InputData Load(MLContext ml, FileInfo? input, string? dataset, string label, string? positive, IReadOnlyList<string> categorical, MissingValuePolicy missing, bool allowDefault)
    {
        if (input is not null && dataset is not null)
        {
            throw new CliException("Give either --input or --dataset, not both.");
        }

        if (input is not null)
        {
            return FromFile(ml, input.FullName, label, positive, categorical, missing);
        }

        if (dataset is null && !allowDefault)
        {
            throw new CliException("Give the data with --input FILE.csv (and --label COLUMN).");
        }

        try
        {
            return new InputData(LibraryData.Embedded(ml, dataset ?? EmbeddedDatasets.DefaultName), null);
        }
        catch (ArgumentException e)
        {
            throw new CliException("--dataset: " + CliAction.OneLine(e));
        }
    }

    /// <summary>Rows per label value.</summary>
    public IReadOnlyDictionary<string, int> ClassCounts() =>
        Table is not null
            ? Table.Labels.GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
            : Data.Data.GetColumn<bool>(TrainingData.LabelColumn).GroupBy(l => Data.Classes.Text(l ? 1 : 0)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Fails before any work when a class has fewer rows than <paramref name="folds"/>.</summary>
    public void CheckFolds(int folds)
    {
        var (value, rows) = ClassCounts().OrderBy(kv => kv.Value).First();
        if (rows < folds)
        {
            throw new CliException($"--folds {folds}: class '{value}' of {(Table?.LabelName is { } l ? $"column '{l}'" : Data.Name)} has only {rows} rows; every test fold needs a row of each class, so use at most {rows} folds.");
        }
    }

    /// <summary>One line describing the data.</summary>
    public string Describe() =>
        $"{Data.Name}: {(Table?.RowCount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Data.Data.GetRowCount()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")} rows, {Data.FeatureNames.Count} features, "
        + (Data.Classes.IsBinary ? $"classes {Data.Classes.Values[0]}/{Data.Classes.Values[1]} (positive {Data.Classes.Positive})" : $"{Data.Classes.Values.Count} classes ({string.Join(", ", Data.Classes.Values)})")
        + (Table is { DroppedRows: > 0 } ? $", {Table.DroppedRows} rows dropped (--missing drop)" : string.Empty)
        + (Table is { MissingCells: > 0 } ? $", {Table.MissingCells} cells replaced by the column mean (--missing mean)" : string.Empty);
}
