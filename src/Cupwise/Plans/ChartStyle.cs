using System.Globalization;
using ScottPlot;

namespace Cupwise.Plans;

/// <summary>What every Cupwise chart shares.</summary>
public static class ChartStyle
{
    /// <summary>A date axis at the bottom labelled "2 Dec", whatever the server's culture (no US month/day order).</summary>
    public static void DayTicksBottom(Plot plot)
    {
        var axis = plot.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            automatic.LabelFormatter = day => day.ToString("d MMM", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The plot as SVG with a viewBox, so a page can scale it to its card without cropping it.</summary>
    public static string ScalableSvg(Plot plot, int width, int height)
    {
        var svg = plot.GetSvgXml(width, height);
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        return open >= 0 && !svg.Contains("viewBox", StringComparison.Ordinal)
            ? svg.Insert(open + 4, $" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\"")
            : svg;
    }
}
