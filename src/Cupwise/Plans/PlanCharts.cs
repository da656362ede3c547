using System.Globalization;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using ScottPlot;

namespace Cupwise.Plans;

/// <summary>A client's measure over a plan's visits: before/after pairs joined by a line, the goal as a line, sessions marked.</summary>
public static class PlanCharts
{
    public const int Width = 640, Height = 300;

    /// <summary>
    /// The measure by visit: one column per visit, labelled with its date in practice time; the reading before a
    /// session just left of it and the one after just right, joined by a line; readings between visits where they
    /// fall in time between the two. Nothing is shifted to another day, and no date is repeated on the axis.
    /// </summary>
    public static Plot Measure(string label, IReadOnlyList<OutcomeMeasurement> readings, PlanGoal? goal, IReadOnlyList<DateTimeOffset> sessions, double min, double max,
        TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Utc;
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        var visits = Visits(readings, sessions);
        double X(OutcomeMeasurement r) => Slot(visits, r.TakenAt) + r.Timing switch
        {
            MeasurementTiming.BeforeSession => -0.15,
            MeasurementTiming.AfterSession => 0.15,
            MeasurementTiming.Standalone => 0,
        };
        for (var i = 0; i < visits.Count; i++)
        {
            var marker = plot.Add.VerticalLine(i, 1, Color.FromHex("#d3dcde"));
            marker.LinePattern = LinePattern.Dotted;
        }
        var before = readings.Where(r => r.Timing != MeasurementTiming.AfterSession).OrderBy(r => r.TakenAt).ToList();
        var after = readings.Where(r => r.Timing == MeasurementTiming.AfterSession).OrderBy(r => r.TakenAt).ToList();
        foreach (var b in before.Where(b => b.SessionId is not null))
        {
            if (after.FirstOrDefault(a => a.SessionId == b.SessionId) is { } a)
            {
                var pair = plot.Add.ScatterLine(new[] { X(b), X(a) }, new[] { b.Value, a.Value });
                pair.Color = Color.FromHex("#9aa9ad");
                pair.LineWidth = 2;
            }
        }
        if (before.Count > 0)
        {
            var points = plot.Add.ScatterPoints(before.Select(X).ToArray(), before.Select(r => r.Value).ToArray());
            points.Color = Color.FromHex("#8e2c48");
            points.MarkerSize = 10;
            points.LegendText = "Before a session or between visits";
        }
        if (after.Count > 0)
        {
            var points = plot.Add.ScatterPoints(after.Select(X).ToArray(), after.Select(r => r.Value).ToArray());
            points.Color = Color.FromHex("#2f7f7a");
            points.MarkerSize = 10;
            points.LegendText = "Just after a session";
        }
        if (goal is not null)
        {
            var line = plot.Add.HorizontalLine(goal.Threshold, 2, Color.FromHex("#1f5e5a"), LinePattern.Dashed);
            line.LegendText = $"Goal: {goal}";
        }
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var days = visits.Select(v => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(v, zone).DateTime)).ToList();
        for (var i = 0; i < visits.Count; i++)
        {
            // Two visits on one day are told apart by their time.
            var text = days[i].ToString("d MMM", CultureInfo.InvariantCulture);
            if (days.Count(d => d == days[i]) > 1)
            {
                text += TimeZoneInfo.ConvertTime(visits[i], zone).ToString(" HH:mm", CultureInfo.InvariantCulture);
            }
            ticks.AddMajor(i, text);
        }
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.Label.Text = visits.Count == 1 ? "Visit" : "Visits";
        plot.Axes.SetLimitsY(min, max); // fixed scales: pain 0–10 never rescales (UI.md)
        plot.Axes.SetLimitsX(-0.7, Math.Max(0, visits.Count - 1) + 0.7);
        plot.Axes.Left.Label.Text = label;
        // Keep the legend away from where the readings are heading: low for pain, high for range of motion.
        plot.ShowLegend(goal?.Comparison == GoalComparison.AtLeast ? Alignment.LowerRight : Alignment.UpperRight);
        return plot;
    }

    /// <summary>The visits a chart is laid out by: the sessions, and any session a reading names that is not among them.</summary>
    public static List<DateTimeOffset> Visits(IReadOnlyList<OutcomeMeasurement> readings, IReadOnlyList<DateTimeOffset> sessions)
    {
        var visits = sessions.ToList();
        foreach (var session in readings.Where(r => r.SessionId is not null).GroupBy(r => r.SessionId))
        {
            var at = session.Min(r => r.TakenAt);
            if (!visits.Any(v => Math.Abs((v - at).TotalHours) <= 12))
            {
                visits.Add(at);
            }
        }
        if (visits.Count == 0)
        {
            // Readings between visits only: one column per day they were taken.
            visits.AddRange(readings.GroupBy(r => r.TakenAt.UtcDateTime.Date).Select(g => g.Min(r => r.TakenAt)));
        }
        visits.Sort();
        return visits;
    }

    /// <summary>Where a moment falls: on a visit within 12 hours of it, or between two visits in proportion to time.</summary>
    public static double Slot(IReadOnlyList<DateTimeOffset> visits, DateTimeOffset at)
    {
        if (visits.Count == 0)
        {
            return 0;
        }
        var nearest = Enumerable.Range(0, visits.Count).MinBy(i => Math.Abs((visits[i] - at).Ticks));
        if (Math.Abs((visits[nearest] - at).TotalHours) <= 12)
        {
            return nearest;
        }
        if (at < visits[0])
        {
            return -0.5;
        }
        if (at > visits[^1])
        {
            return visits.Count - 1 + 0.5;
        }
        var i = Enumerable.Range(0, visits.Count - 1).First(k => visits[k] <= at && at <= visits[k + 1]);
        return i + ((at - visits[i]) / (visits[i + 1] - visits[i]));
    }

    public static string Svg(Plot plot) => ChartStyle.ScalableSvg(plot, Width, Height);
}
