namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>What the criteria chose for one batch's synthetic samples (recorded on request, for inspection and tests).</summary>
/// <param name="Seeds">Each sample's seed (a <see cref="SeedTable"/> index).</param>
/// <param name="Units">Each sample's decision unit (its cohort, or its seed's own unit in the self variant).</param>
/// <param name="Participates">Whether each sample's synthetic row entered the loss.</param>
/// <param name="Neighbors">The chosen k − 1 of each sample.</param>
/// <param name="Aggregations">The chosen aggregation's position in the options' list.</param>
/// <param name="Rows">The synthetic rows, samples × d, row-major.</param>
internal sealed record BatchDecisions(int[] Seeds, int[] Units, bool[] Participates, int[] Neighbors, int[] Aggregations, float[] Rows);
