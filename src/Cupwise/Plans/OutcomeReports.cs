using System.ComponentModel;
using System.Globalization;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Cupwise.Domain.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Plans;

public sealed record IndicationOutcomeResponse(string Indication, string? ProtocolId, string? EvidenceGrade, int Plans, int Clients, int Sessions, int Resolved,
    double? MedianSessionsToResolution, int PlansWithPainReadings, int Responders,
    [property: Description("Share of plans with two or more pain readings whose pain improved by the MCID (about 2 points or 30 %).")] double? ResponderRate,
    [property: Description("Mean change in pain (latest − first reading before a session) with its 95 % CI; null with fewer than three plans.")] EstimateResponse? MeanPainChange,
    int AdverseEvents);

public sealed record OutcomeReportResponse(DateOnly? From, DateOnly? To, string? PractitionerId, IReadOnlyList<IndicationOutcomeResponse> Indications);

/// <summary>The practice outcome report: read with a few grouped queries, put together in <see cref="OutcomeReport"/>.</summary>
public static class OutcomeReports
{
    public static void MapReports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reports/outcomes", GetOutcomeReport).WithName(nameof(GetOutcomeReport)).WithTags("Reports")
            .WithSummary("Outcomes by indication: clients, sessions, median sessions to resolution, responder rate, mean pain change with its 95 % CI, adverse events. ?format=csv for CSV.")
            .RequireRateLimiting(RateLimits.Exports);
    }

    public static async Task<Results<Ok<OutcomeReportResponse>, FileContentHttpResult, ValidationProblem>> GetOutcomeReport(
        string? from, string? to, string? practitionerId, string? format, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var start = ReadDate(v, "from", from, clock.GetUtcNow());
        var end = ReadDate(v, "to", to, clock.GetUtcNow());
        Guid? practitioner = null;
        if (!string.IsNullOrWhiteSpace(practitionerId))
        {
            practitioner = Guid.TryParse(practitionerId, out var p) && await db.Practitioners.AnyAsync(x => x.Id == p, cancellationToken) ? p : null;
            if (practitioner is null)
            {
                v.Add("practitionerId", "must be a practitioner of this practice.");
            }
        }
        if (format is not (null or "json" or "csv"))
        {
            v.Add("format", "must be json (the default) or csv.");
        }
        if (start is { } s && end is { } e && e < s)
        {
            v.Add("to", "must not be before from.");
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var rows = await LoadAsync(db, start, end, practitioner, cancellationToken);
        if (format == "csv")
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(OutcomeReport.ToCsv(rows)), "text/csv; charset=utf-8", "cupwise-outcomes.csv");
        }
        return TypedResults.Ok(new OutcomeReportResponse(start, end, practitioner?.ToString(), [.. rows.Select(r => new IndicationOutcomeResponse(
            r.Indication, r.ProtocolId, r.EvidenceGrade, r.Plans, r.Clients, r.Sessions, r.Resolved, r.MedianSessionsToResolution, r.WithPainReadings, r.Responders,
            r.ResponderRate, r.MeanPainChange is { } m ? new EstimateResponse(Math.Round(m.Value, 3), Math.Round(m.Low, 3), Math.Round(m.High, 3)) : null, r.AdverseEvents))]));
    }

    /// <param name="from">First day included (UTC), or none.</param>
    /// <param name="to">Last day included (UTC), or none.</param>
    public static async Task<IReadOnlyList<IndicationOutcome>> LoadAsync(CupwiseDbContext db, DateOnly? from, DateOnly? to, Guid? practitionerId,
        CancellationToken cancellationToken = default)
    {
        var sessions = db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Completed && s.PlanId != null && s.StartedAt != null);
        if (from is { } f)
        {
            var since = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            sessions = sessions.Where(s => s.StartedAt >= since);
        }
        if (to is { } t)
        {
            var until = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            sessions = sessions.Where(s => s.StartedAt < until);
        }
        if (practitionerId is { } p)
        {
            sessions = sessions.Where(s => s.PractitionerId == p);
        }
        var perPlan = await sessions.GroupBy(s => s.PlanId!.Value).Select(g => new { Plan = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Plan, x => x.Count, cancellationToken);
        var plans = await db.Plans.AsNoTracking()
            .Select(x => new ReportPlan(x.Id, x.ClientId, x.ProtocolId, x.Condition, x.Icd10, x.Status)).ToListAsync(cancellationToken);
        var readings = await (from o in db.Outcomes.AsNoTracking()
                              join s in sessions on o.SessionId equals s.Id
                              where o.Kind == MeasureKind.Pain && o.Timing == MeasurementTiming.BeforeSession && !o.EnteredInError
                              select new ReportReading(s.PlanId!.Value, o.TakenAt, o.Value)).ToListAsync(cancellationToken);
        var adverse = await (from e in db.AdverseEvents.AsNoTracking()
                             join s in sessions on e.SessionId equals s.Id
                             where !e.EnteredInError
                             group e by s.PlanId into g
                             select new { Plan = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(x => x.Plan, x => x.Count, cancellationToken);
        return OutcomeReport.Build(plans, perPlan, readings, adverse, await PlansApi.OwnProtocolsAsync(db, cancellationToken));
    }

    /// <summary>
    /// A report date as yyyy-MM-dd inside the clinical range (1900 to five years from <paramref name="now"/>): true
    /// with null for an empty value, true with the date for a good one, false otherwise. The API, the pages and the
    /// command line read their dates with this.
    /// </summary>
    public static bool TryParseDate(string? value, out DateOnly? date, DateTimeOffset now) =>
        ParseFormat(value, out date) && (date is not { } d || Domain.ClinicalDates.Problem(d, now) is null);

    /// <summary>What a page or the command line says of a date it could not read.</summary>
    public const string DateHint = "a date as yyyy-MM-dd between 1900-01-01 and five years from now, for example 2026-01-31";

    private static bool ParseFormat(string? value, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        return false;
    }

    /// <summary>A date of a query (yyyy-MM-dd) inside the clinical range; a problem is recorded under <paramref name="field"/>.</summary>
    public static DateOnly? ReadDate(RequestValidator v, string field, string? value, DateTimeOffset now)
    {
        if (!ParseFormat(value, out var date))
        {
            v.Add(field, "must be a date as yyyy-MM-dd, for example 2026-01-31.");
        }
        else if (date is { } d && Domain.ClinicalDates.Problem(d, now) is { } problem)
        {
            v.Add(field, problem);
            return null;
        }
        return date;
    }
}
