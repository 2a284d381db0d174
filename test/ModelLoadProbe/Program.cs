using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

// Usage: ModelLoadProbe MODEL.zip FEATURES.csv
// FEATURES.csv: one row of comma-separated floats per line (no header). Prints the Score of each row, round-trip
// formatted, one per line, after loading the model with plain ML.NET.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ModelLoadProbe MODEL.zip FEATURES.csv");
    return 2;
}

var ml = new MLContext(seed: 0);
ITransformer model = ml.Model.Load(args[0], out DataViewSchema inputSchema);
float[][] rows = File.ReadAllLines(args[1])
    .Where(line => line.Length > 0)
    .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())
    .ToArray();
int width = rows[0].Length;
var definition = SchemaDefinition.Create(typeof(ProbeRow));
definition[nameof(ProbeRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
IDataView data = ml.Data.LoadFromEnumerable(rows.Select(r => new ProbeRow { Features = r }), definition);
IDataView scored = model.Transform(data);
foreach (float score in scored.GetColumn<float>("Score"))
{
    Console.WriteLine(score.ToString("R", CultureInfo.InvariantCulture));
}

Console.Error.WriteLine($"loaded {model.GetType().Name} with input columns {string.Join(",", inputSchema.Select(c => c.Name))}");
return 0;

/// <summary>One input row: the feature vector.</summary>
internal sealed class ProbeRow
{
    public float[] Features { get; set; } = [];
}
