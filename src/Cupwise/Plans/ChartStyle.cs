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
}
