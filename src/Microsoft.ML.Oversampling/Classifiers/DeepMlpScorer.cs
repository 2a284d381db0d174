using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Onnx;
using Microsoft.ML.Trainers;

namespace Microsoft.ML.Oversampling.Classifiers;

/// <summary>
/// Builds the ML.NET scoring chain of a trained network from its ONNX bytes, out of Microsoft.ML's own transformers
/// only, so a saved zip loads without this library (docs/deep-classifier-persistence.md):
/// <list type="number">
/// <item>ML.NET's ONNX transformer (it writes the model's bytes into the zip), giving <c>[1]</c>/<c>[K]</c> vectors;</item>
/// <item>an ML.NET linear binary model whose single weight is exactly ½ and bias 0 (<see cref="Halving"/>), which turns
/// the doubled value into a scalar <c>Score</c> bit for bit, with ML.NET's <c>PredictedLabel</c> = <c>Score &gt; 0</c>;</item>
/// <item>binary: ML.NET's fixed Platt calibrator with slope −1 and offset 0, so <c>Probability</c> = σ(<c>Score</c>);
/// multiclass: the class number mapped to a key of the label's count as <c>PredictedLabel</c> (through the label's
/// text key values when it has them, so <c>MapKeyToValue</c> gives the class names), and the softmax vector copied to <c>Score</c>;</item>
/// <item>the intermediate columns dropped.</item>
/// </list>
/// </summary>
internal static class DeepMlpScorer
{
    /// <summary>The chain for the network <paramref name="onnx"/> reading <paramref name="featureColumnName"/>, with
    /// <paramref name="classCount"/> classes (2: binary); <paramref name="classNames"/> are the label's key values as text
    /// (they become <c>PredictedLabel</c>'s key values, as ML.NET's trainers pass them on), or <c>null</c> for the class
    /// numbers 1 … K. <paramref name="trainingData"/> only gives the input schema.</summary>
    /// <remarks>ML.NET's ONNX transformer reads its model from a file and keeps reading it when saved; given a stream it
    /// copies it to a temporary file that version 5.0.1 never deletes, not even when disposed. So the bytes go to a file
    /// of ours, <paramref name="modelPath"/>, which <see cref="DeepMlpTransformer.Dispose"/> deletes.</remarks>
    public static ITransformer Build(byte[] onnx, string modelPath, string featureColumnName, int classCount, IReadOnlyList<string>? classNames, IDataView trainingData)
    {
        var ml = new MLContext(seed: 0);
        bool binary = classCount == 2;
        string[] outputs = binary ? [OnnxMlpExporter.DoubledLogit] : [OnnxMlpExporter.Probabilities, OnnxMlpExporter.DoubledClass];
        File.WriteAllBytes(modelPath, onnx);
        ITransformer network = ml.Transforms.ApplyOnnxModel(outputs, [featureColumnName], modelPath, gpuDeviceId: null, fallbackToCpu: false).Fit(trainingData);

        var steps = new List<ITransformer> { network };
        IDataView scored = network.Transform(trainingData);
        ITransformer halving = Halving(ml, binary ? OnnxMlpExporter.DoubledLogit : OnnxMlpExporter.DoubledClass);
        steps.Add(halving);
        scored = halving.Transform(scored);
        if (binary)
        {
            steps.Add(ml.BinaryClassification.Calibrators.Platt(slope: -1, offset: 0).Fit(scored));
            steps.Add(ml.Transforms.DropColumns(OnnxMlpExporter.DoubledLogit).Fit(scored));
        }
        else
        {
            ITransformer toKey;
            if (classNames is null)
            {
                IDataView keys = ml.Data.LoadFromEnumerable(Enumerable.Range(1, classCount).Select(k => new ClassNumber { Value = k }));
                toKey = ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "Score", keyData: keys).Fit(scored);
            }
            else
            {
                IDataView names = ml.Data.LoadFromEnumerable(classNames.Select(n => new ClassName { Value = n }));
                toKey = ml.Transforms.Conversion.MapValue("PredictedLabel", classNames.Select((n, i) => new KeyValuePair<float, string>(i + 1, n)), "Score")
                    .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", "PredictedLabel", keyData: names))
                    .Fit(scored);
            }

            scored = toKey.Transform(scored);
            ITransformer copy = ml.Transforms.CopyColumns("Score", OnnxMlpExporter.Probabilities).Fit(scored);
            scored = copy.Transform(scored);
            steps.Add(toKey);
            steps.Add(copy);
            steps.Add(ml.Transforms.DropColumns(OnnxMlpExporter.Probabilities, OnnxMlpExporter.DoubledClass).Fit(scored));
        }

        return new TransformerChain<ITransformer>([.. steps]);
    }

    /// <summary>
    /// ML.NET's linear SVM (Pegasos) after one step on the single row x = [1], y = true, λ = 1, without bias: its weight
    /// is exactly ½ (measured on ML.NET 5.0.1, and checked here on every build of the chain), so its <c>Score</c> of a
    /// doubled value is that value.
    /// </summary>
    /// <exception cref="InvalidOperationException">The ML.NET in use trains a different weight (a changed Pegasos step).</exception>
    private static ITransformer Halving(MLContext ml, string featureColumnName)
    {
        var definition = SchemaDefinition.Create(typeof(UnitRow));
        SchemaDefinition.Column features = definition[nameof(UnitRow.Features)];
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1);
        features.ColumnName = featureColumnName;
        IDataView unit = ml.Data.LoadFromEnumerable([new UnitRow { Features = [1f], Label = true }], definition);
        var svm = ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
        {
            LabelColumnName = nameof(UnitRow.Label),
            FeatureColumnName = featureColumnName,
            Lambda = 1,
            NoBias = true,
            NumberOfIterations = 1,
            BatchSize = 1,
            Shuffle = false,
        }).Fit(unit);
        if (svm.Model.Weights.Count != 1 || svm.Model.Weights[0] != 0.5f || svm.Model.Bias != 0f)
        {
            throw new InvalidOperationException(
                $"ML.NET's one-step linear SVM gave weight {string.Join(", ", svm.Model.Weights)} and bias {svm.Model.Bias} instead of exactly 0.5 and 0; "
                + "the deep classifier's scoring chain relies on it (docs/deep-classifier-persistence.md).");
        }

        return svm;
    }

    private sealed class UnitRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class ClassNumber
    {
        public float Value { get; set; }
    }

    private sealed class ClassName
    {
        public string Value { get; set; } = "";
    }
}
