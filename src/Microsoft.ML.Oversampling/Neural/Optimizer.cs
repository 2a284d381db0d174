using System.Runtime.CompilerServices;
namespace Microsoft.ML.Oversampling.Neural;

/// <summary>Base class of optimizers: holds the parameters and the learning rate (TorchSharp's <c>torch.optim.Optimizer</c>).</summary>
public abstract class Optimizer
{
    /// <summary>Takes the parameters to update.</summary>
    protected Optimizer(IEnumerable<Tensor> parameters, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        foreach (var p in Parameters)
        {
            if (!p.RequiresGrad || !p.IsLeaf)
            {
                throw new ArgumentException("Optimizers update leaf tensors that require gradients (module parameters).", nameof(parameters));
            }
        }

        LearningRate = learningRate;
        InitialLearningRate = learningRate;
    }

    /// <summary>The learning rate of the next <see cref="Step"/> (schedules change it).</summary>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value >= 0f) || float.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), $"The learning rate must be finite and non-negative, but was {value}.");
            }

            field = value;
        }
    }

    /// <summary>The learning rate given at construction (schedules start from it).</summary>
    public float InitialLearningRate { get; }

    /// <summary>The parameters being updated.</summary>
    protected IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
        {
            p.ZeroGrad();
        }
    }

    /// <summary>Updates every parameter from its gradient (parameters without a gradient yet are skipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step()
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            var grad = Parameters[i].Grad;
            if (grad is not null)
            {
                Update(i, Parameters[i].Data, grad.Data);
            }
        }
    }

    /// <summary>Updates parameter number <paramref name="index"/> in place.</summary>
    protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>A zeroed state array per parameter (for momentum and moment estimates).</summary>
    protected float[][] NewState() => Parameters.Select(p => new float[p.Size]).ToArray();
}
