using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Sessions;

public static class SessionsApi
{
    public static void MapSessions(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/sessions").WithTags("Sessions");
        group.MapPost("/", CreateSession).WithName(nameof(CreateSession))
            .WithSummary("Records a session with its cup applications: a draft plan, a session under way, or a completed visit.");
        group.MapGet("/{id}", GetSession).WithName(nameof(GetSession)).RequireAuthorization(Accounts.Access.OwnRecord).WithSummary("Gets a session with its cups and amendment history.");
        group.MapPost("/{id}/cups", AddCup).WithName(nameof(AddCup)).WithSummary("Adds a planned cup to an open session.");
        group.MapPost("/{id}/cups/{cupApplicationId}/apply", ApplyCup).WithName(nameof(ApplyCup)).WithSummary("Records that a cup went on the skin (starts its timer).");
        group.MapPost("/{id}/cups/{cupApplicationId}/remove", RemoveCup).WithName(nameof(RemoveCup)).WithSummary("Records that a cup came off, with the mark grade and sensation.");
        group.MapPost("/{id}/overrides", RecordOverride).WithName(nameof(RecordOverride))
            .WithSummary("Records the reason to go ahead despite a screening finding of severity override (kept with the session).");
        group.MapGet("/{id}/screening", ScreenSession).WithName(nameof(ScreenSession))
            .WithSummary("The safety screening of the session's client and every cup in it.");
        group.MapPost("/{id}/complete", CompleteSession).WithName(nameof(CompleteSession)).WithSummary("Completes a session once every applied cup is off.");
        group.MapPost("/{id}/amendments", AmendSession).WithName(nameof(AmendSession))
            .WithSummary("Amends a completed session: who, why, and the new values; the history is kept. A stale version gives 409.");
        group.MapPost("/{id}/entered-in-error", MarkSessionEnteredInError).WithName(nameof(MarkSessionEnteredInError))
            .WithSummary("Marks a session as entered in error (it is kept, flagged, never deleted).");
        api.MapGet("/clients/{id}/sessions", ListClientSessions).WithName(nameof(ListClientSessions)).RequireAuthorization(Accounts.Access.OwnRecord).WithTags("Sessions")
            .WithSummary("A client's sessions, newest first, with their cups.");
    }

    public static async Task<Results<Created<SessionResponse>, ValidationProblem>> CreateSession(
        SessionRequest request, CupwiseDbContext db, PracticeScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var clientId = await FindClientAsync(db, request.ClientId, v, cancellationToken);
        var practitionerId = await FindPractitionerAsync(db, request.PractitionerId, v, cancellationToken);
        var status = v.Parse<SessionStatus>("status", request.Status, required: false) ?? SessionStatus.Draft;
        if (status == SessionStatus.EnteredInError)
        {
            v.Add("status", "a new session is draft, in-progress or completed; entered-in-error is set on an existing one.");
        }
        var adjuncts = SessionMapping.ToAdjuncts(request.Adjuncts, v);
        var cupRequests = request.Cups ?? [];
        var (cups, sites) = await CatalogueAsync(db, cupRequests, cancellationToken);
        var plans = cupRequests.Select((c, i) => SessionMapping.ToPlan(c, $"cups[{i}]", cups, sites, v)).ToList();
        if (status == SessionStatus.Draft)
        {
            for (var i = 0; i < cupRequests.Count; i++)
            {
                if (cupRequests[i].AppliedAt is not null || cupRequests[i].RemovedAt is not null)
                {
                    v.Add($"cups[{i}].appliedAt", "a draft session has no applied cups: set status to in-progress or completed, or leave out the times.");
                }
            }
        }
        if (status != SessionStatus.Draft && request.StartedAt is null)
        {
            v.Add("startedAt", $"is required for a session that is {ApiJson.Name(status)}.");
        }
        if (status == SessionStatus.Completed && request.EndedAt is null)
        {
            v.Add("endedAt", "is required for a completed session.");
        }
        Guid? planId = null;
        if (clientId is { } owner)
        {
            if (request.PlanId is { Length: > 0 } wanted)
            {
                planId = Guid.TryParse(wanted, out var pid) && await db.Plans.AnyAsync(p => p.Id == pid && p.ClientId == owner, cancellationToken) ? pid : null;
                if (planId is null)
                {
                    v.Add("planId", "must be one of this client's treatment plans.");
                }
            }
            else
            {
                var active = await db.Plans.Where(p => p.ClientId == owner && p.Status == Domain.Plans.PlanStatus.Active).Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
                planId = active.Count == 1 ? active[0] : null;
            }
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }

        var session = v.Try("", () => TreatmentSession.Create(Guid.NewGuid(), scope.PracticeId, clientId!.Value, practitionerId!.Value, request.Notes, adjuncts, clock));
        if (session is null)
        {
            return ApiResults.Invalid(v);
        }
        if (planId is { } linked)
        {
            session.LinkToPlan(linked);
        }
        var applied = new List<(CupApplication Cup, CupRequest Request, int Index)>();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i]!;
            var cup = v.Try($"cups[{i}]", () => session.AddCup(plan));
            if (cup is not null)
            {
                applied.Add((cup, cupRequests[i], i));
            }
        }
        if (v.IsValid && status != SessionStatus.Draft)
        {
            v.Run("startedAt", () => session.Start(request.StartedAt!.Value.ToUniversalTime()));
            foreach (var (cup, r, i) in applied.Where(_ => v.IsValid))
            {
                if (r.AppliedAt is { } on)
                {
                    v.Run($"cups[{i}]", () => WithField("appliedAt", () => session.ApplyCup(cup.Id, on.ToUniversalTime())));
                }
                if (r.RemovedAt is { } off)
                {
                    var grade = r.MarkGrade is { } g ? MarkGrade.FromGrade(g) : (MarkGrade?)null;
                    var sensation = v.Parse<Sensation>($"cups[{i}].sensation", r.Sensation, required: false);
                    v.Run($"cups[{i}]", () => WithField("removedAt", () => session.RemoveCup(cup.Id, off.ToUniversalTime(), grade, sensation)));
                }
                else if (r.MarkGrade is not null)
                {
                    v.Add($"cups[{i}].markGrade", "is recorded when the cup is removed: give removedAt too.");
                }
            }
            if (v.IsValid && status == SessionStatus.Completed)
            {
                v.Run("", () => WithField("endedAt", () => session.Complete(request.EndedAt!.Value.ToUniversalTime())));
            }
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/sessions/{session.Id}", session.ToResponse());
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound>> GetSession(string id, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: false, cancellationToken);
        return session is null ? TypedResults.NotFound() : TypedResults.Ok(session.ToResponse());
    }

    public static async Task<Results<Ok<List<SessionResponse>>, NotFound>> ListClientSessions(string id, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ClientId == clientId)
            .Include(s => s.Cups).Include(s => s.Amendments).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(sessions.OrderByDescending(s => s.StartedAt ?? s.CreatedAt).Select(s => s.ToResponse()).ToList());
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddCup(
        string id, CupRequest request, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var (cups, sites) = await CatalogueAsync(db, [request], cancellationToken);
        if (request.AppliedAt is not null || request.RemovedAt is not null)
        {
            v.Add("appliedAt", "a cup is added as planned; record its application with POST …/cups/{cupApplicationId}/apply.");
        }
        var plan = SessionMapping.ToPlan(request, "", cups, sites, v);
        if (plan is null || !v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var added = v.Try("", () => session.AddCup(plan));
        if (added is null)
        {
            return ApiResults.Invalid(v);
        }
        return await SaveAsync(db, session, cancellationToken);
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ApplyCup(
        string id, string cupApplicationId, CupEventRequest request, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null || !Guid.TryParse(cupApplicationId, out var cupId) || session.Cups.All(c => c.Id != cupId))
        {
            return TypedResults.NotFound();
        }
        // Screening runs before any cup goes on: a block stops it, an override needs its recorded reason.
        var screening = await Safety.SessionSafety.ScreenAsync(db, session, clock, cancellationToken: cancellationToken);
        if (Safety.SessionSafety.WhyNot(screening, session, session.Cups.First(c => c.Id == cupId)) is { } why)
        {
            return ApiResults.StateConflict(why);
        }
        var v = new RequestValidator();
        v.Run("", () => session.ApplyCup(cupId, SessionMapping.Utc(request.At) ?? clock.GetUtcNow()));
        return v.IsValid ? await SaveAsync(db, session, cancellationToken) : ApiResults.Invalid(v);
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RemoveCup(
        string id, string cupApplicationId, CupEventRequest request, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null || !Guid.TryParse(cupApplicationId, out var cupId) || session.Cups.All(c => c.Id != cupId))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var grade = request.MarkGrade is { } g ? v.TryValue("", () => MarkGrade.FromGrade(g)) : null;
        var sensation = v.Parse<Sensation>("sensation", request.Sensation, required: false);
        if (v.IsValid)
        {
            v.Run("", () => session.RemoveCup(cupId, SessionMapping.Utc(request.At) ?? clock.GetUtcNow(), grade, sensation));
        }
        return v.IsValid ? await SaveAsync(db, session, cancellationToken) : ApiResults.Invalid(v);
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordOverride(
        string id, OverrideRequest request, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        Guid? cupId = null;
        if (request.CupApplicationId is not null)
        {
            if (Guid.TryParse(request.CupApplicationId, out var parsed) && session.Cups.Any(c => c.Id == parsed))
            {
                cupId = parsed;
            }
            else
            {
                v.Add("cupApplicationId", $"'{request.CupApplicationId}' is not a cup of this session.");
            }
        }
        if (request.RuleId is null || Domain.Safety.ScreeningRuleSet.Standard.Rules.FirstOrDefault(r => r.Id == request.RuleId) is not { } rule)
        {
            v.Add("ruleId", "is required: the id of a screening rule (docs/safety.md).");
        }
        else if (rule.Severity != Domain.Suction.FindingSeverity.Override)
        {
            v.Add("ruleId", $"'{rule.Id}' is a {ApiJson.Name(rule.Severity)} rule: only override rules take a reason to go ahead.");
        }
        if (v.IsValid)
        {
            v.Run("", () => session.RecordOverride(request.RuleId!, cupId, request.Reason ?? string.Empty, request.RecordedBy ?? string.Empty, clock));
        }
        return v.IsValid ? await SaveAsync(db, session, cancellationToken) : ApiResults.Invalid(v);
    }

    public static async Task<Results<Ok<Safety.ScreeningResponse>, NotFound>> ScreenSession(string id, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: false, cancellationToken);
        return session is null ? TypedResults.NotFound() : TypedResults.Ok(Safety.ScreeningRequests.ToResponse(await Safety.SessionSafety.ScreenAsync(db, session, clock, cancellationToken: cancellationToken)));
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteSession(
        string id, CompleteSessionRequest request, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        v.Run("", () => session.Complete(SessionMapping.Utc(request.At) ?? clock.GetUtcNow()));
        return v.IsValid ? await SaveAsync(db, session, cancellationToken) : ApiResults.Invalid(v);
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AmendSession(
        string id, AmendSessionRequest request, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        RequireVersion(request.Version, v);
        var adjuncts = request.Adjuncts is null ? null : SessionMapping.ToAdjuncts(request.Adjuncts, v);
        var cupChanges = new List<CupAmendment>();
        var items = request.Cups ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var c = items[i];
            var prefix = $"cups[{i}]";
            if (!Guid.TryParse(c.CupApplicationId, out var cupId) || session.Cups.All(x => x.Id != cupId))
            {
                v.Add($"{prefix}.cupApplicationId", $"'{c.CupApplicationId}' is not a cup of this session.");
                continue;
            }
            var grade = c.MarkGrade is { } g ? v.TryValue(prefix, () => MarkGrade.FromGrade(g)) : null;
            var sensation = v.Parse<Sensation>($"{prefix}.sensation", c.Sensation, required: false);
            var pressure = c.PressureMmHg is { } p ? v.TryValue(prefix, () => GaugePressure.FromMmHg(p, "pressureMmHg")) : null;
            var source = v.Parse<PressureSource>($"{prefix}.pressureSource", c.PressureSource, required: false);
            cupChanges.Add(new CupAmendment(cupId, grade, sensation, c.Notes, SessionMapping.Utc(c.RemovedAt), pressure, source));
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        if (request.Version != session.Version)
        {
            return ApiResults.Conflict(session.Version);
        }
        db.Entry(session).Property(s => s.Version).OriginalValue = request.Version!.Value;
        try
        {
            session.Amend(request.AmendedBy ?? string.Empty, request.Reason ?? string.Empty, new SessionAmendmentChanges(request.Notes, adjuncts, cupChanges), clock);
        }
        catch (DomainValidationException e)
        {
            v.Add(e.Field, e.Message);
            return ApiResults.Invalid(v);
        }
        return await SaveAsync(db, session, cancellationToken);
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkSessionEnteredInError(
        string id, EnteredInErrorRequest request, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var session = await LoadAsync(db, id, tracking: true, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        RequireVersion(request.Version, v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        if (request.Version != session.Version)
        {
            return ApiResults.Conflict(session.Version);
        }
        db.Entry(session).Property(s => s.Version).OriginalValue = request.Version!.Value;
        v.Run("", () => session.MarkEnteredInError(request.AmendedBy ?? string.Empty, request.Reason ?? string.Empty, clock));
        return v.IsValid ? await SaveAsync(db, session, cancellationToken) : ApiResults.Invalid(v);
    }

    private static void RequireVersion(int? version, RequestValidator v)
    {
        if (version is null)
        {
            v.Add("version", "is required: send the version you read, so that a concurrent change is not lost.");
        }
    }

    private static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        CupwiseDbContext db, TreatmentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.Conflict();
        }
        return TypedResults.Ok(session.ToResponse());
    }

    private static async Task<TreatmentSession?> LoadAsync(CupwiseDbContext db, string id, bool tracking, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var sessionId))
        {
            return null;
        }
        var query = db.Sessions.Include(s => s.Cups).Include(s => s.Amendments).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }

    /// <summary>The cups and sites a request names (and only those), keyed by id.</summary>
    private static async Task<(Dictionary<string, Cup> Cups, Dictionary<string, BodySite> Sites)> CatalogueAsync(
        CupwiseDbContext db, IReadOnlyList<CupRequest> requests, CancellationToken cancellationToken)
    {
        var cupIds = requests.Select(r => r.CupId).OfType<string>().Distinct().ToList();
        var siteIds = requests.Select(r => r.SiteId).OfType<string>().Distinct().ToList();
        var cups = await db.Cups.AsNoTracking().Where(c => cupIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        var sites = await db.BodySites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        return (cups, sites);
    }

    private static async Task<Guid?> FindClientAsync(CupwiseDbContext db, string? id, RequestValidator v, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var clientId) && await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return clientId;
        }
        v.Add("clientId", id is null ? "is required." : $"'{id}' is not a client of this practice.");
        return null;
    }

    private static async Task<Guid?> FindPractitionerAsync(CupwiseDbContext db, string? id, RequestValidator v, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var practitionerId) && await db.Practitioners.AnyAsync(p => p.Id == practitionerId, cancellationToken))
        {
            return practitionerId;
        }
        v.Add("practitionerId", id is null ? "is required: GET /api/v1/practitioners lists them." : $"'{id}' is not a practitioner of this practice.");
        return null;
    }

    /// <summary>Domain time checks name the time they concern ("removedAt"); keep that name under the caller's prefix.</summary>
    private static void WithField(string field, Action action)
    {
        try
        {
            action();
        }
        catch (DomainStateException e)
        {
            throw new DomainValidationException(field, e.Message);
        }
    }
}
