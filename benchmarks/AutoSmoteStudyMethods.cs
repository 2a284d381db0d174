using System.Diagnostics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Trainers.FastTree;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// The methods of the AutoSMOTE study (papers.md §3.5 and §3.7): the §3.4 MLP on the raw training rows and after each
/// classic or deep oversampler, FastTree after SMOTE, AutoSMOTE's two variants with default options, and the ablations
/// (criteria frozen at SMOTE-equivalent settings, and cohort counts G = 1, 4, 16; G = min(8, ⌈√m⌉) is the default
/// cohort variant and G = m the self variant), plus guard (c), the fixed budget, as a candidate fix.
/// </summary>
internal static class AutoSmoteStudyMethods
{
    /// <summary>Every method, headline ones first, in report order.</summary>
    public static IReadOnlyList<StudyMethod> All { get; } =
    [
        Mlp("none", "MLP on the training rows as they are", null),
        Mlp("random", "MLP after random oversampling", "random"),
        Mlp("smote", "MLP after SMOTE (k = 5)", "smote"),
        Mlp("borderline", "MLP after Borderline-SMOTE 1", "borderline"),
        Mlp("adasyn", "MLP after ADASYN", "adasyn"),
        Mlp("svm-smote", "MLP after SVM-SMOTE", "svm-smote"),
        Mlp("deep-smote", "MLP after Deep SMOTE (defaults)", "deep-smote"),
        Mlp("gan", "MLP after the vanilla GAN (defaults)", "gan"),
        AutoSmote("autosmote-self", "AutoSMOTE, self variant (per-row criteria), defaults", StudyMethodRole.Headline, o => o.Variant = AutoSmoteVariant.Self),
        AutoSmote("autosmote-cohort", "AutoSMOTE, cohort variant, defaults (G = min(8, ⌈√m⌉))", StudyMethodRole.Headline, _ => { }),
        new("fasttree-smote", "FastTree (defaults, one thread) after SMOTE", StudyMethodRole.Headline, FastTreeOnSmote),
        AutoSmote("autosmote-frozen", "AutoSMOTE with the criteria frozen at SMOTE settings (all participate, k = 5, interpolation)", StudyMethodRole.Ablation, o => o.FreezeCriteria = true),
        AutoSmote("autosmote-g1", "AutoSMOTE cohort variant, G = 1", StudyMethodRole.Ablation, o => o.Cohorts = 1),
        AutoSmote("autosmote-g4", "AutoSMOTE cohort variant, G = 4", StudyMethodRole.Ablation, o => o.Cohorts = 4),
        AutoSmote("autosmote-g16", "AutoSMOTE cohort variant, G = 16", StudyMethodRole.Ablation, o => o.Cohorts = 16),
        AutoSmote("autosmote-fixed", "AutoSMOTE cohort variant with guard (c), a fixed synthetic budget, instead of the participation penalty", StudyMethodRole.Ablation, o => o.Guard = AutoSmoteGuard.FixedBudget),
        Deep("mlp-drw", "MLP with deferred re-weighting (§4.7), no augmentation", DeepImbalanceStrategy.Erm),
        Deep("mlp-smote-drw", "MLP with in-batch SMOTE for deep nets (§4.3) and DRW", DeepImbalanceStrategy.Smote),
        Deep("mlp-soft-smote-drw", "MLP with soft SMOTE (§4.3) and DRW", DeepImbalanceStrategy.SoftSmote),
        Deep("mlp-mixup-drw", "MLP with Mixup (α = 1) and DRW", DeepImbalanceStrategy.Mixup),
        Deep("mlp-mamix-drw", "MLP with margin-aware Mixup (§4.5, ω = 0.25) and DRW", DeepImbalanceStrategy.MarginAwareMixup),
    ];

    /// <summary>The method called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such method; the message lists them.</exception>
    public static StudyMethod Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"Unknown study method '{name}'; the methods are {string.Join(", ", All.Select(m => m.Name))}.");

    private static StudyMethod Mlp(string name, string description, string? sampler) => new(name, description, StudyMethodRole.Headline, task =>
    {
        var watch = Stopwatch.StartNew();
        IDataView train = Resampled(task, sampler);
        using DeepMlpTransformer model = task.Context.BinaryClassification.Trainers.DeepMlp(task.MlpOptions()).Fit(train);
        return Scored(task, model, watch.Elapsed.TotalSeconds, 0);
    });

    private static StudyMethod Deep(string name, string description, DeepImbalanceStrategy strategy) => new(name, description, StudyMethodRole.MixupFamily, task =>
    {
        DeepMlpOptions options = task.MlpOptions();
        options.Imbalance = new DeepImbalanceOptions { Strategy = strategy, DeferredReweighting = true };
        var watch = Stopwatch.StartNew();
        using DeepMlpTransformer model = task.Context.BinaryClassification.Trainers.DeepMlp(options).Fit(task.TrainView);
        return Scored(task, model, watch.Elapsed.TotalSeconds, 0);
    });

    private static StudyMethod AutoSmote(string name, string description, StudyMethodRole role, Action<AutoSmoteOptions> configure) => new(name, description, role, task =>
    {
        var options = new AutoSmoteOptions { Classifier = task.MlpOptions() };
        configure(options);
        var watch = Stopwatch.StartNew();
        using AutoSmoteTransformer model = task.Context.BinaryClassification.Trainers.AutoSmote(options).Fit(task.TrainView);
        return Scored(task, model, watch.Elapsed.TotalSeconds, model.Model.CohortCounts.Sum());
    });

    private static StudyFit FastTreeOnSmote(StudyTask task)
    {
        var watch = Stopwatch.StartNew();
        IDataView train = Resampled(task, "smote");
        var options = new FastTreeBinaryTrainer.Options { NumberOfThreads = 1, Seed = task.Seed };
        ITransformer model = task.Context.BinaryClassification.Trainers.FastTree(options).Fit(train);
        return Scored(task, model, watch.Elapsed.TotalSeconds, 0);
    }

    private static IDataView Resampled(StudyTask task, string? sampler)
    {
        if (sampler is null)
        {
            return task.TrainView;
        }

        ResampleResult result = SamplerRegistry.Create(sampler).FitResample(task.Split.TrainX, task.Split.TrainY, task.Seed);
        return task.View(result.Features, result.Labels);
    }

    private static StudyFit Scored(StudyTask task, ITransformer model, double seconds, int cohorts) =>
        new(StudyTask.Predict(model, task.TestView), StudyTask.Predict(model, task.TrainView), seconds, cohorts);
}
