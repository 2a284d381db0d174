using Microsoft.ML.Oversampling.Data;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Pipeline;

/// <summary>
/// A fitted pipeline: transformers applied in order (ML.NET's <c>TransformerChain&lt;TLast&gt;</c>). A chain is itself a
/// transformer, so chains nest.
/// </summary>
/// <typeparam name="TLastTransformer">The type of the last transformer (for example the trained model).</typeparam>
public sealed class TransformerChain<TLastTransformer> : ITransformerChain, IPersistableComponent, IInputSchemaProvider
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;

    /// <summary>Creates a chain; the last transformer must be a <typeparamref name="TLastTransformer"/>.</summary>
    public TransformerChain(IEnumerable<ITransformer> transformers)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        _transformers = transformers.ToArray();
        if (_transformers.Length == 0)
        {
            throw new ArgumentException("A transformer chain needs at least one transformer.", nameof(transformers));
        }

        LastTransformer = _transformers[^1] as TLastTransformer
            ?? throw new ArgumentException($"The last transformer is {_transformers[^1].GetType().Name}, not {typeof(TLastTransformer).Name}.", nameof(transformers));
    }

    /// <summary>The transformers, in order.</summary>
    public IReadOnlyList<ITransformer> Transformers => _transformers;

    /// <summary>The last transformer, typed (for example the model of the trainer that ends the pipeline).</summary>
    public TLastTransformer LastTransformer { get; }

    /// <summary>Applies every transformer in order. Samplers in the chain are the identity here: scoring data is
    /// never resampled.</summary>
    public DataView Transform(DataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DataView current = input;
        foreach (ITransformer t in _transformers)
        {
            current = t.Transform(current);
        }

        return current;
    }

    /// <inheritdoc />
    string IPersistableComponent.ComponentType => ModelComponentCatalog.TransformerChainType;

    /// <inheritdoc />
    void IPersistableComponent.WriteState(ModelWriter writer)
    {
        // Whether the chain was typed by its last transformer's own class (then it loads back with the same type) or by
        // a base type such as ITransformer (then it loads back as TransformerChain<ITransformer>).
        writer.WriteBoolean("lastTransformerTyped", typeof(TLastTransformer) == LastTransformer.GetType());
        foreach (ITransformer transformer in _transformers)
        {
            writer.WriteComponent(transformer);
        }
    }

    /// <inheritdoc />
    ModelInputSchema? IInputSchemaProvider.DescribeInput()
    {
        // Samplers are the identity at scoring: the input is whatever the first other step reads.
        ITransformer? first = _transformers.FirstOrDefault(t => t is not ITrainingTimeTransformer);
        return (first as IInputSchemaProvider)?.DescribeInput();
    }

    /// <summary>Rebuilds a saved chain (of any last-transformer type; the type argument of this class is irrelevant here).</summary>
    internal static ITransformer Load(ModelReader reader)
    {
        var transformers = Enumerable.Range(0, reader.ComponentCount).Select(reader.ReadComponent<ITransformer>).ToArray();
        if (transformers.Length == 0)
        {
            throw reader.Invalid("a chain needs at least one transformer");
        }

        Type last = reader.ReadBoolean("lastTransformerTyped") ? transformers[^1].GetType() : typeof(ITransformer);
        return (ITransformer)GenericComponentFactory.Create(typeof(TransformerChain<>), last, [transformers]);
    }
}
