using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// One AutoSMOTE fit with the default options (cohort variant, §3.4 MLP: 200 epochs, batch 128) on a dataset of
/// <c>../shared/datasets</c>, min–max scaled, after an untimed one-epoch fit (loading LibTorch and ONNX Runtime), next
/// to the plain deep MLP on the same rows. The issue's target: at most 30 s on a 10,000-row dataset.
/// </summary>
public sealed class AutoSmoteFitCommand : IBenchmarkCommand
{
    public string Name => "autosmote-fit";

    public string Description => "One AutoSMOTE fit (defaults) vs the deep MLP alone (--dataset pen_digits --data-dir ../shared/datasets --variant Cohort --epochs 200 --batch 128 --seed 1 [--frozen] [--no-learned-interpolation])";

    public int Run(BenchmarkArguments arguments)
    {
        string name = arguments.String("dataset", "pen_digits");
        LabeledMatrix raw = StudyData.Load(arguments.String("data-dir", "../shared/datasets"), name);
        var data = new LabeledMatrix(MinMaxScaler.Fit(raw.Features).Transform(raw.Features), raw.Labels, raw.FeatureNames);
        var ml = new MLContext(seed: 1);
        IDataView view = ml.Data.LoadFromLabeledMatrix(data);
        var options = new AutoSmoteOptions
        {
            Variant = Enum.Parse<AutoSmoteVariant>(arguments.String("variant", "Cohort"), ignoreCase: true),
            Classifier = new DeepMlpOptions { MaxEpoch = arguments.Int("epochs", 200), BatchSize = arguments.Int("batch", 128), Seed = arguments.Int("seed", 1) },
            FreezeCriteria = arguments.Flag("frozen"),
        };
        if (arguments.Flag("no-learned-interpolation"))
        {
            options.Aggregations = [.. options.Aggregations.Where(a => a != AutoSmoteAggregation.LearnedInterpolate)];
        }

        var warmUp = options.Clone();
        warmUp.Classifier.MaxEpoch = 1;
        ml.BinaryClassification.Trainers.AutoSmote(warmUp).Fit(view).Dispose();

        var watch = Stopwatch.StartNew();
        using (AutoSmoteTransformer model = ml.BinaryClassification.Trainers.AutoSmote(options).Fit(view))
        {
            double autoSmote = watch.Elapsed.TotalSeconds;
            watch.Restart();
            using DeepMlpTransformer mlp = ml.BinaryClassification.Trainers.DeepMlp(options.Classifier).Fit(view);
            double plain = watch.Elapsed.TotalSeconds;
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine($"dataset {name}: {data.Rows} rows, {data.Features.Columns} features, {data.Labels.Count(l => l == 1)} minority; variant {options.Variant}, {options.Classifier.MaxEpoch} epochs, batch {options.Classifier.BatchSize}, seed {options.Classifier.Seed}");
            Console.WriteLine($"autosmote_fit_seconds={autoSmote.ToString("F2", c)} deep_mlp_fit_seconds={plain.ToString("F2", c)} ratio={(autoSmote / plain).ToString("F2", c)} cohorts={string.Join(",", model.Model.CohortCounts)}");
        }

        return 0;
    }
}
