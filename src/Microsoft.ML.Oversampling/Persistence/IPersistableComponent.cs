namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// A component that can be saved in a model zip: a transformer, a trained model, or a sampler with learned state.
/// It writes its options and learned arrays with a <see cref="ModelWriter"/>; a loader registered under the same
/// <see cref="ComponentType"/> in <see cref="ModelComponentCatalog"/> rebuilds it from a <see cref="ModelReader"/>.
/// </summary>
/// <remarks>
/// To make a new component saveable: implement this interface (explicitly, to keep it off the public surface if
/// you like), and register its loader once with <see cref="ModelComponentCatalog.Register"/>. Library components
/// are listed in the catalog's built-in table. Loading must reproduce the component exactly: store learned
/// floats as arrays (bit-exact), never as rounded text.
/// </remarks>
public interface IPersistableComponent
{
    /// <summary>The stable name of the component's type in saved models (e.g. <c>LinearBinaryModel</c>); never rename it
    /// once models have been saved with it.</summary>
    string ComponentType { get; }

    /// <summary>Writes the component's options, learned arrays and child components.</summary>
    void WriteState(ModelWriter writer);
}
