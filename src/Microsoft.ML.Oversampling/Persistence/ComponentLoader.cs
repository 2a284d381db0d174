namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>Rebuilds a saved component from what its <see cref="IPersistableComponent.WriteState"/> wrote.</summary>
/// <param name="reader">The component's options, arrays and children.</param>
/// <returns>The component (a transformer, a model, a sampler, ...).</returns>
public delegate object ComponentLoader(ModelReader reader);
