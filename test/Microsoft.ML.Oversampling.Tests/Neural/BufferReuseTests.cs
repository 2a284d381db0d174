using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;
using F = Microsoft.ML.Oversampling.Neural.Functional;

namespace Microsoft.ML.Oversampling.Tests.Neural;

public class BufferReuseTests
{
    [Fact]
    public void PooledStorageNeverLeaksStaleValuesIntoResultsOrGradients()
    {
        var (reference, referenceGrads) = Compute(scoped: false);

        // Poison the pool: every length up to 1024 gets a NaN-filled array back from a finished scope.
        using (Tensor.NewDisposeScope())
        {
            for (int length = 1; length <= 1024; length++)
            {
                Tensor.Full(float.NaN, length);
            }
        }

        var (pooled, pooledGrads) = Compute(scoped: true);
        Assert.Equal(reference, pooled);
        Assert.Equal(referenceGrads.Length, pooledGrads.Length);
        for (int i = 0; i < referenceGrads.Length; i++)
        {
            Assert.Equal(referenceGrads[i], pooledGrads[i]);
        }
    }

    /// <summary>A forward and backward pass touching most operations; returns the loss terms and the gradients.</summary>
    private static (float[] Values, float[][] Gradients) Compute(bool scoped)
    {
        var random = new DeterministicRandom(5);
        var model = new Sequential(
            new Linear(6, 16, random), new ReLU(), new BatchNorm1d(16), new Dropout(0.25f, random.Fork()),
            new LayerNorm(16), new Linear(16, 4, random), new Tanh());
        var data = Tensor.Randn(random, 12, 3);
        data.RequiresGrad = true;
        var scope = scoped ? Tensor.NewDisposeScope() : null;
        try
        {
            var pairs = F.Concat([F.IndexSelect(data, [0, 3, 5, 7, 9, 11, 2, 4]), F.IndexSelect(data, [1, 1, 6, 8, 10, 0, 3, 5])]);
            var logits = model.Forward(pairs);
            var classification = F.CrossEntropy(logits, [0, 1, 2, 3, 0, 1, 2, 3]);
            var soft = F.CrossEntropy(logits, F.Softmax(F.Narrow(pairs, 0, 4)));
            var regression = F.MseLoss(F.Sum(logits, 1), F.Mean(pairs, 1));
            var gumbel = F.Sum(F.GumbelSoftmax(logits, 0.5f, hard: true, new DeterministicRandom(2)) * logits);
            var loss = classification + soft + regression + (0.1f * gumbel) + F.Mean(F.Transpose(pairs) * 0.01f);
            loss.Backward();
            float[] values = [classification.Item(), soft.Item(), regression.Item(), gumbel.Item(), loss.Item()];
            var gradients = model.Parameters().Select(p => p.Grad!.ToArray()).Append(data.Grad!.ToArray()).ToArray();
            return (values, gradients);
        }
        finally
        {
            scope?.Dispose();
        }
    }
}
