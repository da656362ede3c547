using System.Globalization;
using ScottPlot;

namespace Cupwise.Suction;

/// <summary>Draws an estimate's pressure and lift curves (ScottPlot), as SVG or PNG by the file's extension.</summary>
public static class SuctionPlot
{
    private static readonly Color Accent = Color.FromHex("#2f7f7a");
    private static readonly Color Lift = Color.FromHex("#8e2c48");

    public static void Save(SuctionEstimateResponse estimate, string path, int width = 900, int height = 500)
    {
        var plot = Build(estimate);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".svg":
                plot.SaveSvg(path, width, height);
                break;
            case ".png":
                plot.SavePng(path, width, height);
                break;
            default:
                throw new ArgumentException($"The plot is drawn as .svg or .png, not '{extension}'.", nameof(path));
        }
    }

    public static Plot Build(SuctionEstimateResponse estimate)
    {
        var minutes = estimate.Curve.Select(p => p.Minutes).ToArray();
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var pressure = plot.Add.ScatterLine(minutes, estimate.Curve.Select(p => p.PressureMmHg).ToArray());
        pressure.Color = Accent;
        pressure.LineWidth = 3;
        pressure.LegendText = "Pressure (mmHg below ambient)";
        var lift = plot.Add.ScatterLine(minutes, estimate.Curve.Select(p => p.LiftMm).ToArray());
        lift.Color = Lift;
        lift.LineWidth = 2;
        lift.LinePattern = LinePattern.Dashed;
        lift.LegendText = "Tissue lift (mm)";
        lift.Axes.YAxis = plot.Axes.Right;

        var lowest = Math.Min(estimate.Curve.Min(p => p.PressureMmHg), -50);
        plot.Axes.SetLimitsY(lowest * 1.1, 0, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(estimate.Curve.Max(p => p.LiftMm), 1) * 1.4, plot.Axes.Right);
        plot.Axes.SetLimitsX(0, minutes[^1]);
        plot.Axes.Left.Label.Text = "Pressure in the cup (mmHg, gauge)";
        plot.Axes.Right.Label.Text = "Tissue lift (mm)";
        plot.Axes.Bottom.Label.Text = "Minutes after the cup seals";
        plot.Title($"{estimate.Cup}, {estimate.Method}{(estimate.Site is null ? string.Empty : $", {estimate.Site}")}\n{Sentence(estimate)}");
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    /// <summary>The chart in words (UI.md: a sentence under every chart).</summary>
    public static string Sentence(SuctionEstimateResponse e) => string.Create(CultureInfo.InvariantCulture,
        $"About {Math.Abs(e.PressureMmHg):0} mmHg below ambient at {e.AtMinutes:0.#} min; the tissue rises {e.LiftMm:0.#} mm; the cup holds with {e.PullN:0} N.");
}
