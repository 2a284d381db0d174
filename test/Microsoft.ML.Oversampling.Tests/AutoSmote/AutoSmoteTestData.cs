using Microsoft.ML.Data;
using Microsoft.ML.Oversampling.Classifiers;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Tests.Classifiers;
using Microsoft.ML.Oversampling.Tests.MLNet;

namespace Microsoft.ML.Oversampling.Tests.AutoSmote;

/// <summary>Imbalanced Gaussian data for the AutoSMOTE tests, as rows, a data view or classifier rows.</summary>
internal static class AutoSmoteTestData
{
    /// <summary><paramref name="majority"/> rows N(0, I) (false) then <paramref name="minority"/> rows N(1.5·𝟙, 0.5²I) (true), in <paramref name="d"/>-D.</summary>
    public static BinaryRow[] Rows(int majority, int minority, int d, int seed)
    {
        var random = new DeterministicRandom(seed);
        return [.. Enumerable.Range(0, majority + minority).Select(i =>
        {
            bool positive = i >= majority;
            return new BinaryRow
            {
                Label = positive,
                Features = [.. Enumerable.Range(0, d).Select(_ => (float)(positive ? 1.5 + (0.5 * random.NextGaussian()) : random.NextGaussian()))],
                Id = i,
            };
        })];
    }

    public static IDataView View(MLContext ml, BinaryRow[] rows) => MLNetTestData.Load(ml, rows, rows[0].Features.Length);

    public static ClassRows ClassRows(BinaryRow[] rows) =>
        new(new DenseMatrix(rows.Length, rows[0].Features.Length, [.. rows.SelectMany(r => r.Features)]), [.. rows.Select(r => r.Label ? 1 : 0)]);

    /// <summary>Three key classes of 60, 20 and 15 rows around the corners of a triangle.</summary>
    public static IDataView ThreeImbalancedClasses(MLContext ml, int seed)
    {
        var random = new DeterministicRandom(seed);
        (double X, double Y)[] centres = [(0, 0), (3, 0), (1.5, 2.6)];
        string[] names = ["circle", "square", "triangle"];
        int[] counts = [60, 20, 15];
        var data = new List<ClassRow>();
        for (int k = 0; k < 3; k++)
        {
            for (int i = 0; i < counts[k]; i++)
            {
                data.Add(new ClassRow { Class = names[k], Features = [(float)(centres[k].X + random.NextGaussian()), (float)(centres[k].Y + random.NextGaussian())] });
            }
        }

        IDataView view = ml.Data.LoadFromEnumerable(data);
        return ml.Transforms.Conversion.MapValueToKey("Label", "Class", keyData: ml.Data.LoadFromEnumerable(names.Select(n => new ClassName { Class = n })))
            .Fit(view).Transform(view);
    }

    /// <summary>
    /// Asserts that every synthetic row lies on a SMOTE segment <c>x + u·(n − x)</c>, u ∈ [0, 1], from a row x of
    /// <paramref name="minority"/> to one of its <paramref name="k"/> nearest other minority rows, found here by brute
    /// force (independently of the library's search). The tolerance is float32 rounding of the interpolation
    /// (a few ulps of the coordinates), far below the spacing of random points in ℝ^d.
    /// </summary>
    public static void AssertOnSmoteSegments(float[][] minority, IEnumerable<float[]> synthetic, int k, double tolerance = 1e-5)
    {
        int[][] neighbors = [.. minority.Select((x, i) => Enumerable.Range(0, minority.Length).Where(j => j != i)
            .OrderBy(j => SquaredDistance(x, minority[j])).ThenBy(j => j).Take(k).ToArray())];
        int checkedRows = 0;
        foreach (float[] s in synthetic)
        {
            double best = double.PositiveInfinity;
            for (int i = 0; i < minority.Length; i++)
            {
                foreach (int j in neighbors[i])
                {
                    best = Math.Min(best, SegmentDistance(s, minority[i], minority[j]));
                }
            }

            Assert.True(best <= tolerance, $"synthetic row {checkedRows} is {best:E2} from every SMOTE segment");
            checkedRows++;
        }

        Assert.True(checkedRows > 0);
    }

    private static double SquaredDistance(float[] a, float[] b) => a.Zip(b, (p, q) => (double)(p - q) * (p - q)).Sum();

    /// <summary>The distance from <paramref name="s"/> to the segment [x, n].</summary>
    private static double SegmentDistance(float[] s, float[] x, float[] n)
    {
        double dot = 0, length = 0;
        for (int c = 0; c < s.Length; c++)
        {
            dot += (double)(s[c] - x[c]) * (n[c] - x[c]);
            length += (double)(n[c] - x[c]) * (n[c] - x[c]);
        }

        double u = length == 0 ? 0 : Math.Clamp(dot / length, 0, 1);
        double distance = 0;
        for (int c = 0; c < s.Length; c++)
        {
            double e = s[c] - (x[c] + (u * (n[c] - x[c])));
            distance += e * e;
        }

        return Math.Sqrt(distance);
    }
}
