using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.MLNet.Evaluation;

/// <summary>Stratified fold assignment: each class's rows are shuffled, then dealt to the folds round-robin.</summary>
internal static class StratifiedFolds
{
    /// <summary>
    /// The fold (0 … <paramref name="folds"/> − 1) of each row. Each fold receives ⌊n_c/k⌋ or ⌈n_c/k⌉ rows of every
    /// class c. The deal continues from one class to the next instead of restarting at fold 0, so the folds' total
    /// sizes also differ by at most one.
    /// </summary>
    /// <param name="classOfRow">The class index of each row (0 … <paramref name="classCount"/> − 1).</param>
    /// <param name="classCount">The number of classes.</param>
    /// <param name="folds">The number of folds.</param>
    /// <param name="random">The shuffle's generator.</param>
    public static int[] Assign(IReadOnlyList<int> classOfRow, int classCount, int folds, DeterministicRandom random)
    {
        var rowsOfClass = new List<int>[classCount];
        for (int c = 0; c < classCount; c++)
        {
            rowsOfClass[c] = [];
        }

        for (int row = 0; row < classOfRow.Count; row++)
        {
            rowsOfClass[classOfRow[row]].Add(row);
        }

        var fold = new int[classOfRow.Count];
        int next = 0;
        foreach (List<int> rows in rowsOfClass)
        {
            int[] shuffled = rows.ToArray();
            random.Shuffle(shuffled.AsSpan());
            foreach (int row in shuffled)
            {
                fold[row] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }
}
