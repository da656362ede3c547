using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using ScottPlot;

namespace Cupwise.Plans;

/// <summary>A client's measure over a plan's visits: before/after pairs joined by a line, the goal as a line, sessions marked.</summary>
public static class PlanCharts
{
    public const int Width = 640, Height = 300;

    public static Plot Measure(string label, IReadOnlyList<OutcomeMeasurement> readings, PlanGoal? goal, IReadOnlyList<DateTimeOffset> sessions, double min, double max)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        static double X(DateTimeOffset t) => t.UtcDateTime.ToOADate();
        foreach (var session in sessions)
        {
            var marker = plot.Add.VerticalLine(X(session), 1, Color.FromHex("#d3dcde"));
            marker.LinePattern = LinePattern.Dotted;
        }
        var before = readings.Where(r => r.Timing != MeasurementTiming.AfterSession).OrderBy(r => r.TakenAt).ToList();
        var after = readings.Where(r => r.Timing == MeasurementTiming.AfterSession).OrderBy(r => r.TakenAt).ToList();
        foreach (var b in before.Where(b => b.SessionId is not null))
        {
            if (after.FirstOrDefault(a => a.SessionId == b.SessionId) is { } a)
            {
                var pair = plot.Add.ScatterLine(new[] { X(b.TakenAt), X(a.TakenAt) + 0.3 }, new[] { b.Value, a.Value });
                pair.Color = Color.FromHex("#9aa9ad");
                pair.LineWidth = 2;
            }
        }
        if (before.Count > 0)
        {
            var points = plot.Add.ScatterPoints(before.Select(r => X(r.TakenAt)).ToArray(), before.Select(r => r.Value).ToArray());
            points.Color = Color.FromHex("#8e2c48");
            points.MarkerSize = 10;
            points.LegendText = "Before a session or between visits";
        }
        if (after.Count > 0)
        {
            var points = plot.Add.ScatterPoints(after.Select(r => X(r.TakenAt) + 0.3).ToArray(), after.Select(r => r.Value).ToArray());
            points.Color = Color.FromHex("#2f7f7a");
            points.MarkerSize = 10;
            points.LegendText = "After a session";
        }
        if (goal is not null)
        {
            var line = plot.Add.HorizontalLine(goal.Threshold, 2, Color.FromHex("#1f5e5a"), LinePattern.Dashed);
            line.LegendText = $"Goal: {goal}";
        }
        ChartStyle.DayTicksBottom(plot);
        plot.Axes.SetLimitsY(min, max); // fixed scales: pain 0–10 never rescales (UI.md)
        var times = readings.Select(r => r.TakenAt).Concat(sessions).ToList();
        if (times.Count > 0)
        {
            plot.Axes.SetLimitsX(X(times.Min()) - 1, X(times.Max()) + 1.5);
        }
        plot.Axes.Left.Label.Text = label;
        // Keep the legend away from where the readings are heading: low for pain, high for range of motion.
        plot.ShowLegend(goal?.Comparison == GoalComparison.AtLeast ? Alignment.LowerRight : Alignment.UpperRight);
        return plot;
    }

    public static string Svg(Plot plot) => ChartStyle.ScalableSvg(plot, Width, Height);
}
