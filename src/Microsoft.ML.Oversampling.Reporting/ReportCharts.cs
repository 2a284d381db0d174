using ScottPlot;

namespace Microsoft.ML.Oversampling.Reporting;

/// <summary>
/// The report's figures as ScottPlot plots, usable on their own (for example in a notebook:
/// <c>plot.GetSvgXml(800, 450)</c>). Method i has colour i of ScottPlot's Category10 palette in every figure.
/// </summary>
public static class ReportCharts
{
    private static readonly IPalette s_palette = new ScottPlot.Palettes.Category10();
    private static readonly Color s_majority = Colors.Gray.WithAlpha(0.3);
    private static readonly Color s_minority = new ScottPlot.Palettes.Category10().GetColor(0);
    private static readonly Color s_synthetic = new ScottPlot.Palettes.Category10().GetColor(1).WithAlpha(0.45);

    /// <summary>The colour of method <paramref name="index"/>.</summary>
    public static Color MethodColor(int index) => s_palette.GetColor(index);

    /// <summary>Grouped bars: one group per metric, one bar per method at its mean, with ± one standard deviation error bars.</summary>
    public static Plot MetricBars(IReadOnlyList<ReportMethod> methods, IReadOnlyList<ReportMetric>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(methods);
        metrics ??= ReportMetric.Defaults;
        var plot = new Plot();
        double width = 0.8 / Math.Max(1, methods.Count);
        var bars = new List<Bar>();
        for (int g = 0; g < metrics.Count; g++)
        {
            for (int m = 0; m < methods.Count; m++)
            {
                if (!methods[m].CrossValidation.Summary.TryGetValue(metrics[g].Key, out var stats))
                {
                    continue;
                }

                bars.Add(new Bar
                {
                    Position = g + ((m - ((methods.Count - 1) / 2.0)) * width),
                    Value = stats.Mean,
                    Error = stats.StandardDeviation,
                    Size = width * 0.9,
                    FillColor = MethodColor(m),
                });
            }
        }

        plot.Add.Bars(bars);
        AddMethodLegend(plot, methods);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, metrics.Count).Select(g => (double)g)], [.. metrics.Select(m => m.Label)]);
        plot.Axes.SetLimitsY(0, 1.18);
        plot.Title("Metrics: mean ± std over the cross-validation folds");
        plot.YLabel("value");
        plot.ShowLegend(Alignment.UpperCenter, Orientation.Horizontal);
        return plot;
    }

    /// <summary>The ROC curves of the methods, each labelled with its pooled AUC, with the chance diagonal.</summary>
    public static Plot RocCurves(IReadOnlyList<(string Name, BinaryCurves Curves)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        Plot plot = Curves(curves, c => c.Roc, "AUC");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        plot.Title("ROC curves (pooled test folds)");
        plot.XLabel("false-positive rate");
        plot.YLabel("true-positive rate (recall)");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The precision–recall curves of the methods, each labelled with its pooled average precision.</summary>
    public static Plot PrecisionRecallCurves(IReadOnlyList<(string Name, BinaryCurves Curves)> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        Plot plot = Curves(curves, c => c.PrecisionRecall, "AP");
        plot.Title("Precision–recall curves (pooled test folds)");
        plot.XLabel("recall");
        plot.YLabel("precision");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// Real majority, real minority and synthetic rows of <paramref name="snapshot"/> on the two principal components
    /// of <paramref name="projection"/>.
    /// </summary>
    public static Plot Projection(string title, ResamplingSnapshot snapshot, PcaProjection projection)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(projection);
        var plot = new Plot();
        bool minorityIsTrue = snapshot.CountsBefore.True <= snapshot.CountsBefore.False;
        float[][] majority = [.. snapshot.RealFeatures.Where((_, i) => snapshot.RealLabels[i] != minorityIsTrue)];
        float[][] minority = [.. snapshot.RealFeatures.Where((_, i) => snapshot.RealLabels[i] == minorityIsTrue)];
        // Drawn in this order so the few real minority rows stay visible on top of the synthetic ones.
        AddPoints(plot, projection, majority, s_majority, $"real majority ({majority.Length})", 4);
        AddPoints(plot, projection, [.. snapshot.SyntheticFeatures], s_synthetic, $"synthetic ({snapshot.SyntheticFeatures.Count})", 4);
        AddPoints(plot, projection, minority, s_minority, $"real minority ({minority.Length})", 7);
        plot.Title(title);
        plot.XLabel($"PC1 ({projection.ExplainedVarianceRatio[0]:P0} of variance)");
        plot.YLabel($"PC2 ({projection.ExplainedVarianceRatio[1]:P0} of variance)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// Class counts before resampling and after each method's sampler: two bars (label <c>false</c>, label
    /// <c>true</c>) per group. Methods without a snapshot are left out.
    /// </summary>
    public static Plot ClassCounts(IReadOnlyList<ReportMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ReportMethod[] withSnapshot = [.. methods.Where(m => m.Resampling is not null)];
        var plot = new Plot();
        if (withSnapshot.Length == 0)
        {
            plot.Title("Class counts (no resampling recorded)");
            return plot;
        }

        var groups = new List<(string Label, (int False, int True) Counts)> { ("before", withSnapshot[0].Resampling!.CountsBefore) };
        groups.AddRange(withSnapshot.Select(m => ($"after {m.Name}", m.Resampling!.CountsAfter)));
        var bars = new List<Bar>();
        for (int g = 0; g < groups.Count; g++)
        {
            bars.Add(new Bar { Position = g - 0.2, Value = groups[g].Counts.False, Size = 0.38, FillColor = Colors.Gray, Label = groups[g].Counts.False.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            bars.Add(new Bar { Position = g + 0.2, Value = groups[g].Counts.True, Size = 0.38, FillColor = s_minority, Label = groups[g].Counts.True.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "label false", FillColor = Colors.Gray });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "label true", FillColor = s_minority });
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, groups.Count).Select(g => (double)g)], [.. groups.Select(g => g.Label)]);
        plot.Axes.Margins(bottom: 0, top: 0.3);
        plot.Title("Class counts before and after resampling");
        plot.YLabel("rows");
        plot.ShowLegend(Alignment.UpperCenter, Orientation.Horizontal);
        return plot;
    }

    private static Plot Curves(IReadOnlyList<(string Name, BinaryCurves Curves)> curves, Func<BinaryCurves, CurvePoints> select, string areaName)
    {
        var plot = new Plot();
        for (int m = 0; m < curves.Count; m++)
        {
            CurvePoints points = select(curves[m].Curves);
            var line = plot.Add.ScatterLine(points.X, points.Y);
            line.Color = MethodColor(m);
            line.LineWidth = 2;
            line.LegendText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{curves[m].Name} ({areaName} {points.Area:F3})");
        }

        plot.Axes.SetLimits(0, 1, 0, 1.02);
        return plot;
    }

    private static void AddMethodLegend(Plot plot, IReadOnlyList<ReportMethod> methods)
    {
        for (int m = 0; m < methods.Count; m++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = methods[m].Name, FillColor = MethodColor(m) });
        }
    }

    private static void AddPoints(Plot plot, PcaProjection projection, float[][] rows, Color color, string legend, float size)
    {
        if (rows.Length == 0)
        {
            return;
        }

        (double[] x, double[] y) = projection.Project(rows);
        var points = plot.Add.ScatterPoints(x, y);
        points.Color = color;
        points.MarkerSize = size;
        points.LegendText = legend;
    }
}
