using Cupwise.Data;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Scheduling;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

/// <summary>A client whose cupped sites are all clear again and who has no next visit booked.</summary>
public sealed record RecallEntry(Guid ClientId, string Client, DateTimeOffset LastSession, DateTimeOffset EligibleFrom, int Sites);

/// <summary>
/// "Repeat once the marks have cleared": the clients treated in the last <see cref="Window"/> whose every site
/// has become eligible again, with nothing booked ahead and no plan that says the course is over. Read in three queries for the whole practice, not per client.
/// </summary>
public static class RecallList
{
    /// <summary>How far back a course is taken to be still running.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(60);

    public static async Task<IReadOnlyList<RecallEntry>> LoadAsync(CupwiseDbContext db, DateTimeOffset now, TimeSpan minimumInterval, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        var since = now - Window;
        var cups = await (from c in db.CupApplications.AsNoTracking()
                          join s in db.Sessions.AsNoTracking() on c.SessionId equals s.Id
                          where s.Status == SessionStatus.Completed && s.EndedAt >= since && c.RemovedAt != null
                          select new { s.ClientId, c.SiteId, c.Side, RemovedAt = c.RemovedAt!.Value, c.MarkGrade, c.Technique, c.View, c.AppliedAt, c.Pressure })
                         .ToListAsync(cancellationToken);
        if (cups.Count == 0)
        {
            return [];
        }
        var clientIds = cups.Select(c => c.ClientId).Distinct().ToList();
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived) && a.End > now && clientIds.Contains(a.ClientId)).Select(a => a.ClientId).Distinct().ToListAsync(cancellationToken);
        // A client whose every plan is closed (resolved, discharged, stopped) is not waiting for a next visit.
        var plans = await db.Plans.AsNoTracking().Where(p => clientIds.Contains(p.ClientId)).Select(p => new { p.ClientId, p.Status }).ToListAsync(cancellationToken);
        var courseOver = plans.GroupBy(p => p.ClientId).Where(g => g.All(p => p.Status != Domain.Plans.PlanStatus.Active)).Select(g => g.Key);
        var waiting = clientIds.Except(booked).Except(courseOver).ToHashSet();
        var observations = await db.MarkFollowUps.AsNoTracking().Where(o => waiting.Contains(o.ClientId))
            .Select(o => new { o.ClientId, Observation = new MarkObservation(o.SiteId, o.Side, o.ObservedAt, o.Grade) }).ToListAsync(cancellationToken);
        var names = await db.Clients.AsNoTracking().Where(c => waiting.Contains(c.Id))
            .Select(c => new { c.Id, Name = c.GivenName + " " + c.FamilyName }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var result = new List<RecallEntry>();
        foreach (var client in cups.Where(c => waiting.Contains(c.ClientId)).GroupBy(c => c.ClientId))
        {
            var marks = client.Select(c => new MarkRecord(c.SiteId, c.Side, c.RemovedAt, c.MarkGrade, c.Technique, c.View,
                c.AppliedAt is { } on ? c.RemovedAt - on : null, c.Pressure)).ToList();
            var seen = observations.Where(o => o.ClientId == client.Key).Select(o => o.Observation).ToList();
            var sites = MarkForecaster.Eligibility(marks, seen, minimumInterval, zone);
            var eligible = sites.Max(s => s.EligibleFrom);
            if (eligible <= now && names.TryGetValue(client.Key, out var name))
            {
                result.Add(new RecallEntry(client.Key, name, marks.Max(m => m.RemovedAt), eligible, sites.Count));
            }
        }
        return [.. result.OrderBy(r => r.EligibleFrom)];
    }
}
