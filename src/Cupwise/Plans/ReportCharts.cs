using Cupwise.Domain.Plans;
using ScottPlot;

namespace Cupwise.Plans;

/// <summary>The practice report's charts (ScottPlot): responder rate and mean pain change by indication.</summary>
public static class ReportCharts
{
    private const int Width = 720, Height = 360;

    /// <summary>Share of plans whose pain improved by the MCID, one bar per indication with pain readings.</summary>
    public static Plot ResponderRates(IReadOnlyList<IndicationOutcome> rows)
    {
        var plot = NewPlot();
        var shown = rows.Where(r => r.ResponderRate is not null).ToList();
        var bars = shown.Select((r, i) => new Bar { Position = i, Value = r.ResponderRate!.Value * 100, FillColor = Color.FromHex("#2f7f7a") }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. shown.Select((_, i) => (double)i)], [.. shown.Select(r => $"{Short(r.Indication)} (n={r.WithPainReadings})")]);
        plot.Axes.Left.Label.Text = "Responders (%)";
        plot.Axes.SetLimitsY(0, 100);
        plot.Title("Responders: pain better by ≥ 2 points or 30 %");
        return plot;
    }

    /// <summary>Mean change in pain (latest − first, 0–10) with its 95 % interval, per indication with enough plans.</summary>
    public static Plot MeanPainChange(IReadOnlyList<IndicationOutcome> rows)
    {
        var plot = NewPlot();
        var shown = rows.Where(r => r.MeanPainChange is not null).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var m = shown[i].MeanPainChange!;
            var marker = plot.Add.Marker(i, m.Value);
            marker.Color = Color.FromHex("#8e2c48");
            marker.Size = 10;
            var line = plot.Add.Line(i, m.Low, i, m.High);
            line.Color = Color.FromHex("#8e2c48");
            line.LineWidth = 2;
        }
        plot.Add.HorizontalLine(0, 1, Color.FromHex("#55626a"));
        var mcid = plot.Add.HorizontalLine(-2, 1, Color.FromHex("#9aa9ad"), LinePattern.Dashed);
        mcid.LegendText = "−2 points (MCID)";
        plot.Axes.Bottom.SetTicks([.. shown.Select((_, i) => (double)i)], [.. shown.Select(r => $"{Short(r.Indication)} (n={r.WithPainReadings})")]);
        plot.Axes.SetLimitsX(-0.7, Math.Max(shown.Count, 1) - 0.3);
        plot.Axes.SetLimitsY(-10, 10); // pain on a fixed scale: a change of −10 to +10 points
        plot.Axes.Left.Label.Text = "Change in pain, 0–10";
        plot.Title("Mean change in pain with 95 % CI");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    public static string Svg(Plot plot) => ChartStyle.ScalableSvg(plot, Width, Height);

    public static void Save(Plot plot, string path)
    {
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            plot.SavePng(path, Width, Height);
        }
        else
        {
            File.WriteAllText(path, Svg(plot)); // the same scalable SVG the web page shows
        }
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        return plot;
    }

    private static string Short(string name) => name.Length <= 22 ? name : name[..21] + "…";
}
