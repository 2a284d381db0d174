using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Oversampling;

var ml = new MLContext(seed: 1);
string csv = args.Length > 0 ? args[0] : "yeast4.csv";   // numeric feature columns, then a 0/1 "label" column
string[] header = File.ReadLines(csv).First().Split(',');
var loader = ml.Data.CreateTextLoader(
    [
        new TextLoader.Column("Features", DataKind.Single, 0, header.Length - 2),
        new TextLoader.Column("Label", DataKind.Boolean, header.Length - 1),
    ],
    separatorChar: ',', hasHeader: true, dataSample: new MultiFileSource(csv));   // the sample's header names the slots
IDataView data = loader.Load(csv);
var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);

// 1. A pipeline step: rebalances the training rows while the pipeline is fitted, and is the identity when scoring.
var pipeline = ml.Transforms.NormalizeMinMax("Features")
    .Append(ml.Transforms.Oversampling.Smote(kNeighbors: 5, seed: 1))
    .Append(ml.BinaryClassification.Trainers.FastTree());
var model = pipeline.Fit(split.TrainSet);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"SMOTE + FastTree: AUC {metrics.AreaUnderRocCurve:F3}, F1 {metrics.F1Score:F3}, recall {metrics.PositiveRecall:F3}");

// The model is an ordinary ML.NET zip: it loads and predicts in any ML.NET app, with or without this library.
ml.Model.Save(model, data.Schema, "model.zip");
ITransformer loaded = ml.Model.Load("model.zip", out _);
var again = ml.BinaryClassification.Evaluate(loaded.Transform(split.TestSet));
Console.WriteLine($"reloaded: AUC {again.AreaUnderRocCurve:F3}");

// 2. A wrapped trainer: resamples inside Fit and returns FastTree's own model type.
var trainer = ml.BinaryClassification.Trainers.FastTree().WithOversampling(ml.Transforms.Oversampling.Adasyn(seed: 1));
var wrapped = ml.Transforms.NormalizeMinMax("Features").Append(trainer).Fit(split.TrainSet);
Console.WriteLine($"ADASYN-wrapped FastTree: {wrapped.LastTransformer.Model.GetType().Name}");

// 3. A data operation: imbalanced-learn's fit_resample, on the training split only.
IDataView balanced = ml.Data.Oversample(split.TrainSet, ml.Transforms.Oversampling.BorderlineSmote(seed: 1));
bool[] labels = balanced.GetColumn<bool>("Label").ToArray();
Console.WriteLine($"Borderline-SMOTE: {labels.Count(l => !l)} majority and {labels.Count(l => l)} minority rows");

// Stratified, repeated k-fold cross-validation (ML.NET's CrossValidate does not stratify); the sampler acts on the
// training folds only, and the summary has ML.NET's metrics plus G-mean, balanced accuracy and MCC.
var cv = ml.BinaryClassification.CrossValidateStratified(data, pipeline, numberOfFolds: 5, repeats: 2, seed: 1);
Console.WriteLine($"5-fold CV x 2: F1 {cv.Summary["F1Score"]}, G-mean {cv.Summary["GeometricMean"]}");
