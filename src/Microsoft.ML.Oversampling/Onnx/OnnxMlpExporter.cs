namespace Microsoft.ML.Oversampling.Onnx;

/// <summary>
/// Writes a trained ReLU MLP classifier as an ONNX model (IR version 8, opset 13) that ML.NET's ONNX transformer
/// scores one row at a time: input <c>[1, d]</c> named after the feature column; <c>Gemm</c> (weights transposed, as
/// <c>nn.Linear</c> stores them) and <c>Relu</c> per hidden layer; then the head. Every output is a <c>[1]</c> or
/// <c>[K]</c> tensor, because ML.NET 5.0.1's ONNX transformer fails on rank-0 (scalar) outputs; ML.NET steps after it
/// turn them into scalars (<see cref="Classifiers.DeepMlpScorer"/>).
/// <list type="bullet">
/// <item>Binary (one output unit): <see cref="DoubledLogit"/> = 2·logit, shape <c>[1]</c> (doubling and the later
/// halving are exact in binary floating point).</item>
/// <item>Multiclass: <see cref="Probabilities"/> = <c>Softmax</c> of the logits, shape <c>[K]</c>, and
/// <see cref="DoubledClass"/> = 2·(1 + the index of the largest probability, first on ties), shape <c>[1]</c>.</item>
/// </list>
/// The graph is built by <see cref="OnnxGraph"/>; <see cref="OnnxCnnExporter"/> writes the CNN with the same head.
/// </summary>
internal static class OnnxMlpExporter
{
    /// <summary>The ONNX graph's output names (also the ML.NET columns the scorer reads, then drops).</summary>
    public const string DoubledLogit = "DeepMlp.DoubledLogit", Probabilities = "DeepMlp.Probabilities", DoubledClass = "DeepMlp.DoubledClass";

    /// <summary>The ONNX model bytes.</summary>
    /// <param name="layers">The layers, input first; ReLU between them, none after the last.</param>
    /// <param name="inputName">The graph input's name (the ML.NET feature column).</param>
    public static byte[] Export(IReadOnlyList<DenseLayer> layers, string inputName)
    {
        ArgumentOutOfRangeException.ThrowIfZero(layers.Count);
        var graph = new OnnxGraph("deep_mlp");
        string logits = graph.Dense(layers, inputName);
        graph.Input(inputName, [1, layers[0].Inputs]);
        graph.ClassifierHead(logits, layers[^1].Outputs);
        return graph.ToModel();
    }
}
