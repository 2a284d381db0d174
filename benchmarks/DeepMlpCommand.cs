using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Generators;
using Microsoft.ML.Oversampling.Numerics;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// The deep MLP classifier on an embedded dataset, min–max scaled (the same scaling as <c>torch_mlp.py</c>): fit time
/// and time per epoch with the §3.4 defaults, the saved zip's size, and how far ONNX Runtime's scores (what the
/// transformer and a loaded zip output) are from LibTorch's forward pass of the same weights. The timed fit follows an
/// untimed one-epoch fit, as <c>torch_mlp.py</c> times after importing torch.
/// </summary>
public sealed class DeepMlpCommand : IBenchmarkCommand
{
    public string Name => "deep-mlp";

    public string Description => "Deep MLP classifier fit time, zip size, ONNX vs LibTorch scores (--dataset yeast4 --epochs 200 --batch 128 --hidden 64 --seed 1)";

    public int Run(BenchmarkArguments arguments)
    {
        string name = arguments.String("dataset", "yeast4");
        LabeledMatrix matrix = EmbeddedDatasets.LoadMatrix(name);
        DenseMatrix x = MinMax(matrix.Features);
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, x.Rows).Select(i => new Row { Label = matrix.Labels[i] == 1, Features = x.Row(i).ToArray() }).ToArray();
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        IDataView data = ml.Data.LoadFromEnumerable(rows, definition);
        var options = new DeepMlpOptions
        {
            MaxEpoch = arguments.Int("epochs", 200),
            BatchSize = arguments.Int("batch", 128),
            HiddenLayerSizes = arguments.IntList("hidden", 64),
            Seed = arguments.Int("seed", 1),
        };

        // One untimed 1-epoch fit first: loading LibTorch and ONNX Runtime and JIT-compiling cost about 3 s once per process.
        var warmUp = options.Clone();
        warmUp.MaxEpoch = 1;
        ml.BinaryClassification.Trainers.DeepMlp(warmUp).Fit(data).Transform(data).GetColumn<float>("Score").Sum();

        var watch = Stopwatch.StartNew();
        DeepMlpTransformer model = ml.BinaryClassification.Trainers.DeepMlp(options).Fit(data);
        double fit = watch.Elapsed.TotalSeconds;

        watch.Restart();
        float[] onnx = [.. model.Transform(data).GetColumn<float>("Score")];
        double score = watch.Elapsed.TotalSeconds;
        float[] torch;
        using (var network = DeepMlpNetwork.FromLayers(model.Model.Layers, CPU))
        {
            torch = NetworkInference.Predict(network, x, 1, CPU).Values;
        }

        int identical = 0;
        double maxAbsolute = 0, maxRelative = 0;
        for (int i = 0; i < onnx.Length; i++)
        {
            identical += BitConverter.SingleToInt32Bits(onnx[i]) == BitConverter.SingleToInt32Bits(torch[i]) ? 1 : 0;
            double difference = Math.Abs(onnx[i] - torch[i]);
            maxAbsolute = Math.Max(maxAbsolute, difference);
            maxRelative = Math.Max(maxRelative, difference / Math.Max(Math.Abs(torch[i]), 1e-30));
        }

        using var zip = new MemoryStream();
        ml.Model.Save(model, data.Schema, zip);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(data));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"dataset {name}: {x.Rows} rows, {x.Columns} features; hidden [{string.Join(",", options.HiddenLayerSizes)}], batch {options.BatchSize}, {options.MaxEpoch} epochs, seed {options.Seed}, LibTorch threads {TorchThreads.IntraOp}");
        Console.WriteLine($"fit_seconds={fit.ToString("F2", c)} ms_per_epoch={(1000 * fit / options.MaxEpoch).ToString("F2", c)} (a warm fit: reading the data, training, the ONNX export and building the ML.NET chain)");
        Console.WriteLine($"score_seconds={score.ToString("F3", c)} for {x.Rows} rows through ONNX Runtime");
        Console.WriteLine($"onnx_bytes={model.Model.ToOnnx().Length} zip_bytes={zip.Length}");
        Console.WriteLine($"onnx_vs_libtorch: {identical}/{onnx.Length} bit-identical, max |diff| {maxAbsolute.ToString("E2", c)}, max relative {maxRelative.ToString("E2", c)}");
        Console.WriteLine($"training AUC {metrics.AreaUnderRocCurve.ToString("F4", c)}, final training loss {model.Model.TrainingLoss[^1].ToString("F5", c)}");
        return 0;
    }

    /// <summary>Min–max scaling to [0, 1] per column (constant columns to 0).</summary>
    internal static DenseMatrix MinMax(DenseMatrix x)
    {
        var scaled = new DenseMatrix(x.Rows, x.Columns);
        for (int j = 0; j < x.Columns; j++)
        {
            float min = float.PositiveInfinity, max = float.NegativeInfinity;
            for (int i = 0; i < x.Rows; i++)
            {
                min = Math.Min(min, x[i, j]);
                max = Math.Max(max, x[i, j]);
            }

            for (int i = 0; i < x.Rows; i++)
            {
                scaled[i, j] = max > min ? (x[i, j] - min) / (max - min) : 0;
            }
        }

        return scaled;
    }

    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
