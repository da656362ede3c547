using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Sessions;

/// <summary>Adverse events after cupping (SCIENCE.md §5), recorded per session.</summary>
public sealed class AdverseEventCommands(CupwiseDbContext db, PracticeScope scope, TimeProvider clock)
{
    public async Task<CommandResult<AdverseEvent>> RecordAsync(Guid sessionId, AdverseEventRequest request, CancellationToken cancellationToken = default)
    {
        if (await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is not { } session)
        {
            return CommandResult<AdverseEvent>.NotFound();
        }
        var v = new RequestValidator();
        var kind = v.Parse<AdverseEventKind>("kind", request.Kind);
        var severity = v.Parse<AdverseEventSeverity>("severity", request.Severity);
        if (request.SiteId is not null && StandardCatalogue.Sites.All(s => s.Id != request.SiteId))
        {
            v.Add("siteId", $"'{request.SiteId}' is not a known body site.");
        }
        if (!v.IsValid || kind is null || severity is null)
        {
            return CommandResult<AdverseEvent>.Invalid(v);
        }
        var adverse = v.Try("", () => AdverseEvent.Record(scope.PracticeId, session, kind.Value, severity.Value, request.SiteId, request.Notes,
            request.OccurredAt?.ToUniversalTime(), clock));
        if (adverse is null)
        {
            return CommandResult<AdverseEvent>.Invalid(v);
        }
        db.AdverseEvents.Add(adverse);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<AdverseEvent>.Done(adverse);
    }
}
