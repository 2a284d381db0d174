using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>
/// Saves fitted models to zip files and loads them back (<c>context.Model</c>, ML.NET's <c>ModelOperationsCatalog</c>).
/// A loaded model predicts bit-identically to the saved one; samplers in it stay the identity at scoring.
/// </summary>
/// <remarks>
/// The zip holds <c>manifest.json</c> (format version, library version, input schema and the ordered components with
/// their options) and one binary entry per component with learned arrays, each with its shape and a CRC-32; see
/// docs/model-format.md. Only load models from trusted sources.
/// </remarks>
public sealed class ModelOperationsCatalog
{
    internal ModelOperationsCatalog()
    {
    }

    /// <summary>Saves <paramref name="model"/> to a file, recording the input schema its first step describes.</summary>
    /// <exception cref="NotSupportedException">A component of the model cannot be saved; nothing is written.</exception>
    public void Save(ITransformer model, string filePath) => ModelSaver.Save(model, null, filePath);

    /// <summary>Saves <paramref name="model"/> with the schema of the data it expects (see <see cref="ModelInputSchema.FromData"/>).
    /// The file is replaced atomically: a failed save leaves an existing file untouched.</summary>
    /// <exception cref="NotSupportedException">A component of the model cannot be saved; nothing is written.</exception>
    public void Save(ITransformer model, ModelInputSchema? inputSchema, string filePath) => ModelSaver.Save(model, inputSchema, filePath);

    /// <summary>Saves <paramref name="model"/> to a stream (left open).</summary>
    public void Save(ITransformer model, Stream stream) => ModelSaver.Save(model, null, stream);

    /// <summary>Saves <paramref name="model"/> with its input schema to a stream (left open).</summary>
    public void Save(ITransformer model, ModelInputSchema? inputSchema, Stream stream) => ModelSaver.Save(model, inputSchema, stream);

    /// <summary>Loads a model from a file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model; the message says what is wrong.</exception>
    public ITransformer Load(string filePath) => Load(filePath, out _);

    /// <summary>Loads a model from a file, with the input schema saved with it (null when none was recorded).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a valid model; the message says what is wrong.</exception>
    public ITransformer Load(string filePath, out ModelInputSchema? inputSchema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        if (!File.Exists(filePath))
        {
            throw new FileNotFoundException($"Model file '{filePath}' does not exist.", filePath);
        }

        using var stream = File.OpenRead(filePath);
        return ModelLoader.Load(stream, filePath, out inputSchema);
    }

    /// <summary>Loads a model from a stream (left open; it need not be seekable).</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a valid model.</exception>
    public ITransformer Load(Stream stream) => Load(stream, out _);

    /// <summary>Loads a model and its input schema from a stream (left open; it need not be seekable).</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a valid model.</exception>
    public ITransformer Load(Stream stream, out ModelInputSchema? inputSchema) => ModelLoader.Load(stream, "stream", out inputSchema);
}
