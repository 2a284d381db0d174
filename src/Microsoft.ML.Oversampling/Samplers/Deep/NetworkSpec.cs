using Microsoft.ML.Oversampling.Neural;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Persistence;

namespace Microsoft.ML.Oversampling.Samplers.Deep;

/// <summary>The architecture of a <see cref="MultilayerPerceptron"/>: enough to rebuild it before loading its weights.</summary>
/// <param name="Inputs">Input width.</param>
/// <param name="Hidden">Hidden layer sizes.</param>
/// <param name="Outputs">Output width.</param>
/// <param name="Activation">Hidden activation.</param>
/// <param name="Output">Output activation.</param>
/// <param name="ResidualMidpoint">The MLP predicts the offset from the midpoint of the first two d-wide input blocks
/// (<see cref="MidpointResidual"/>).</param>
internal sealed record NetworkSpec(int Inputs, int[] Hidden, int Outputs, HiddenActivation Activation, OutputActivation Output, bool ResidualMidpoint = false)
{
    public Module<Tensor, Tensor> Build(DeterministicRandom random)
    {
        Sequential mlp = MultilayerPerceptron.Create(Inputs, Hidden, Outputs, Activation, Output, random);
        return ResidualMidpoint ? new MidpointResidual(mlp, Outputs) : mlp;
    }

    /// <summary>Writes the architecture and every parameter (bit-exact arrays) under <paramref name="prefix"/>.</summary>
    public void Write(ModelWriter writer, string prefix, Module network)
    {
        writer.WriteInt32(prefix + ".inputs", Inputs);
        writer.WriteArray(prefix + ".hidden", Hidden);
        writer.WriteInt32(prefix + ".outputs", Outputs);
        writer.WriteString(prefix + ".activation", Activation.ToString());
        writer.WriteString(prefix + ".output", Output.ToString());
        writer.WriteBoolean(prefix + ".residualMidpoint", ResidualMidpoint);
        foreach (var (name, parameter) in network.NamedParameters())
        {
            writer.WriteArray(prefix + "/" + name, parameter.Data, parameter.Shape);
        }
    }

    /// <summary>Rebuilds a network written by <see cref="Write"/>.</summary>
    public static (NetworkSpec Spec, Module<Tensor, Tensor> Network) Read(ModelReader reader, string prefix)
    {
        var spec = new NetworkSpec(
            reader.ReadInt32(prefix + ".inputs"), reader.ReadInt32Array(prefix + ".hidden"), reader.ReadInt32(prefix + ".outputs"),
            ParseEnum<HiddenActivation>(reader, prefix + ".activation"), ParseEnum<OutputActivation>(reader, prefix + ".output"),
            reader.Contains(prefix + ".residualMidpoint") && reader.ReadBoolean(prefix + ".residualMidpoint"));
        if (spec.ResidualMidpoint && spec.Inputs < 2 * spec.Outputs)
        {
            throw reader.Invalid($"network '{prefix}' adds the midpoint of its input pair but has {spec.Inputs} inputs for {spec.Outputs} outputs");
        }

        Module<Tensor, Tensor> network;
        try
        {
            network = spec.Build(new DeterministicRandom(0));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw reader.Invalid($"network '{prefix}' has an invalid layer size ({e.Message})");
        }

        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, _) in network.NamedParameters())
        {
            string array = prefix + "/" + name;
            if (!reader.Contains(array))
            {
                throw reader.Invalid($"network '{prefix}' lacks parameter '{name}'");
            }

            values[name] = reader.ReadSingleArray(array);
            shapes[name] = [.. reader.ReadShape(array)];
        }

        try
        {
            network.LoadStateDict(new ModuleState(values, shapes));
        }
        catch (ArgumentException e)
        {
            throw reader.Invalid($"network '{prefix}' does not match its architecture ({e.Message})");
        }

        return (spec, network);
    }

    private static T ParseEnum<T>(ModelReader reader, string name)
        where T : struct, Enum =>
        Enum.TryParse(reader.ReadString(name), out T value) && Enum.IsDefined(value)
            ? value
            : throw reader.Invalid($"'{name}' is not a known {typeof(T).Name}");
}
