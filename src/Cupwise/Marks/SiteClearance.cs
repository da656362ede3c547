using System.Globalization;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Marks;

/// <summary>
/// Whether a site has cleared since it was last cupped (docs/marks.md): the same forecast the chart draws, read
/// where a cup goes on, so that a site is never cupped again before its date without a recorded reason.
/// </summary>
public static class SiteClearance
{
    /// <summary>The rule id under which a reason to cup a site before it has cleared is recorded (like an override).</summary>
    public const string RuleId = "site.not-cleared";

    /// <summary>The eligibility of every site the client has had cupped, from every session but <paramref name="excludingSession"/>.</summary>
    public static async Task<(IReadOnlyList<SiteEligibility> Sites, TimeZoneInfo Zone)> ForClientAsync(CupwiseDbContext db, Guid clientId, Guid? excludingSession,
        CancellationToken cancellationToken = default)
    {
        var marks = await (from s in db.Sessions.AsNoTracking()
                           join c in db.CupApplications.AsNoTracking() on s.Id equals c.SessionId
                           where s.ClientId == clientId && s.Id != excludingSession && s.Status != SessionStatus.EnteredInError && c.RemovedAt != null
                           select new { c.SiteId, c.Side, c.RemovedAt, c.MarkGrade, c.Technique, c.View, c.AppliedAt, c.Pressure }).ToListAsync(cancellationToken);
        var followUps = await db.MarkFollowUps.AsNoTracking().Where(o => o.ClientId == clientId)
            .Select(o => new MarkObservation(o.SiteId, o.Side, o.ObservedAt, o.Grade)).ToListAsync(cancellationToken);
        var practice = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Join(db.Practices.AsNoTracking(), c => c.PracticeId, p => p.Id, (c, p) => new { p.MinimumSiteIntervalDays, p.TimeZoneId })
            .FirstOrDefaultAsync(cancellationToken);
        var interval = TimeSpan.FromDays(practice is { MinimumSiteIntervalDays: > 0 } ? practice.MinimumSiteIntervalDays : Practice.DefaultMinimumSiteIntervalDays);
        var zone = practice?.TimeZoneId is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        var records = marks.Select(m => new MarkRecord(m.SiteId, m.Side, m.RemovedAt!.Value, m.MarkGrade, m.Technique, m.View,
            m.AppliedAt is { } on ? m.RemovedAt!.Value - on : null, m.Pressure)).ToList();
        return (MarkForecaster.Eligibility(records, followUps, interval, zone), zone);
    }

    /// <summary>A site as people name it: "Upper back, beside the spine, left".</summary>
    public static string SiteName(string siteId, BodySide side) => Words.Site(siteId, side, StandardCatalogue.Sites);

    /// <summary>
    /// One finding per planned cup whose site has not cleared by <paramref name="now"/>: it needs a recorded reason
    /// before the cup goes on, like a screening finding of severity override.
    /// </summary>
    public static IEnumerable<ScreeningFinding> Findings(IReadOnlyList<SiteEligibility> sites, TimeZoneInfo zone, IReadOnlyList<CupApplication> orderedCups, DateTimeOffset now)
    {
        for (var i = 0; i < orderedCups.Count; i++)
        {
            var cup = orderedCups[i];
            if (cup.AppliedAt is not null)
            {
                continue;
            }
            var e = sites.FirstOrDefault(x => x.SiteId == cup.SiteId && x.Side == cup.Side);
            if (e is null || e.EligibleFrom <= now)
            {
                continue;
            }
            var where = SiteName(cup.SiteId, cup.Side);
            var date = TimeZoneInfo.ConvertTime(e.EligibleFrom, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
            var last = TimeZoneInfo.ConvertTime(e.LastTreated, zone).ToString("d MMM", CultureInfo.InvariantCulture);
            yield return new ScreeningFinding(RuleId, FindingSeverity.Override, i, cup.SiteId, cup.Side,
                $"{where} was last cupped on {last}; it may be cupped again from {date} ({e.Reason}).",
                "Marks and scheduling (docs/marks.md)", "practice", null) { CupId = cup.Id };
        }
    }
}
