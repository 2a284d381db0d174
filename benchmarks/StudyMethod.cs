namespace Microsoft.ML.Oversampling.Benchmarks;

/// <summary>What a study method is for in the report: a headline method (ranked, compared) or a §3.7 ablation.</summary>
internal enum StudyMethodRole
{
    /// <summary>One of the §3.5 methods, ranked on macro F1.</summary>
    Headline,

    /// <summary>A §3.7 ablation (frozen criteria, cohort counts), compared pairwise only.</summary>
    Ablation,

    /// <summary>A strategy of the Mixup family (papers.md §4) inside the same MLP's training, for issue 14's tabular
    /// comparison; not part of the AutoSMOTE report.</summary>
    MixupFamily,
}

/// <summary>What one fit of a study method produced.</summary>
/// <param name="TestPredicted">Predicted 0/1 labels of the split's test rows.</param>
/// <param name="TrainPredicted">Predicted labels of its (real, scaled) training rows, for the train–test gap.</param>
/// <param name="FitSeconds">Wall time of resampling plus training (prediction excluded).</param>
/// <param name="Cohorts">Cohorts the AutoSMOTE fit used for the minority class (0 for other methods).</param>
internal sealed record StudyFit(int[] TestPredicted, int[] TrainPredicted, double FitSeconds, int Cohorts);

/// <summary>One method of the AutoSMOTE study: a name (the CSV key), its role and how it is fitted on a split.</summary>
/// <param name="Name">The CSV and command-line name.</param>
/// <param name="Description">What it is, for the report.</param>
/// <param name="Role">Headline or ablation.</param>
/// <param name="Fit">Fits the method on a split and predicts.</param>
internal sealed record StudyMethod(string Name, string Description, StudyMethodRole Role, Func<StudyTask, StudyFit> Fit);
