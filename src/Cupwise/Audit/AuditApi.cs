using System.ComponentModel;
using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Audit;

public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Actor, string? ClientId, string Action, string What, string Outcome);

public sealed record ClientAccessResponse(
    [property: Description("Who: the login's e-mail (and the token, if one was used).")] string Actor,
    DateTimeOffset FirstAt, DateTimeOffset LastAt, int Reads, int Writes);

public sealed record AuditQuery
{
    [Description("First day, yyyy-MM-dd (UTC).")] public string? From { get; init; }
    [Description("Last day, yyyy-MM-dd (UTC).")] public string? To { get; init; }
    [Description("Only entries about this client.")] public string? ClientId { get; init; }
    [Description("json (default) or csv.")] public string? Format { get; init; }
}

/// <summary>The practice's audit log for its owners: entries by period or client, and who saw a client.</summary>
public static class AuditApi
{
    public const int MaximumEntries = 10_000;

    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", GetAuditLog).WithName(nameof(GetAuditLog)).WithTags("Audit").RequireAuthorization(Access.Owner).RequireRateLimiting(RateLimits.Exports)
            .WithSummary($"The practice's audit entries in a period (at most {MaximumEntries:N0}, newest first), as JSON or CSV with their hashes.");
        api.MapGet("/clients/{id}/access", GetClientAccess).WithName(nameof(GetClientAccess)).WithTags("Audit").RequireAuthorization(Access.Owner)
            .WithSummary("Who read or changed this client's record, and when first and last.");
    }

    public static async Task<Results<Ok<List<AuditEntryResponse>>, FileContentHttpResult, ValidationProblem>> GetAuditLog(
        [AsParameters] AuditQuery query, CupwiseDbContext db, CurrentUser user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var from = OutcomeReports.ReadDate(v, "from", query.From, clock.GetUtcNow());
        var to = OutcomeReports.ReadDate(v, "to", query.To, clock.GetUtcNow());
        Guid? clientId = null;
        if (query.ClientId is { } raw)
        {
            if (Guid.TryParse(raw, out var id)) { clientId = id; } else { v.Add("clientId", "must be a client id."); }
        }
        if (query.Format is not (null or "json" or "csv"))
        {
            v.Add("format", "must be json or csv.");
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var entries = AuditExport.Query(db.AuditEntries.AsNoTracking().Where(e => e.PracticeId == user.PracticeId), from, to);
        if (clientId is { } c)
        {
            entries = entries.Where(e => e.ClientId == c);
        }
        var rows = await entries.OrderByDescending(e => e.Sequence).Take(MaximumEntries).ToListAsync(cancellationToken);
        if (query.Format == "csv")
        {
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(AuditExport.ToCsv(rows.OrderBy(e => e.Sequence))), "text/csv; charset=utf-8", "cupwise-audit.csv");
        }
        return TypedResults.Ok(rows.Select(e => new AuditEntryResponse(e.Sequence, e.At, e.Actor, e.ClientId?.ToString(), e.Action, e.What, e.Outcome)).ToList());
    }

    public static async Task<Results<Ok<List<ClientAccessResponse>>, NotFound>> GetClientAccess(string id, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await WhoSawAsync(db, clientId, cancellationToken));
    }

    /// <summary>Everyone who read or changed a client's record, most recent first.</summary>
    public static async Task<List<ClientAccessResponse>> WhoSawAsync(CupwiseDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        var practice = db.CurrentPracticeId;
        var rows = await db.AuditEntries.AsNoTracking().Where(e => e.ClientId == clientId && e.PracticeId == practice)
            .GroupBy(e => e.Actor)
            .Select(g => new { Actor = g.Key, First = g.Min(e => e.Sequence), Last = g.Max(e => e.Sequence), Reads = g.Count(e => e.Action == "read"), All = g.Count() })
            .ToListAsync(cancellationToken);
        var sequences = rows.SelectMany(r => new[] { r.First, r.Last }).Distinct().ToList();
        var times = await db.AuditEntries.AsNoTracking().Where(e => sequences.Contains(e.Sequence)).ToDictionaryAsync(e => e.Sequence, e => e.At, cancellationToken);
        return [.. rows.Select(r => new ClientAccessResponse(r.Actor, times[r.First], times[r.Last], r.Reads, r.All - r.Reads)).OrderByDescending(r => r.LastAt)];
    }
}
