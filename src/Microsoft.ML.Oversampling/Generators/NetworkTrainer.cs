using static TorchSharp.torch;

namespace Microsoft.ML.Oversampling.Generators;

/// <summary>
/// The one training-step design of every deep generator (Deep SMOTE's regression, DA-SMOTE's and the GAN's adversarial
/// phases): a network with its <see cref="FusedAdam"/>; each <see cref="Step"/> zeroes the flat gradients, builds the
/// loss, back-propagates and updates, inside a dispose scope, so every tensor of the step is freed when it returns
/// and native memory stays flat however many steps run.
/// </summary>
internal sealed class NetworkTrainer : IDisposable
{
    private readonly IFlatOptimizer _optimizer;

    public NetworkTrainer(Network network, double learningRate, double beta1 = 0.9, double weightDecay = 0)
    {
        Network = network;
        _optimizer = new FusedAdam(network.Parameters, learningRate, beta1, weightDecay: weightDecay);
    }

    /// <summary>A trainer of <paramref name="network"/> with <paramref name="optimizer"/> (over its parameters), which it disposes.</summary>
    public NetworkTrainer(Network network, IFlatOptimizer optimizer)
    {
        Network = network;
        _optimizer = optimizer;
    }

    /// <summary>The optimiser (a schedule sets its <see cref="IFlatOptimizer.LearningRate"/> between steps).</summary>
    public IFlatOptimizer Optimizer => _optimizer;

    /// <summary>The network trained.</summary>
    public Network Network { get; }

    /// <summary>One optimisation step on the loss <paramref name="loss"/> builds (a scalar tensor);
    /// <paramref name="afterBackward"/>, if given, runs after its backward pass, while the step's tensors live.</summary>
    public void Step(Func<Tensor> loss, Action? afterBackward = null)
    {
        using var scope = NewDisposeScope();
        Network.Parameters.ZeroGradients();
        loss().backward();
        afterBackward?.Invoke();
        _optimizer.Step();
    }

    /// <summary>Frees the optimiser state (the network stays usable).</summary>
    public void Dispose() => _optimizer.Dispose();
}
