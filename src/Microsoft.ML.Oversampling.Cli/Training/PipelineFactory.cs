using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Cli.Data;

namespace Microsoft.ML.Oversampling.Cli.Training;

/// <summary>
/// The tool's one pipeline: featurize → NormalizeMinMax(Features) → sampler (unless <c>none</c>) → trainer → predicted
/// class, as ONE flat <see cref="EstimatorChain{TLastTransformer}"/>. It must be flat: a nested chain re-runs its
/// inner transformers on the data after fitting them, so the sampler would see another view instance than the one it
/// was fitted on and (by its one-shot rule) pass the original rows to the trainer.
/// </summary>
internal static class PipelineFactory
{
    /// <param name="ml">The context (seeded with the command's seed).</param>
    /// <param name="data">The data the pipeline is for.</param>
    /// <param name="method">The method name; <c>none</c> for no sampler.</param>
    /// <param name="methodAssignments">From <see cref="MethodFactory.Assignments"/>.</param>
    /// <param name="trainer">The trainer name.</param>
    /// <param name="trainerOptions">The <c>--trainer-option</c> values.</param>
    /// <param name="seed">The command's seed (for trainers with a seed option of their own).</param>
    public static IEstimator<ITransformer> Build(MLContext ml, TrainingData data, string method, IReadOnlyList<string> methodAssignments, string trainer, IReadOnlyList<string> trainerOptions, int seed)
    {
        var steps = new List<IEstimator<ITransformer>>(data.Featurize) { ml.Transforms.NormalizeMinMax(TrainingData.FeaturesColumn) };
        if (!MethodFactory.IsNone(method))
        {
            steps.Add(MethodFactory.Create(ml, method, methodAssignments));
        }

        steps.Add(TrainerCatalog.Create(ml, trainer, data.IsMulticlass, trainerOptions, seed));
        steps.Add(ModelOutput.PredictedClass(ml, data.Classes));
        return Flat(steps);
    }

    /// <summary>One flat chain of <paramref name="steps"/> (no chain inside a chain).</summary>
    public static EstimatorChain<ITransformer> Flat(IEnumerable<IEstimator<ITransformer>> steps)
    {
        var chain = new EstimatorChain<ITransformer>();
        foreach (IEstimator<ITransformer> step in steps)
        {
            chain = chain.Append(step);
        }

        return chain;
    }
}
