using System.Diagnostics;
using Microsoft.ML.Oversampling.Samplers;
using Microsoft.ML.Trainers.FastTree;

namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>
/// The methods of the AutoSMOTE study (papers.md §3.5 and §3.7): the §3.4 MLP on the raw training rows and after each
/// classic or deep oversampler, FastTree after SMOTE, AutoSMOTE's two variants with default options, and the ablations:
/// criteria frozen at SMOTE-equivalent settings; the first defaults (guard (a), real-row epochs) with cohort counts
/// G = 1, 4, min(8, ⌈√m⌉), 16 and m (self); and each of the two changes that became the defaults on its own.
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
        AutoSmote("autosmote-self", "AutoSMOTE, self variant (per-row criteria), defaults (fixed budget, resampled-length epochs)", StudyMethodRole.Headline, o => o.Variant = AutoSmoteVariant.Self),
        AutoSmote("autosmote-cohort", "AutoSMOTE, cohort variant, defaults (G = min(8, ⌈√m⌉), fixed budget, resampled-length epochs)", StudyMethodRole.Headline, _ => { }),
        new("fasttree-smote", "FastTree (defaults, one thread) after SMOTE", StudyMethodRole.Headline, FastTreeOnSmote),
        AutoSmote("autosmote-frozen-steps", "AutoSMOTE with the criteria frozen at SMOTE settings (all participate, k = 5, interpolation), resampled-length epochs (the default)", StudyMethodRole.Ablation, o => o.FreezeCriteria = true),
        AutoSmote("autosmote-frozen", "as autosmote-frozen-steps, one pass of the real rows per epoch", StudyMethodRole.Ablation, o => (o.FreezeCriteria, o.EpochLength) = (true, AutoSmoteEpochLength.RealRows)),
        AutoSmote("autosmote-fixed", "cohort variant, fixed budget, one pass of the real rows per epoch", StudyMethodRole.Ablation, o => o.EpochLength = AutoSmoteEpochLength.RealRows),
        AutoSmote("autosmote-fixed-self", "self variant, fixed budget, one pass of the real rows per epoch", StudyMethodRole.Ablation, o => (o.Variant, o.EpochLength) = (AutoSmoteVariant.Self, AutoSmoteEpochLength.RealRows)),
        PenaltyGuard("autosmote-cohort-penalty", "cohort variant with the first defaults: guard (a), the participation-rate penalty, one pass of the real rows per epoch", _ => { }),
        PenaltyGuard("autosmote-self-penalty", "self variant with the first defaults (guard (a), real-row epochs)", o => o.Variant = AutoSmoteVariant.Self),
        PenaltyGuard("autosmote-g1", "cohort variant, G = 1, guard (a), real-row epochs", o => o.Cohorts = 1),
        PenaltyGuard("autosmote-g4", "cohort variant, G = 4, guard (a), real-row epochs", o => o.Cohorts = 4),
        PenaltyGuard("autosmote-g16", "cohort variant, G = 16, guard (a), real-row epochs", o => o.Cohorts = 16),
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

    /// <summary>An ablation with the options' first defaults, guard (a) and one pass of the real rows per epoch, under which
    /// the cohort-count ablation was run.</summary>
    private static StudyMethod PenaltyGuard(string name, string description, Action<AutoSmoteOptions> configure) =>
        AutoSmote(name, description, StudyMethodRole.Ablation, o =>
        {
            (o.Guard, o.EpochLength) = (AutoSmoteGuard.ParticipationRatePenalty, AutoSmoteEpochLength.RealRows);
            configure(o);
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
