using System.Text;
using System.Text.RegularExpressions;

namespace Microsoft.ML.Oversampling.Reporting.Tests;

public sealed partial class OversamplingReportTests
{
    private static readonly Lazy<(string Html, ReportMethod[] Methods)> s_report = new(BuildReport);

    /// <summary>
    /// none, SMOTE and Deep SMOTE with FastTree on ecoli3, 3-fold CV. Set OVERSAMPLING_REPORT_PATH to also
    /// write the file there (docs/report-screenshot.png is a headless Chromium screenshot of it, see the README).
    /// </summary>
    private static (string, ReportMethod[]) BuildReport()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ReportTestData.Load(ml, "ecoli3");
        var trainer = ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 20, minimumExampleCountPerLeaf: 5);
        var samplers = new (string Name, OversamplingEstimator? Sampler)[]
        {
            ("none", null),
            ("smote", ml.Transforms.Oversampling.Smote(seed: 1)),
            ("deep-smote", ml.Transforms.Oversampling.DeepSmote(seed: 1)),
        };
        ReportMethod[] methods = [.. samplers.Select(s => new ReportMethod(
            s.Name,
            ml.BinaryClassification.CrossValidateStratified(
                data, s.Sampler is null ? trainer : s.Sampler.Append(trainer), numberOfFolds: 3, repeats: 1, seed: 1),
            ResamplingSnapshot.Capture(data, s.Sampler)))];
        string html = OversamplingReport.ToHtml("ecoli3: FastTree with and without oversampling", methods);
        string? path = Environment.GetEnvironmentVariable("OVERSAMPLING_REPORT_PATH");
        if (!string.IsNullOrEmpty(path))
        {
            OversamplingReport.Write(path, "ecoli3: FastTree with and without oversampling", methods);
        }

        return (html, methods);
    }

    [Fact]
    public void The_report_has_every_figure_with_its_caption()
    {
        string html = s_report.Value.Html;
        string[] captions = [.. CaptionPattern().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

        Assert.Equal(
            [
                OversamplingReport.MetricsCaption, OversamplingReport.RocCaption, OversamplingReport.PrecisionRecallCaption,
                OversamplingReport.ProjectionCaptionPrefix + "none", OversamplingReport.ProjectionCaptionPrefix + "smote",
                OversamplingReport.ProjectionCaptionPrefix + "deep-smote", OversamplingReport.ClassCountsCaption,
            ],
            captions);
        Assert.Equal(captions.Length, ImagePattern().Matches(html).Count);
        Assert.Equal(captions.Length, Regex.Matches(html, "<figure>").Count);
    }

    [Fact]
    public void Every_figure_is_an_svg_document_with_the_plot_drawn()
    {
        string[] svgs = [.. ImagePattern().Matches(s_report.Value.Html)
            .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)))];

        Assert.Equal(7, svgs.Length);
        Assert.All(svgs, svg =>
        {
            Assert.Contains("<svg", svg);
            Assert.Contains("</svg>", svg);
            Assert.True(svg.Length > 5000, $"an SVG of {svg.Length} characters has no plot in it");
        });
    }

    [Fact]
    public void The_report_fetches_nothing_from_outside()
    {
        string html = s_report.Value.Html;

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match image in ImagePattern().Matches(html))
        {
            string svg = Encoding.UTF8.GetString(Convert.FromBase64String(image.Groups[1].Value));
            Assert.DoesNotMatch(ExternalReference(), svg);
        }
    }

    [Fact]
    public void The_table_shows_each_method_with_mean_and_std_and_the_counts_show_the_rebalancing()
    {
        (string html, ReportMethod[] methods) = s_report.Value;

        foreach (ReportMethod method in methods)
        {
            var auc = method.CrossValidation.Summary["AreaUnderRocCurve"];
            Assert.Contains(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<td>{method.Name}</td><td>{auc.Mean:F3} ± {auc.StandardDeviation:F3}</td>"),
                html);
        }

        Assert.Equal((301, 35), methods[0].Resampling!.CountsAfter);
        Assert.Equal((301, 301), methods[1].Resampling!.CountsAfter);
        Assert.Equal((301, 301), methods[2].Resampling!.CountsAfter);
        Assert.Equal(266, methods[2].Resampling!.SyntheticFeatures.Count);
        Assert.All(methods[2].Resampling!.SyntheticLabels, Assert.True);
    }

    [Fact]
    public void Write_creates_the_file_and_its_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "oversampling-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(folder, "sub", "report.html");
            ReportMethod[] methods = s_report.Value.Methods[..1];

            OversamplingReport.Write(path, "one method", methods);

            string html = File.ReadAllText(path);
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<title>one method</title>", html);
            Assert.Equal(5, ImagePattern().Matches(html).Count);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void No_methods_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => OversamplingReport.ToHtml("empty", []));
    }

    [GeneratedRegex("<figcaption>(.*?)</figcaption>")]
    private static partial Regex CaptionPattern();

    [GeneratedRegex("<img [^>]*src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
