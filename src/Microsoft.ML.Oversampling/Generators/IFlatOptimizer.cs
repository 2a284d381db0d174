namespace Microsoft.ML.Oversampling.Generators;

/// <summary>An optimiser that updates a network's <see cref="FlatParameters"/> in a few whole-buffer operations
/// (<see cref="FusedAdam"/>, <see cref="FusedSgd"/>), with a learning rate a schedule may change between steps.</summary>
internal interface IFlatOptimizer : IDisposable
{
    /// <summary>The step size of the next <see cref="Step"/>.</summary>
    double LearningRate { get; set; }

    /// <summary>Applies one update from the accumulated gradients.</summary>
    void Step();
}
