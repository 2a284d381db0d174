using Microsoft.ML.Oversampling.Cli.Infrastructure;

namespace Microsoft.ML.Oversampling.Tests.Cli;

public sealed class CliProgressTests
{
    [Fact]
    public void Redirected_LongWork_PrintsStillWorkingLines()
    {
        var text = new LockedWriter();
        TextWriter error = text;

        // The work lasts until two heartbeats have been written (or 20 s, far beyond the 100 ms period, then the assert fails).
        bool seen = CliProgress.RunOne(error, "training deep-smote", () =>
            SpinWait.SpinUntil(() => Heartbeats(text, "training deep-smote: still working") >= 2, TimeSpan.FromSeconds(20)),
            heartbeat: TimeSpan.FromMilliseconds(100));

        Assert.True(seen, text.ToString());
    }

    [Fact]
    public void Redirected_Items_OneLinePerItem_InItemOrder_AndHeartbeats()
    {
        var text = new LockedWriter();
        TextWriter error = text;

        var results = CliProgress.Run(error, "cv", ["a", "b"], s => s, s =>
        {
            Assert.True(SpinWait.SpinUntil(() => Heartbeats(text, $"cv: still working on {s}") >= 1, TimeSpan.FromSeconds(20)), text.ToString());
            return s.ToUpperInvariant();
        }, (s, r, _) => $"{s} -> {r}", heartbeat: TimeSpan.FromMilliseconds(100));

        Assert.Equal(new[] { "A", "B" }, results);
        string all = text.ToString();
        Assert.True(all.IndexOf("[1/2] a -> A", StringComparison.Ordinal) < all.IndexOf("[2/2] b -> B", StringComparison.Ordinal), all);
        Assert.Contains("[1/2] a -> A", all);
    }

    private static int Heartbeats(LockedWriter text, string line) => text.ToString().Split('\n').Count(l => l.Contains(line));

    /// <summary>A text writer safe to read while another thread writes.</summary>
    private sealed class LockedWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
