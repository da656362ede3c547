using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Safety;

/// <summary>Screening where it runs: before cups go on, for a session's client and every cup in it.</summary>
public static class SessionSafety
{
    /// <summary>What the screening of a session reads from the database: the client, whether this is their first session, and their sites' clearance.</summary>
    public sealed record Context(ScreeningClient Client, IReadOnlyList<Domain.Marks.SiteEligibility> Sites, TimeZoneInfo Zone);

    /// <param name="client">The session's client when the caller has already read it.</param>
    public static async Task<Context> LoadAsync(CupwiseDbContext db, TreatmentSession session, TimeProvider clock,
        Domain.Clients.Client? client = null, CancellationToken cancellationToken = default)
    {
        client ??= await db.Clients.AsNoTracking().FirstAsync(c => c.Id == session.ClientId, cancellationToken);
        var earlier = await db.Sessions.AsNoTracking().AnyAsync(s => s.ClientId == session.ClientId && s.Id != session.Id && s.Status == SessionStatus.Completed, cancellationToken);
        var screeningClient = ScreeningClient.From(client, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), firstSession: !earlier);
        var (eligibility, zone) = session.IsOpen
            ? await Marks.SiteClearance.ForClientAsync(db, session.ClientId, session.Id, cancellationToken)
            : ([], TimeZoneInfo.Utc);
        return new Context(screeningClient, eligibility, zone);
    }

    /// <summary>Screens the session's client and every cup in it, with what <see cref="LoadAsync"/> read; no database work.</summary>
    public static ScreeningResult Screen(Context context, TreatmentSession session, DateTimeOffset now)
    {
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        var ordered = session.Cups.OrderBy(c => c.Number).ToList();
        var cups = ordered.Select(c => new ScreeningCup(sites[c.SiteId], c.Side, c.Technique, c.Method,
            c.PlannedDuration?.TotalMinutes, c.Pressure?.MillimetresOfMercury, c.Id)).ToList();
        // Vital signs are read from the session itself, so a reading taken a moment ago counts.
        var result = ScreeningEngine.Standard.Screen(context.Client.WithVitals(session.Vitals), cups);
        if (!session.IsOpen)
        {
            return result;
        }
        // A site cupped again before it has cleared needs a reason, recorded like an override (docs/marks.md).
        var clearance = Marks.SiteClearance.Findings(context.Sites, context.Zone, ordered, now).ToList();
        return clearance.Count == 0 ? result : result with { Findings = [.. result.Findings, .. clearance] };
    }

    /// <summary>Reads what the screening needs, fresh, and screens: what a cup going on is checked against.</summary>
    public static async Task<ScreeningResult> ScreenAsync(CupwiseDbContext db, TreatmentSession session, TimeProvider clock,
        Domain.Clients.Client? client = null, CancellationToken cancellationToken = default) =>
        Screen(await LoadAsync(db, session, clock, client, cancellationToken), session, clock.GetUtcNow());

    /// <summary>
    /// Why a cup may not go on yet: a blocking finding, or a finding that needs a recorded reason and has none.
    /// Null when it may.
    /// </summary>
    public static string? WhyNot(ScreeningResult result, TreatmentSession session, CupApplication cup)
    {
        // A block first: a reason recorded for another finding must not suggest that this cup could go on.
        var findings = result.For(cup.Id).ToList();
        if (findings.FirstOrDefault(f => f.Severity == FindingSeverity.Block) is { } block)
        {
            return $"Cup {cup.Number} cannot be applied: {block.Message}";
        }
        foreach (var finding in findings)
        {
            if (finding.Severity == FindingSeverity.Override && !session.HasOverride(finding.RuleId, finding.CupId, finding.OnVitalSigns))
            {
                return $"Cup {cup.Number} needs a recorded reason to go ahead: {finding.Message}";
            }
        }
        return null;
    }
}
