using System.Text.Json;
using Microsoft.ML.Oversampling.Datasets;
using Microsoft.ML.Oversampling.Numerics;
using Microsoft.ML.Oversampling.Svm;

namespace Microsoft.ML.Oversampling.Tests.Svm;

public class RbfSupportVectorMachineTests
{
    public static TheoryData<string> Cases => new() { "ecoli3", "glass2", "haberman", "new-thyroid1", "yeast4" };

    /// <summary>
    /// Against scikit-learn's SVC (libsvm) on the same data: the same γ, and the same support vectors except rows
    /// that sit on the margin within the solvers' tolerance. Both stop when the maximal KKT violation is below
    /// tol = 10⁻³ (in units of y·f(x)), so a row's status (α = 0, free, or at C) can only differ where |y·f(x) − 1|
    /// is of that order; scikit-learn's decision values bound it with a factor of 10 to spare.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void SupportVectorsMatchScikitLearn_UpToRowsOnTheMarginWithinTolerance(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine("Fixtures", "svm_support.json")));
        JsonElement expected = json.RootElement.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        DenseMatrix features = EmbeddedDatasets.LoadMatrix(name).Features;
        int[] labels = expected.GetProperty("labels").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        double[] decision = expected.GetProperty("decision").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var theirs = expected.GetProperty("support").EnumerateArray().Select(v => v.GetInt32()).ToHashSet();

        double gamma = RbfSupportVectorMachine.ScaleGamma(features);
        Assert.Equal(expected.GetProperty("gamma").GetDouble(), gamma, 1e-9 * gamma);

        int[] rows = Enumerable.Range(0, features.Rows).ToArray();
        bool[] positive = labels.Select(l => l == 1).ToArray();
        double[] alpha = RbfSupportVectorMachine.Solve(features, rows, positive, 1.0, gamma, 1e-3, 10_000_000, 2, out bool converged);
        Assert.True(converged);
        Assert.All(alpha, a => Assert.InRange(a, 0, 1.0));
        Assert.Equal(0, alpha.Select((a, i) => positive[i] ? a : -a).Sum(), 1e-9); // yᵀα = 0

        var ours = rows.Where(i => alpha[i] > 0).ToHashSet();
        foreach (int row in ours.Union(theirs).Where(r => ours.Contains(r) != theirs.Contains(r)))
        {
            double margin = (positive[row] ? 1 : -1) * decision[row];
            Assert.True(Math.Abs(margin - 1) < 1e-2, $"row {row} is a support vector on one side only but its margin is {margin:G4}");
        }

        Assert.NotEmpty(ours);
    }
}
