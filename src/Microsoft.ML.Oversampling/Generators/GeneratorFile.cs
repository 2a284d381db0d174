using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Samplers.Deep;
using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// The file format of trained generators (<see cref="SyntheticDataGenerator.Save(string)"/>): a small header of ours
/// (magic, format version, payload length, SHA-256 of the payload), then per class the label, the kind, the min–max
/// scaler, the network architecture, the pair rows (pair generators), and the network's weights in TorchSharp's own
/// <c>Module.save</c> state-dict format. Described in <c>docs/generator-format.md</c>.
/// </summary>
internal static class GeneratorFile
{
    /// <summary>The file's first eight bytes.</summary>
    internal static readonly byte[] Magic = "OVSGENv\n"u8.ToArray();

    /// <summary>The format version this library writes and reads.</summary>
    internal const int FormatVersion = 1;

    private const int HeaderLength = 8 + 4 + 8 + 32;
    private const byte PairKind = 1, NoiseKind = 2;

    public static void Save(string path, IReadOnlyDictionary<int, ClassGenerator> generators)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(generators.Count);
            foreach (var (label, generator) in generators.OrderBy(g => g.Key))
            {
                writer.Write(label);
                WriteClass(writer, generator);
            }
        }

        byte[] body = payload.ToArray();
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new BinaryWriter(file))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write((long)body.Length);
                writer.Write(SHA256.HashData(body));
                writer.Write(body);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static Dictionary<int, ClassGenerator> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes = File.ReadAllBytes(path);
        InvalidDataException Bad(string problem, Exception? inner = null) =>
            new($"'{path}' is not a usable generator file: {problem}", inner);

        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw Bad("it does not start with the generator file signature (it is another kind of file, e.g. an ML.NET model zip or a bare TorchSharp state dict).");
        }

        if (bytes.Length < HeaderLength)
        {
            throw Bad($"it is truncated inside its {HeaderLength}-byte header ({bytes.Length} bytes).");
        }

        int version = BitConverter.ToInt32(bytes, 8);
        if (version != FormatVersion)
        {
            throw Bad($"its format version is {version}; this library reads version {FormatVersion}.");
        }

        long length = BitConverter.ToInt64(bytes, 12);
        if (length != bytes.Length - HeaderLength)
        {
            throw Bad(length > bytes.Length - HeaderLength
                ? $"it is truncated: the header announces {length} payload bytes but only {bytes.Length - HeaderLength} follow."
                : $"it has {bytes.Length - HeaderLength - length} bytes after the {length} payload bytes its header announces.");
        }

        ReadOnlySpan<byte> body = bytes.AsSpan(HeaderLength);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(20, 32)))
        {
            throw Bad("it is corrupt: the payload's SHA-256 does not match the header's.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, HeaderLength, (int)length, writable: false));
            int count = reader.ReadInt32();
            if (count < 1)
            {
                throw Bad($"it holds {count} class generators.");
            }

            var generators = new Dictionary<int, ClassGenerator>();
            for (int i = 0; i < count; i++)
            {
                int label = reader.ReadInt32();
                if (!generators.TryAdd(label, ReadClass(reader, label, Bad)))
                {
                    throw Bad($"class {label} appears twice.");
                }
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw Bad("its payload has unread bytes after the last class.");
            }

            if (generators.Values.Select(g => g.FeatureCount).Distinct().Count() != 1)
            {
                throw Bad("its class generators have different feature counts.");
            }

            return generators;
        }
        catch (EndOfStreamException e)
        {
            throw Bad("its payload ends in the middle of a record.", e);
        }
    }

    private static void WriteClass(BinaryWriter writer, ClassGenerator generator)
    {
        writer.Write(generator is PairGenerator ? PairKind : NoiseKind);
        WriteFloats(writer, generator.Scaler.Minimum);
        WriteFloats(writer, generator.Scaler.Range);
        NetworkSpec spec = generator.Spec;
        writer.Write(spec.Inputs);
        writer.Write(spec.Hidden.Length);
        foreach (int size in spec.Hidden)
        {
            writer.Write(size);
        }

        writer.Write(spec.Outputs);
        writer.Write((byte)spec.Activation);
        writer.Write((byte)spec.Output);
        writer.Write(spec.ResidualMidpoint);
        if (generator is PairGenerator pair)
        {
            writer.Write((byte)pair.PairSelection);
            writer.Write(pair.Pairs.KNeighbors);
            writer.Write(pair.NoiseDimension);
            writer.Write(pair.ClassRows.Rows);
            writer.Write(pair.ClassRows.Columns);
            WriteFloatsRaw(writer, pair.ClassRows.Values);
            int[]? neighbors = pair.Pairs.NeighborLists;
            writer.Write(neighbors is not null);
            if (neighbors is not null)
            {
                foreach (int n in neighbors)
                {
                    writer.Write(n);
                }
            }
        }

        using var state = new MemoryStream();
        using (var stateWriter = new BinaryWriter(state, Encoding.UTF8, leaveOpen: true))
        {
            generator.Network.Module.save(stateWriter);
        }

        writer.Write(state.Length);
        writer.Write(state.GetBuffer(), 0, (int)state.Length);
    }

    private static ClassGenerator ReadClass(BinaryReader reader, int label, Func<string, Exception?, InvalidDataException> bad)
    {
        byte kind = reader.ReadByte();
        if (kind is not (PairKind or NoiseKind))
        {
            throw bad($"class {label} has generator kind {kind}, which this library does not know (1 = pair, 2 = noise).", null);
        }

        float[] minimum = ReadFloats(reader, bad);
        float[] range = ReadFloats(reader, bad);
        if (minimum.Length != range.Length || minimum.Length == 0)
        {
            throw bad($"class {label}'s scaler has {minimum.Length} minima but {range.Length} ranges.", null);
        }

        int d = minimum.Length;
        int inputs = reader.ReadInt32();
        int[] hidden = new int[Count(reader.ReadInt32(), 64, "hidden layers", label, bad)];
        for (int i = 0; i < hidden.Length; i++)
        {
            hidden[i] = Count(reader.ReadInt32(), 1 << 16, "units in a hidden layer", label, bad, minimum: 1);
        }

        int outputs = reader.ReadInt32();
        var activation = (HiddenActivation)reader.ReadByte();
        var output = (OutputActivation)reader.ReadByte();
        bool residual = reader.ReadBoolean();
        if (!Enum.IsDefined(activation) || !Enum.IsDefined(output))
        {
            throw bad($"class {label}'s network has an unknown activation.", null);
        }

        if (outputs != d)
        {
            throw bad($"class {label}'s network outputs {outputs} values but its scaler has {d} features.", null);
        }

        var spec = new NetworkSpec(Count(inputs, 1 << 20, "network inputs", label, bad, minimum: 1), hidden, outputs, activation, output, residual);
        var scaler = new MinMaxScaler(minimum, range);
        Network network = spec.Build(new DeterministicRandom(0), CPU);
        try
        {
            ClassGenerator generator = kind == PairKind ? ReadPair(reader, label, scaler, spec, network, bad) : new NoiseGenerator(scaler, spec, network);
            ReadState(reader, network, label, bad);
            return generator;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static PairGenerator ReadPair(BinaryReader reader, int label, MinMaxScaler scaler, NetworkSpec spec, Network network, Func<string, Exception?, InvalidDataException> bad)
    {
        var selection = (PairSelection)reader.ReadByte();
        int k = reader.ReadInt32();
        int noise = reader.ReadInt32();
        int rows = reader.ReadInt32();
        int columns = reader.ReadInt32();
        if (!Enum.IsDefined(selection) || k < 1 || noise < 0)
        {
            throw bad($"class {label}'s pair settings are invalid (selection {(int)selection}, k {k}, noise {noise}).", null);
        }

        if (columns != scaler.FeatureCount || spec.Inputs != (2 * columns) + noise || rows < 2 || (long)rows * columns > int.MaxValue / 4)
        {
            throw bad($"class {label}'s pair rows ({rows} × {columns}, noise {noise}) do not fit its network ({spec.Inputs} inputs) and scaler ({scaler.FeatureCount} features).", null);
        }

        var classRows = new DenseMatrix(rows, columns, ReadFloatsRaw(reader, rows * columns));
        int[]? neighbors = null;
        if (reader.ReadBoolean())
        {
            neighbors = new int[checked(rows * k)];
            for (int i = 0; i < neighbors.Length; i++)
            {
                neighbors[i] = reader.ReadInt32();
                if ((uint)neighbors[i] >= (uint)rows)
                {
                    throw bad($"class {label}'s neighbour lists name row {neighbors[i]} of {rows}.", null);
                }
            }
        }

        try
        {
            return new PairGenerator(scaler, classRows, new PairSampler(selection, rows, neighbors, k), noise, spec, network);
        }
        catch (ArgumentException e)
        {
            throw bad($"class {label}'s pair sampler is inconsistent: {e.Message}", e);
        }
    }

    private static void ReadState(BinaryReader reader, Network network, int label, Func<string, Exception?, InvalidDataException> bad)
    {
        long length = reader.ReadInt64();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw bad($"class {label}'s network weights announce {length} bytes, more than remain.", null);
        }

        byte[] state = reader.ReadBytes((int)length);
        try
        {
            using var stateReader = new BinaryReader(new MemoryStream(state, writable: false));
            network.Module.load(stateReader, strict: true);
            if (stateReader.BaseStream.Position != state.Length)
            {
                throw bad($"class {label}'s network weights have {state.Length - stateReader.BaseStream.Position} unread bytes.", null);
            }
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            throw bad($"class {label}'s network weights do not match its architecture ({Describe(network)}): {e.Message}", e);
        }
    }

    private static string Describe(Network network) =>
        string.Join(", ", network.Module.named_parameters().Select(p => $"{p.name} [{string.Join("×", p.parameter.shape)}]"));

    private static int Count(int value, int maximum, string what, int label, Func<string, Exception?, InvalidDataException> bad, int minimum = 0) =>
        value >= minimum && value <= maximum ? value : throw bad($"class {label} has {value} {what}.", null);

    private static void WriteFloats(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        writer.Write(values.Length);
        WriteFloatsRaw(writer, values);
    }

    private static void WriteFloatsRaw(BinaryWriter writer, ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            writer.Write(v);
        }
    }

    private static float[] ReadFloats(BinaryReader reader, Func<string, Exception?, InvalidDataException> bad)
    {
        int count = reader.ReadInt32();
        if (count < 0 || count > (reader.BaseStream.Length - reader.BaseStream.Position) / 4)
        {
            throw bad($"a float array announces {count} values, more than remain.", null);
        }

        return ReadFloatsRaw(reader, count);
    }

    private static float[] ReadFloatsRaw(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
