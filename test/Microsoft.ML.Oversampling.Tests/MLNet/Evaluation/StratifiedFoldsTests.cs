using Microsoft.ML.Oversampling.MLNet.Evaluation;
using Microsoft.ML.Oversampling.Numerics;

namespace Microsoft.ML.Oversampling.Tests.MLNet.Evaluation;

public sealed class StratifiedFoldsTests
{
    [Theory]
    [InlineData(new[] { 51, 1433 }, 5)]
    [InlineData(new[] { 7, 7, 7 }, 7)]
    [InlineData(new[] { 3, 100, 12, 9 }, 3)]
    public void Each_fold_gets_the_floor_or_ceiling_share_of_every_class_and_of_all_rows(int[] classSizes, int folds)
    {
        // Classes interleaved, so the assignment cannot rely on rows arriving grouped by class.
        var classOfRow = new List<int>();
        int[] left = (int[])classSizes.Clone();
        while (left.Any(n => n > 0))
        {
            for (int c = 0; c < left.Length; c++)
            {
                if (left[c]-- > 0)
                {
                    classOfRow.Add(c);
                }
            }
        }

        int[] fold = StratifiedFolds.Assign(classOfRow, classSizes.Length, folds, new DeterministicRandom(11));

        for (int c = 0; c < classSizes.Length; c++)
        {
            for (int f = 0; f < folds; f++)
            {
                int count = Enumerable.Range(0, fold.Length).Count(r => classOfRow[r] == c && fold[r] == f);
                Assert.InRange(count, classSizes[c] / folds, (classSizes[c] + folds - 1) / folds);
            }
        }

        int total = classSizes.Sum();
        for (int f = 0; f < folds; f++)
        {
            Assert.InRange(fold.Count(x => x == f), total / folds, (total + folds - 1) / folds);
        }
    }

    [Fact]
    public void The_shuffle_decides_which_rows_share_a_fold()
    {
        int[] classOfRow = Enumerable.Repeat(0, 40).ToArray();

        int[] a = StratifiedFolds.Assign(classOfRow, 1, 4, new DeterministicRandom(1));
        int[] b = StratifiedFolds.Assign(classOfRow, 1, 4, new DeterministicRandom(1));
        int[] c = StratifiedFolds.Assign(classOfRow, 1, 4, new DeterministicRandom(2));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Not simply row i in fold i mod 4.
        Assert.NotEqual(Enumerable.Range(0, 40).Select(i => i % 4), a);
    }
}
