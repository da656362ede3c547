using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;

namespace Cupwise.Domain.Marks;

/// <summary>A cup's mark as the forecast needs it.</summary>
public sealed record MarkRecord(string SiteId, BodySide Side, DateTimeOffset RemovedAt, MarkGrade? Grade, Technique Technique, MapView View,
    TimeSpan? Duration, GaugePressure? Pressure);

/// <summary>A follow-up look at a site: the mark seen at a grade, or clear (grade 0).</summary>
public sealed record MarkObservation(string SiteId, BodySide Side, DateTimeOffset ObservedAt, MarkGrade Grade);

/// <summary>When a mark is expected to have cleared: the most likely moment and a range.</summary>
public sealed record ClearanceForecast(DateTimeOffset Expected, DateTimeOffset Earliest, DateTimeOffset Latest, bool Personalised);

/// <summary>
/// When a site may be cupped again, and why: its last cup, that cup's mark, the forecast clearance (most likely
/// and an 80 % range; all three the day it was seen clear when it was) and the resulting first eligible moment.
/// </summary>
public sealed record SiteEligibility(string SiteId, BodySide Side, DateTimeOffset EligibleFrom, DateTimeOffset? ClearBy, string Reason)
{
    public DateTimeOffset LastTreated { get; init; }
    public MarkGrade? MarkGrade { get; init; }
    public DateTimeOffset? ClearFrom { get; init; }
    public DateTimeOffset? ClearTo { get; init; }
}

/// <summary>
/// Forecasts when marks clear (docs/marks.md): practice defaults by grade (SCIENCE.md §2), nudged by pressure
/// and retention, and personalised by a per-client factor learned from follow-up observations (a Bayesian
/// update on a grid). Moving, flash and facial cupping usually leave none (grade 0); when they do, the grade counts.
/// </summary>
public static class MarkForecaster
{
    /// <summary>Typical clearance by grade, days: the middle of SCIENCE.md §2's ranges [P].</summary>
    public static double TypicalDays(int grade) => grade switch
    {
        0 => 0,
        1 => 0.75,
        2 => 4,
        3 => 6.5,
        _ => 14,
    };

    /// <summary>Spread of one mark's clearance around the typical value (log scale), from the ranges in SCIENCE.md §2.</summary>
    public const double MarkSpread = 0.3;

    /// <summary>Prior spread of a client's own factor (log scale): people differ by about ±35 % [P].</summary>
    public const double ClientPriorSpread = 0.3;

    /// <summary>SCIENCE.md §2: at least 3 days between sessions on one site.</summary>
    public static readonly TimeSpan DefaultMinimumInterval = TimeSpan.FromDays(3);

    private const int GridSize = 121;

    /// <summary>Cups taken off one site within this long of each other belong to one visit.</summary>
    private static readonly TimeSpan SameVisit = TimeSpan.FromHours(6);

    /// <summary>The client's factor on clearance time (1 = typical), from follow-up observations.</summary>
    public static double ClientFactor(IReadOnlyList<MarkRecord> marks, IReadOnlyList<MarkObservation> observations)
    {
        var pairs = Pair(marks, observations).ToList();
        if (pairs.Count == 0)
        {
            return 1;
        }
        // Grid over log(factor) from −1.5 to 1.5; prior normal(0, 0.3); each observation is interval-censored:
        // "clear by t" has likelihood P(T ≤ t), "still visible at t" has P(T > t), with T log-normal.
        double weightSum = 0, weighted = 0;
        for (var i = 0; i < GridSize; i++)
        {
            var logFactor = -1.5 + (3.0 * i / (GridSize - 1));
            var logPosterior = -0.5 * Math.Pow(logFactor / ClientPriorSpread, 2);
            foreach (var (mark, observation) in pairs)
            {
                var days = (observation.ObservedAt - mark.RemovedAt).TotalDays;
                var median = Math.Log(BaseDays(mark)) + logFactor;
                var p = NormalCdf((Math.Log(Math.Max(days, 1e-3)) - median) / MarkSpread);
                var likelihood = observation.Grade.Grade == 0 ? p : 1 - p;
                logPosterior += Math.Log(Math.Max(likelihood, 1e-12));
            }
            var w = Math.Exp(logPosterior);
            weightSum += w;
            weighted += w * logFactor;
        }
        return weightSum > 0 ? Math.Exp(weighted / weightSum) : 1;
    }

    /// <summary>The forecast for one mark, with the client's factor.</summary>
    public static ClearanceForecast Forecast(MarkRecord mark, double clientFactor = 1, bool personalised = false)
    {
        var days = BaseDays(mark) * clientFactor;
        if (days <= 0)
        {
            return new ClearanceForecast(mark.RemovedAt, mark.RemovedAt, mark.RemovedAt, personalised);
        }
        // An 80 % range on the log-normal: ±1.28 spreads.
        var low = days * Math.Exp(-1.2816 * MarkSpread);
        var high = days * Math.Exp(1.2816 * MarkSpread);
        return new ClearanceForecast(mark.RemovedAt.AddDays(days), mark.RemovedAt.AddDays(low), mark.RemovedAt.AddDays(high), personalised);
    }

    /// <summary>
    /// Per site and side, the earliest date it may be cupped again: the later of its marks' clearance (observed
    /// clear wins over the forecast) and the minimum interval after its last cup (SCIENCE.md §2).
    /// </summary>
    /// <param name="zone">
    /// The practice's zone: given, a site is eligible from the start of the day it becomes so there. A forecast is good
    /// to about a day, and practitioners count days between sessions ("cupped Monday, again Thursday"), not hours.
    /// </param>
    public static IReadOnlyList<SiteEligibility> Eligibility(IReadOnlyList<MarkRecord> marks, IReadOnlyList<MarkObservation> observations, TimeSpan? minimumInterval = null,
        TimeZoneInfo? zone = null)
    {
        var interval = minimumInterval ?? DefaultMinimumInterval;
        var factor = ClientFactor(marks, observations);
        var personalised = Pair(marks, observations).Any();
        var result = new List<SiteEligibility>();
        foreach (var site in marks.GroupBy(m => (m.SiteId, m.Side)).OrderBy(g => g.Key.SiteId, StringComparer.Ordinal).ThenBy(g => g.Key.Side))
        {
            var last = site.MaxBy(m => m.RemovedAt)!;
            var afterInterval = last.RemovedAt + interval;
            var clears = observations.Where(o => o.SiteId == site.Key.SiteId && o.Side == site.Key.Side && o.Grade.Grade == 0).Select(o => o.ObservedAt).ToList();
            var clearSeen = clears.Where(t => t >= last.RemovedAt).Select(t => (DateTimeOffset?)t).Min();
            // The site is clear when its slowest mark is: every cup on it counts (a dark mark from an earlier visit
            // can outlast a light one from the last), except marks already seen clear.
            var slowest = site.Where(m => !clears.Exists(t => t >= m.RemovedAt))
                .Select(m => Forecast(m, factor, personalised))
                .Where(f => f.Expected > f.Earliest || f.Latest > f.Expected)
                .MaxBy(f => f.Expected);
            var clearBy = clearSeen ?? slowest?.Expected;
            var from = clearBy is { } c && c > afterInterval ? c : afterInterval;
            var reason = clearSeen is not null ? "seen clear"
                : clearBy is null ? "no mark expected; minimum interval between sessions on one site"
                : from == clearBy ? (personalised ? "mark forecast to clear (from this client's own clearing)" : "mark forecast to clear")
                : "minimum interval between sessions on one site";
            if (zone is not null)
            {
                from = StartOfDay(from, zone);
            }
            // The site's mark at its last visit: the darkest of the cups taken off it then.
            var lastVisit = site.Where(m => m.RemovedAt > last.RemovedAt - SameVisit).ToList();
            var hasMark = clearSeen is null && slowest is not null;
            result.Add(new SiteEligibility(site.Key.SiteId, site.Key.Side, from, clearBy, reason)
            {
                LastTreated = last.RemovedAt,
                MarkGrade = lastVisit.Where(m => m.Grade is not null).Select(m => m.Grade!.Value).OrderByDescending(g => g.Grade).Select(g => (MarkGrade?)g).FirstOrDefault(),
                ClearFrom = clearSeen ?? (hasMark ? slowest!.Earliest : null),
                ClearTo = clearSeen ?? (hasMark ? slowest!.Latest : null),
            });
        }
        return result;
    }

    /// <summary>Midnight at the start of the day <paramref name="moment"/> falls on, in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var midnight = TimeZoneInfo.ConvertTime(moment, zone).Date;
        // Where the clocks change at midnight, the day starts at the first moment that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The typical clearance of one mark before personalisation, days.</summary>
    public static double BaseDays(MarkRecord mark)
    {
        // SCIENCE.md §2: moving, flash and facial cupping leave few or no marks, so they are graded 0 unless a mark
        // was seen; a grade given says what was seen, whatever the technique, and clears like any other.
        if (mark.Grade is null || mark.Grade.Value.Grade == 0)
        {
            return 0;
        }
        var days = TypicalDays(mark.Grade.Value.Grade);
        // Stronger vacuum and longer retention: darker and longer-lasting marks [R]. The grade already says most
        // of it, so these only nudge: ±20 % at most each.
        if (mark.Duration is { } d && d > TimeSpan.Zero)
        {
            days *= Math.Clamp(Math.Pow(d.TotalMinutes / 10, 0.2), 0.8, 1.2);
        }
        if (mark.Pressure is { } p && p.MillimetresOfMercury < 0)
        {
            days *= Math.Clamp(Math.Pow(-p.MillimetresOfMercury / 300, 0.2), 0.8, 1.2);
        }
        return days;
    }

    /// <summary>Each observation with the most recent mark at its site before it.</summary>
    private static IEnumerable<(MarkRecord Mark, MarkObservation Observation)> Pair(IReadOnlyList<MarkRecord> marks, IReadOnlyList<MarkObservation> observations)
    {
        foreach (var o in observations)
        {
            var mark = marks.Where(m => m.SiteId == o.SiteId && m.Side == o.Side && m.RemovedAt <= o.ObservedAt).MaxBy(m => m.RemovedAt);
            if (mark is not null && BaseDays(mark) > 0)
            {
                yield return (mark, o);
            }
        }
    }

    /// <summary>Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf), accurate to about 1e-7.</summary>
    private static double NormalCdf(double z)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(z) / Math.Sqrt(2)));
        var erf = 1 - ((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
