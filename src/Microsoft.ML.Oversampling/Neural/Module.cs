namespace Microsoft.ML.Oversampling.Neural;

/// <summary>
/// Base class of layers and networks: owns named parameters (trainable tensors), buffers (state such as running
/// statistics) and child modules, switches between training and evaluation, and exports its state as named float
/// arrays (the role of TorchSharp's <c>torch.nn.Module</c>). Names are dotted paths, e.g. <c>0.weight</c>.
/// </summary>
public abstract class Module
{
    private readonly List<(string Name, Tensor Tensor)> _parameters = [];
    private readonly List<(string Name, Tensor Tensor)> _buffers = [];
    private readonly List<(string Name, Module Module)> _children = [];

    /// <summary>Whether the module is in training mode (dropout active, batch statistics used). New modules train.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Sets training mode on this module and all its descendants.</summary>
    public Module Train(bool training = true)
    {
        Training = training;
        foreach (var (_, child) in _children)
        {
            child.Train(training);
        }

        return this;
    }

    /// <summary>Sets evaluation mode (same as <c>Train(false)</c>).</summary>
    public Module Eval() => Train(false);

    /// <summary>All parameters of this module and its descendants, in registration order.</summary>
    public IReadOnlyList<Tensor> Parameters() => NamedParameters().Select(p => p.Parameter).ToList();

    /// <summary>All parameters with their dotted names.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters() => Collect(m => m._parameters, string.Empty);

    /// <summary>All buffers (non-trainable state) with their dotted names.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers() => Collect(m => m._buffers, string.Empty);

    /// <summary>The direct children with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children;

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var (_, parameter) in NamedParameters())
        {
            parameter.ZeroGrad();
        }
    }

    /// <summary>A copy of every parameter and buffer, by name (TorchSharp's <c>state_dict()</c>).</summary>
    public ModuleState StateDict()
    {
        var values = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (name, tensor) in NamedParameters().Concat(NamedBuffers()))
        {
            values.Add(name, tensor.ToArray());
            shapes.Add(name, tensor.Shape);
        }

        return new ModuleState(values, shapes);
    }

    /// <summary>
    /// Copies the values of <paramref name="state"/> into the parameters and buffers of the same names
    /// (TorchSharp's <c>load_state_dict()</c>). Every name must be present, with the same shape, and nothing extra.
    /// </summary>
    public void LoadStateDict(ModuleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var targets = NamedParameters().Concat(NamedBuffers()).ToList();
        var missing = targets.Select(t => t.Item1).Where(n => !state.Values.ContainsKey(n)).ToList();
        var unexpected = state.Values.Keys.Except(targets.Select(t => t.Item1), StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            throw new ArgumentException(
                $"The state does not match the module: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", unexpected)}].", nameof(state));
        }

        foreach (var (name, tensor) in targets)
        {
            if (!state.Shapes.TryGetValue(name, out var shape) || !shape.AsSpan().SequenceEqual(tensor.ShapeView))
            {
                string given = shape is null ? "none" : Tensor.FormatShape(shape);
                throw new ArgumentException($"'{name}' has shape {Tensor.FormatShape(tensor.ShapeView)} in the module but {given} in the state.", nameof(state));
            }

            tensor.CopyFrom(state.Values[name]);
        }
    }

    /// <summary>Registers a trainable tensor under <paramref name="name"/> and marks it as requiring gradients.</summary>
    protected Tensor RegisterParameter(string name, Tensor parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.RequiresGrad = true;
        _parameters.Add((CheckName(name), parameter));
        return parameter;
    }

    /// <summary>Registers non-trainable state (saved with the parameters) under <paramref name="name"/>.</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        _buffers.Add((CheckName(name), buffer));
        return buffer;
    }

    /// <summary>Registers a child module under <paramref name="name"/>.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        _children.Add((CheckName(name), module));
        return module;
    }

    private IEnumerable<(string, Tensor)> Collect(Func<Module, List<(string Name, Tensor Tensor)>> select, string prefix)
    {
        foreach (var (name, tensor) in select(this))
        {
            yield return (prefix + name, tensor);
        }

        foreach (var (name, child) in _children)
        {
            foreach (var entry in child.Collect(select, prefix + name + "."))
            {
                yield return entry;
            }
        }
    }

    private string CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid name: it must be non-empty and contain no dot.", nameof(name));
        }

        if (_parameters.Any(p => p.Name == name) || _buffers.Any(b => b.Name == name) || _children.Any(c => c.Name == name))
        {
            throw new ArgumentException($"'{name}' is already registered in {GetType().Name}.", nameof(name));
        }

        return name;
    }
}
