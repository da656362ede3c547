using System.Globalization;
using Cupwise.Components.Maps;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ScottPlot;

namespace Cupwise.Clients;

/// <summary>A session as the chart lists it.</summary>
public sealed record ChartSession(Guid Id, SessionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, string? Notes)
{
    public List<ChartCup> Cups { get; } = [];
}

/// <summary>A cup application as the chart draws it: only the columns it needs, read without entity tracking.</summary>
public sealed record ChartCup(
    Guid SessionId, int Number, string CupId, string SiteId, BodySide Side, MapView View, double X, double Y,
    Technique Technique, SuctionMethodKind Method, int? Passes, DateTimeOffset? AppliedAt, DateTimeOffset? RemovedAt,
    MarkGrade? MarkGrade, GaugePressure? Pressure, PressureSource? PressureSource)
{
    public TimeSpan? ActualDuration => AppliedAt is { } on && RemovedAt is { } off ? off - on : null;
}

/// <summary>Everything the client chart shows, read in a few queries.</summary>
public sealed record ClientChartData(
    Client Client,
    IReadOnlyList<ChartSession> Sessions,
    IReadOnlyList<Cupwise.Domain.Marks.MarkObservation> FollowUps,
    IReadOnlyDictionary<string, Cup> Cups,
    IReadOnlyList<BodySite> Sites)
{
    /// <summary>How many pain scores the client has and when the latest was recorded: the pain chart's cache stamp.</summary>
    public (int Count, DateTimeOffset? Latest) PainStamp { get; private init; }

    /// <summary>The practice's time zone: dates and times on the chart are shown in it.</summary>
    public TimeZoneInfo TimeZone { get; private init; } = TimeZoneInfo.Utc;

    /// <summary>The practice's minimum interval between sessions on one site.</summary>
    public TimeSpan MinimumSiteInterval { get; private init; } = TimeSpan.FromDays(Practice.DefaultMinimumSiteIntervalDays);

    /// <summary>A moment in practice time.</summary>
    public DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, TimeZone);

    /// <summary>
    /// Loads the chart. The client and the stamps that say whether anything changed come in one query; the
    /// sessions, cups and follow-ups of a long course are the costly part, so they are kept in
    /// <paramref name="cache"/> under that stamp. Every change to a session raises its Version and sessions are
    /// never deleted; follow-ups are only ever added: so the count and version sum of the sessions and the count
    /// of the follow-ups change whenever anything the chart derives from them does.
    /// </summary>
    public static async Task<ClientChartData?> LoadAsync(CupwiseDbContext db, Guid clientId, IMemoryCache? cache = null, CancellationToken cancellationToken = default)
    {
        var head = await (from c in db.Clients.AsNoTracking()
                           join p in db.Practices.AsNoTracking() on c.PracticeId equals p.Id
                           where c.Id == clientId
                           select new
        {
            Client = c,
            Sessions = db.Sessions.Count(s => s.ClientId == clientId),
            Versions = db.Sessions.Where(s => s.ClientId == clientId).Sum(s => (long)s.Version),
            FollowUps = db.MarkFollowUps.Count(o => o.ClientId == clientId),
            Pain = db.Outcomes.Count(o => o.ClientId == clientId && !o.EnteredInError && o.Kind == MeasureKind.Pain),
            LatestPain = db.Outcomes.Where(o => o.ClientId == clientId && !o.EnteredInError && o.Kind == MeasureKind.Pain).Max(o => (DateTimeOffset?)o.RecordedAt),
            TimeZone = p.TimeZoneId,
            Interval = p.MinimumSiteIntervalDays,
        }).FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }
        // One entry per client, replaced when the stamp moves: a chart read while sessions are being added keeps
        // one course in memory, not one for every stamp it has had in the last ten minutes.
        var key = (nameof(ClientChartData), clientId);
        var stamp = (head.Sessions, head.Versions, head.FollowUps, head.Interval);
        CourseRecord course;
        if (cache is not null && cache.TryGetValue(key, out CachedCourse? cached) && cached is not null && cached.Stamp == stamp)
        {
            course = cached.Course;
        }
        else
        {
            course = await LoadCourseAsync(db, clientId, cancellationToken);
            cache?.Set(key, new CachedCourse(stamp, course), new MemoryCacheEntryOptions
            {
                SlidingExpiration = TimeSpan.FromMinutes(10),
                // Sized by what it holds (a unit per 100 sessions and cups), so that the cache's limit bounds memory.
                Size = 1 + ((course.Sessions.Count + course.Sessions.Sum(s => s.Cups.Count)) / 100),
            });
        }
        // The site catalogue is the shipped one (the migrator keeps the table equal to it): no query needed.
        return new ClientChartData(head.Client, course.Sessions, course.FollowUps, course.Cups, StandardCatalogue.Sites)
        {
            PainStamp = (head.Pain, head.LatestPain),
            TimeZone = head.TimeZone is { } zone && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) ? found : TimeZoneInfo.Utc,
            MinimumSiteInterval = TimeSpan.FromDays(head.Interval > 0 ? head.Interval : Practice.DefaultMinimumSiteIntervalDays),
            _course = course,
        };
    }

    private sealed record CachedCourse((int Sessions, long Versions, int FollowUps, int Interval) Stamp, CourseRecord Course);

    /// <summary>What the chart derives from the sessions and follow-ups, shared by every request with the same stamp.</summary>
    private sealed class CourseRecord(IReadOnlyList<ChartSession> sessions, IReadOnlyList<Cupwise.Domain.Marks.MarkObservation> followUps, IReadOnlyDictionary<string, Cup> cups)
    {
        public IReadOnlyList<ChartSession> Sessions { get; } = sessions;
        public IReadOnlyList<Cupwise.Domain.Marks.MarkObservation> FollowUps { get; } = followUps;
        public IReadOnlyDictionary<string, Cup> Cups { get; } = cups;
        public (TimeZoneInfo Zone, IReadOnlyList<Cupwise.Domain.Marks.SiteEligibility> Sites)? Eligibility { get; set; }

        /// <summary>The latest drawing of each map view (front, back, face).</summary>
        public DrawnPlacements?[] Drawn { get; } = new DrawnPlacements?[3];
    }

    private CourseRecord? _course;

    private static async Task<CourseRecord> LoadCourseAsync(CupwiseDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var sessions = await LoadSessionsAsync(db, clientId, cancellationToken);
        var cupIds = sessions.SelectMany(s => s.Cups).Select(c => c.CupId).Distinct().ToList();
        var cups = await db.Cups.AsNoTracking().Where(c => cupIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var followUps = await db.MarkFollowUps.AsNoTracking().Where(o => o.ClientId == clientId)
            .Select(o => new Cupwise.Domain.Marks.MarkObservation(o.SiteId, o.Side, o.ObservedAt, o.Grade)).ToListAsync(cancellationToken);
        return new CourseRecord(sessions, followUps, cups);
    }

    private static async Task<IReadOnlyList<ChartSession>> LoadSessionsAsync(CupwiseDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ClientId == clientId)
            .Select(s => new ChartSession(s.Id, s.Status, s.CreatedAt, s.StartedAt, s.Notes)).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var applications = await db.CupApplications.AsNoTracking().Where(c => sessionIds.Contains(c.SessionId))
            .Select(c => new ChartCup(c.SessionId, c.Number, c.CupId, c.SiteId, c.Side, c.View, c.X, c.Y, c.Technique, c.Method, c.Passes,
                c.AppliedAt, c.RemovedAt, c.MarkGrade, c.Pressure, c.PressureSource))
            .ToListAsync(cancellationToken);
        var bySession = sessions.ToDictionary(s => s.Id);
        foreach (var cup in applications.OrderBy(c => c.Number))
        {
            bySession[cup.SessionId].Cups.Add(cup);
        }
        return [.. sessions.OrderByDescending(s => s.StartedAt ?? s.CreatedAt)];
    }

    public IEnumerable<(ChartSession Session, ChartCup Cup)> Applications =>
        Sessions.Where(s => s.Status != SessionStatus.EnteredInError).SelectMany(s => s.Cups.Select(c => (s, c)));

    /// <summary>
    /// Every past and running cup on one view, coloured by its mark and fading with age. Cups placed on the very
    /// same spot visit after visit are drawn once, as the most recent, with the count in its name: they would
    /// cover each other anyway, and a long course would otherwise draw hundreds of identical rings.
    /// </summary>
    /// <remarks>
    /// A site's latest cup fades toward its own forecast (personalised once the client has follow-ups) and its
    /// name says when it should be clear and when it may be cupped again; older cups fade by the practice ranges.
    /// </remarks>
    public IReadOnlyList<MapPlacement> Placements(MapView view, DateTimeOffset now)
    {
        // Fading moves by the day, so a drawing is shared by every request within the same minute.
        var course = _course ??= new CourseRecord(Sessions, FollowUps, Cups);
        var minute = now.UtcTicks / TimeSpan.TicksPerMinute;
        if (course.Drawn[(int)view] is { } drawn && drawn.Minute == minute && drawn.Zone == TimeZone)
        {
            return drawn.Placements;
        }
        var placements = DrawPlacements(view, now);
        course.Drawn[(int)view] = new DrawnPlacements(minute, TimeZone, placements);
        return placements;
    }

    private sealed record DrawnPlacements(long Minute, TimeZoneInfo Zone, IReadOnlyList<MapPlacement> Placements);

    private IReadOnlyList<MapPlacement> DrawPlacements(MapView view, DateTimeOffset now)
    {
        var forecasts = Eligibility().ToDictionary(e => (e.SiteId, e.Side));
        return [.. Applications.Where(a => a.Cup.View == view && a.Cup.AppliedAt is not null)
            .GroupBy(a => (Math.Round(a.Cup.X, 1), Math.Round(a.Cup.Y, 1)))
            .Select(spot =>
            {
                var a = spot.MaxBy(x => x.Cup.AppliedAt)!;
                var count = spot.Count();
                var mark = a.Cup.MarkGrade is { } g ? $"mark grade {g.Grade}" : "no mark recorded";
                var fade = a.Cup.RemovedAt is { } off ? MapGeometry.Fade(a.Cup.MarkGrade?.Grade, off, now) : 1;
                var forecast = "";
                if (a.Cup.RemovedAt is { } removed && forecasts.TryGetValue((a.Cup.SiteId, a.Cup.Side), out var e) && e.LastTreated == removed)
                {
                    if (e.ClearBy is { } clear && clear > removed)
                    {
                        fade = Math.Clamp(1 - ((now - removed) / (clear - removed)), 0, 1);
                        forecast = clear > now ? $"; clear by about {Local(clear):d MMM}" : "; clear";
                    }
                    forecast += e.EligibleFrom > now ? $"; eligible from {Local(e.EligibleFrom):d MMM}" : "; eligible now";
                }
                return new MapPlacement(a.Cup.Number, a.Cup.SiteId, a.Cup.Side, a.Cup.X, a.Cup.Y, RimOf(a.Cup), a.Cup.MarkGrade?.Grade,
                    fade, a.Cup.RemovedAt is null,
                    $"{SiteName(a.Cup.SiteId, a.Cup.Side)}, last {Local(a.Cup.AppliedAt!.Value):d MMM yyyy}, {mark}{(count > 1 ? $", {count} cups here in all" : "")}{forecast}")
                { Passes = a.Cup.Passes };
            })
            .OrderBy(p => p.Label, StringComparer.Ordinal)];
    }

    /// <summary>Per site: when its marks clear and when it may be cupped again (docs/marks.md).</summary>
    /// <remarks>
    /// The forecast depends only on the sessions and follow-ups (not on today's date), so it is worked out once per
    /// cached course and shared.
    /// </remarks>
    public IReadOnlyList<Cupwise.Domain.Marks.SiteEligibility> Eligibility()
    {
        var course = _course ??= new CourseRecord(Sessions, FollowUps, Cups);
        // Days are the practice's: a change of zone works them out again.
        if (course.Eligibility is not { } known || known.Zone != TimeZone)
        {
            course.Eligibility = known = (TimeZone, ComputeEligibility());
        }
        return known.Sites;
    }

    private IReadOnlyList<Cupwise.Domain.Marks.SiteEligibility> ComputeEligibility() =>
        Cupwise.Domain.Marks.MarkForecaster.Eligibility(
            [.. Applications.Where(a => a.Cup.RemovedAt is not null).Select(a => new Cupwise.Domain.Marks.MarkRecord(a.Cup.SiteId, a.Cup.Side, a.Cup.RemovedAt!.Value,
                a.Cup.MarkGrade, a.Cup.Technique, a.Cup.View, a.Cup.ActualDuration, a.Cup.Pressure))],
            FollowUps, MinimumSiteInterval, TimeZone);

    public double RimOf(ChartCup cup) => Cups.TryGetValue(cup.CupId, out var c) ? c.RimDiameter.Millimetres : 40;

    public string SiteName(string siteId, BodySide side) => Words.Site(siteId, side, Sites);

    /// <summary>
    /// The pain chart (ScottPlot, SVG): before/after pairs per visit joined by a short line, 0–10 fixed. Drawing
    /// costs milliseconds, so the result is kept until the client's pain scores change.
    /// </summary>
    public async Task<(string Svg, string Sentence)?> PainChartAsync(CupwiseDbContext db, IMemoryCache cache, CancellationToken cancellationToken = default)
    {
        // Scores are only ever added (or flagged entered in error), so their count and latest recording identify the chart.
        if (PainStamp.Count == 0)
        {
            return null;
        }
        var key = (nameof(PainChartAsync), Client.Id, PainStamp.Count, PainStamp.Latest, TimeZone.Id);
        if (cache.TryGetValue(key, out (string, string) drawn))
        {
            return drawn;
        }
        var pain = await db.Outcomes.AsNoTracking().Where(o => o.ClientId == Client.Id && !o.EnteredInError && o.Kind == MeasureKind.Pain).OrderBy(o => o.TakenAt).ToListAsync(cancellationToken);
        drawn = DrawPainChart(pain);
        cache.Set(key, drawn, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), Size = 1 });
        return drawn;
    }

    private (string Svg, string Sentence) DrawPainChart(List<OutcomeMeasurement> pain)
    {
        var plot = Cupwise.Plans.PlanCharts.Measure("Pain (0–10)", pain, null, [], 0, 10, TimeZone);
        var svg = Cupwise.Plans.PlanCharts.Svg(plot);
        var progress = Domain.Outcomes.CourseStatistics.Analyse("pain", lowerIsBetter: true, isPain: true,
            [.. pain.Select(o => new Domain.Outcomes.Reading(o.TakenAt, o.Value, o.Timing, o.SessionId))]);
        var visits = Cupwise.Plans.PlanCharts.Visits(pain, []).Count;
        var inv = CultureInfo.InvariantCulture;
        // The course (readings before sessions) and the latest session (before → just after) are said apart.
        var sustained = pain.Count(o => o.Timing != MeasurementTiming.AfterSession);
        var course = progress is { Baseline: { } b, Latest: { } l }
            ? sustained == 1
                ? string.Create(inv, $"Pain was {b:0} at the start.")
                : l == b ? string.Create(inv, $"Pain is {l:0} before a session, as at the start, over {visits} visits.")
                : string.Create(inv, $"Pain before a session went from {b:0} to {l:0} over {visits} visits.")
            : "";
        var session = progress is { LastSessionBefore: { } before, LastSessionAfter: { } after }
            ? before == after ? string.Create(inv, $" In the latest session it stayed at {after:0}.")
            : string.Create(inv, $" In the latest session it went from {before:0} to {after:0}.")
            : "";
        return (svg, (course + session).Trim());
    }
}
