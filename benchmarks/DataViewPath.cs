using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// The same resampling through ML.NET: an in-memory <see cref="IDataView"/> in, <c>mlContext.Data.Oversample</c>, and
/// one cursor pass that reads the label and features of every output row (what a trainer's first pass does). The
/// difference from the matrix path is the cost of the adapter: reading the input view and serving the output view.
/// </summary>
internal static class DataViewPath
{
    private sealed class Row
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>
    /// Best-of-<paramref name="repeats"/> times of <c>estimator.Fit(view)</c> (reading the view, resampling, building the
    /// resampled view) and of one plain cursor pass over the input view (ML.NET's own cost of reading it, which any
    /// consumer of the view pays), and the resampled row count (read back in full, untimed).
    /// </summary>
    public static (double FitSeconds, double ReadSeconds, long Rows) Run(string method, DenseMatrix x, int[] y, int repeats, int warmup, bool cached)
    {
        var ml = new MLContext(seed: 0);
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        IDataView data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, x.Rows).Select(i => new Row { Label = y[i] == 1, Features = x.Row(i).ToArray() }).ToArray(), definition);
        if (cached)
        {
            data = ml.Data.Cache(data); // ML.NET's in-memory column cache, as a pipeline with AppendCacheCheckpoint reads it
            ReadAll(data);
        }

        for (int i = 0; i < warmup; i++)
        {
            ReadAll(ml.Data.Oversample(data, Estimator(method)));
        }

        double bestFit = double.PositiveInfinity, bestRead = double.PositiveInfinity;
        long rows = 0;
        for (int i = 0; i < repeats; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            ReadAll(data);
            bestRead = Math.Min(bestRead, stopwatch.Elapsed.TotalSeconds);
            OversamplingEstimator estimator = Estimator(method);
            stopwatch.Restart();
            OversamplingTransformer fitted = estimator.Fit(data);
            bestFit = Math.Min(bestFit, stopwatch.Elapsed.TotalSeconds);
            rows = ReadAll(fitted.Transform(data));
        }

        return (bestFit, bestRead, rows);
    }

    private static OversamplingEstimator Estimator(string method)
    {
        Samplers.Oversampler sampler = ResampleCommand.Create(method);
        sampler.Options.Seed = 0;
        return new OversamplingEstimator(sampler);
    }

    private static long ReadAll(IDataView data)
    {
        long rows = 0;
        float checksum = 0;
        using DataViewRowCursor cursor = data.GetRowCursor(data.Schema);
        ValueGetter<bool> label = cursor.GetGetter<bool>(data.Schema["Label"]);
        ValueGetter<VBuffer<float>> features = cursor.GetGetter<VBuffer<float>>(data.Schema["Features"]);
        bool l = false;
        VBuffer<float> f = default;
        while (cursor.MoveNext())
        {
            label(ref l);
            features(ref f);
            checksum += f.GetValues()[0];
            rows++;
        }

        GC.KeepAlive(checksum);
        return rows;
    }
}
