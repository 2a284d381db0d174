using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML.Oversampling.Pipeline;

namespace Microsoft.ML.Oversampling.Persistence;

/// <summary>Writes a model zip: walks the components (each writes its state), then writes the manifest and the
/// array entries. Everything is encoded in memory before the target is touched, so a component that cannot be saved
/// fails the save before any byte is written.</summary>
internal sealed class ModelSaver
{
    private readonly List<ComponentRecord> _components = [];
    private readonly List<(string Name, byte[] Data)> _entries = [];

    private ModelSaver()
    {
    }

    /// <summary>Saves <paramref name="model"/> to <paramref name="target"/> (left open).</summary>
    public static void Save(ITransformer model, ModelInputSchema? inputSchema, Stream target)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(target);
        var saver = new ModelSaver();
        saver.Add(model);
        var manifest = new ModelManifest
        {
            FormatVersion = ModelFormat.Version,
            LibraryVersion = ModelFormat.LibraryVersion,
            InputSchema = inputSchema ?? ModelInputSchema.Infer(model),
            Components = saver._components,
        };

        using var zip = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, ModelFormat.ManifestEntryName, JsonSerializer.SerializeToUtf8Bytes(manifest, ModelManifest.JsonOptions));
        foreach (var (name, data) in saver._entries)
        {
            WriteEntry(zip, name, data);
        }
    }

    /// <summary>Saves to a file atomically: a temporary file in the same folder, then a move over the target, so the
    /// target is either the old file or the complete new one.</summary>
    public static void Save(ITransformer model, ModelInputSchema? inputSchema, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot save the model to '{full}': folder '{folder}' does not exist.");
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                Save(model, inputSchema, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw;
        }
    }

    /// <summary>Adds <paramref name="component"/> and, through its <see cref="IPersistableComponent.WriteState"/>, its
    /// children; returns its index.</summary>
    /// <exception cref="NotSupportedException">The component cannot be saved, or could not be loaded back.</exception>
    internal int Add(object component)
    {
        if (component is not IPersistableComponent persistable)
        {
            throw new NotSupportedException(
                $"{Describe(component.GetType())} cannot be saved: it does not implement IPersistableComponent (Microsoft.ML.Oversampling.Persistence).");
        }

        string type = persistable.ComponentType;
        if (ModelComponentCatalog.Find(type) is null)
        {
            throw new NotSupportedException(
                $"{Describe(component.GetType())} cannot be saved: no loader is registered for its component type '{type}' (see ModelComponentCatalog.Register), so the model could not be loaded back.");
        }

        int index = _components.Count;
        var record = new ComponentRecord { Type = type };
        _components.Add(record);
        var writer = new ModelWriter(this, record);
        persistable.WriteState(writer);
        if (writer.Arrays.Count > 0)
        {
            record.Entry = ModelFormat.ComponentEntryName(index, type);
            _entries.Add((record.Entry, ModelArrayEntryFormat.Write(writer.Arrays)));
        }

        return index;
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] data)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = ModelFormat.EntryTimestamp;
        using Stream stream = entry.Open();
        stream.Write(data);
    }

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
