using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.MLNet.Evaluation;

namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>One method of a report (for example "none", "smote"): its cross-validation and, optionally, what its sampler did to the data.</summary>
/// <param name="Name">The name shown in legends and tables.</param>
/// <param name="CrossValidation">The stratified cross-validation of the method's pipeline (its test folds give the curves).</param>
/// <param name="Resampling">The sampler fitted once on the whole data, for the projection and the class counts; <c>null</c> to leave the method out of both.</param>
public sealed record ReportMethod(
    string Name,
    StratifiedCrossValidationResult<BinaryClassificationMetrics> CrossValidation,
    ResamplingSnapshot? Resampling = null);
