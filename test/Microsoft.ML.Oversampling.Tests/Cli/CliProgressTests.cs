using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class CliProgressTests
{
    [Fact]
    public void Redirected_LongWork_PrintsStillWorkingLines()
    {
        var error = new StringWriter();

        int result = CliProgress.RunOne(error, "training deep-smote", () =>
        {
            Thread.Sleep(1000);
            return 42;
        }, heartbeat: TimeSpan.FromMilliseconds(200));

        Assert.Equal(42, result);
        Assert.True(error.ToString().Split('\n').Count(l => l.Contains("training deep-smote: still working")) >= 2, error.ToString());
    }

    [Fact]
    public void Redirected_Items_OneLinePerItem_InItemOrder_AndHeartbeats()
    {
        var error = new StringWriter();

        var results = CliProgress.Run(error, "cv", ["a", "b"], s => s, s =>
        {
            Thread.Sleep(600);
            return s.ToUpperInvariant();
        }, (s, r, _) => $"{s} -> {r}", heartbeat: TimeSpan.FromMilliseconds(200));

        Assert.Equal(new[] { "A", "B" }, results);
        string text = error.ToString();
        Assert.Contains("[1/2] a -> A", text);
        Assert.Contains("[2/2] b -> B", text);
        Assert.Contains("cv: still working on a", text);
    }
}
