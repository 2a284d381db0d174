using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.AutoSmote;

/// <summary>
/// The random part of a batch of AutoSMOTE samples, drawn in one fixed order from a seeded stream: per sample its seed,
/// then for each k-NN option k = 1 … K_max its interpolation partner (uniform among the first k neighbours for the
/// count reading, the k-th for the rank reading), then its mixing weight u, uniform in [0, 1).
/// </summary>
/// <param name="Seeds">The seed (a <see cref="SeedTable"/> index) of each sample.</param>
/// <param name="Partners">Samples × K_max positions in the seed's neighbour list.</param>
/// <param name="Mix">The u of each sample.</param>
internal sealed record SyntheticDraws(int[] Seeds, long[] Partners, float[] Mix)
{
    /// <summary>Draws <paramref name="count"/> samples, each seed from <paramref name="seed"/>.</summary>
    public static SyntheticDraws Draw(int count, Func<DeterministicRandom, int> seed, int maxNeighbors, AutoSmoteNeighborCriterion criterion, DeterministicRandom random)
    {
        var seeds = new int[count];
        var partners = new long[count * maxNeighbors];
        var mix = new float[count];
        for (int i = 0; i < count; i++)
        {
            seeds[i] = seed(random);
            for (int k = 0; k < maxNeighbors; k++)
            {
                partners[(i * maxNeighbors) + k] = criterion == AutoSmoteNeighborCriterion.Count ? random.NextInt(k + 1) : k;
            }

            mix[i] = random.NextSingle();
        }

        return new SyntheticDraws(seeds, partners, mix);
    }
}
