using Microsoft.ML.Oversampling.Samplers.Deep;
using System.Collections.Concurrent;
using Microsoft.ML.Oversampling.Pipeline;
using Microsoft.ML.Oversampling.Pipeline.Training;
using Microsoft.ML.Oversampling.Pipeline.Transforms;
using Microsoft.ML.Oversampling.Trainers;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// The registration table of saved component types: each <see cref="IPersistableComponent.ComponentType"/> maps to
/// the <see cref="ComponentLoader"/> that rebuilds it. Library components are listed here once; components defined
/// elsewhere call <see cref="Register"/> before their models are loaded.
/// </summary>
public static class ModelComponentCatalog
{
    internal const string TransformerChainType = "TransformerChain";
    internal const string NormalizerType = "NormalizeMeanVariance";
    internal const string ConcatenateType = "Concatenate";
    internal const string OversamplerType = "Oversampler";
    internal const string BinaryPredictionType = "BinaryPrediction";
    internal const string LinearBinaryModelType = "LinearBinaryModel";

    private static readonly ConcurrentDictionary<string, ComponentLoader> s_loaders = new(
        new Dictionary<string, ComponentLoader>
        {
            [TransformerChainType] = TransformerChain<ITransformer>.Load,
            [NormalizerType] = NormalizingTransformer.Load,
            [ConcatenateType] = ColumnConcatenatingTransformer.Load,
            [OversamplerType] = OversamplingTransformer.Load,
            [BinaryPredictionType] = BinaryPredictionTransformer<IBinaryModel>.Load,
            [LinearBinaryModelType] = LinearBinaryModel.Load,
            [SyntheticDataGenerator.TypeName] = SyntheticDataGenerator.Load,
            [PairGenerator.TypeName] = PairGenerator.Load,
            [NoiseGenerator.TypeName] = NoiseGenerator.Load,
        },
        StringComparer.Ordinal);

    /// <summary>The registered component types, sorted.</summary>
    public static IReadOnlyList<string> ComponentTypes => [.. s_loaders.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers (or replaces) the loader of <paramref name="componentType"/>.</summary>
    public static void Register(string componentType, ComponentLoader loader)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(componentType);
        ArgumentNullException.ThrowIfNull(loader);
        s_loaders[componentType] = loader;
    }

    /// <summary>The loader of <paramref name="componentType"/>, or null when none is registered.</summary>
    internal static ComponentLoader? Find(string componentType) => s_loaders.GetValueOrDefault(componentType);
}
