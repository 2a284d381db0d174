namespace Microsoft.ML.Oversampling.Tests.Neural;

/// <summary>
/// Tests that change the process-wide <see cref="Microsoft.ML.Oversampling.Neural.NeuralSettings"/> run one at a
/// time, so that a thread-count comparison really compares the thread counts it sets.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NeuralSettingsCollection
{
    public const string Name = "Neural settings";
}
