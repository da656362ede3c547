using Cupwise.Api;
using Cupwise.Data;
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
        group.MapPut("/{id}/cups/{cupApplicationId}", ReplanCup).WithName(nameof(ReplanCup))
            .WithSummary("Changes a planned cup before it goes on (cup, site, technique, suction, time, notes); it keeps its number.");
        group.MapPost("/{id}/cups/{cupApplicationId}/take-off-plan", TakeCupOffPlan).WithName(nameof(TakeCupOffPlan))
            .WithSummary("Takes a cup that has not gone on off the plan, such as one on a blocked site.");
        group.MapPut("/{id}/notes", DescribeSession).WithName(nameof(DescribeSession))
            .WithSummary("Replaces the notes and adjunct treatments of a session that is still open.");
        group.MapPost("/{id}/vitals", RecordVitals).WithName(nameof(RecordVitals))
            .WithSummary("Records vital signs taken before cups go on (temperature, blood pressure, pulse); a second reading is kept beside the first, and screening reads the latest value of each sign.");
        group.MapPost("/{id}/cups/{cupApplicationId}/apply", ApplyCup).WithName(nameof(ApplyCup)).WithSummary("Records that a cup went on the skin (starts its timer).");
        group.MapPost("/{id}/cups/{cupApplicationId}/remove", RemoveCup).WithName(nameof(RemoveCup)).WithSummary("Records that a cup came off, with the mark grade and sensation.");
        group.MapPost("/{id}/overrides", RecordOverride).WithName(nameof(RecordOverride))
            .WithSummary("Records the reason to go ahead despite a finding that asks for one: a screening rule of severity override, or a site not yet clear (kept with the session; who is the signed-in login).");
        group.MapGet("/{id}/screening", ScreenSession).WithName(nameof(ScreenSession))
            .WithSummary("The safety screening of the session's client and every cup in it, with the sites that have not cleared since they were last cupped.");
        group.MapPost("/{id}/complete", CompleteSession).WithName(nameof(CompleteSession)).WithSummary("Completes a session once every applied cup is off.");
        group.MapPost("/{id}/amendments", AmendSession).WithName(nameof(AmendSession))
            .WithSummary("Amends a completed session: who, why, and the new values; the history is kept. A stale version gives 409.");
        group.MapPost("/{id}/discard", DiscardSession).WithName(nameof(DiscardSession))
            .WithSummary("Discards a draft that will not go ahead: it is kept, flagged, with who and why.");
        group.MapPost("/{id}/entered-in-error", MarkSessionEnteredInError).WithName(nameof(MarkSessionEnteredInError))
            .WithSummary("Marks a session as entered in error (it is kept, flagged, never deleted).");
        api.MapGet("/clients/{id}/sessions", ListClientSessions).WithName(nameof(ListClientSessions)).RequireAuthorization(Accounts.Access.OwnRecord).WithTags("Sessions")
            .WithSummary("A client's sessions, newest first, with their cups: a page at a time (?page=&pageSize=, 25 by default).");
    }

    public static async Task<Results<Created<SessionResponse>, ValidationProblem>> CreateSession(
        SessionRequest request, SessionCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.CreateAsync(request, cancellationToken);
        return result.IsDone
            ? TypedResults.Created($"/api/v1/sessions/{result.Value!.Id}", result.Value.ToResponse())
            : TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.");
    }

    public static async Task<Results<Ok<SessionResponse>, NotFound>> GetSession(string id, SessionCommands commands, CancellationToken cancellationToken)
    {
        var session = ApiResults.TryParseId(id, out var sessionId) ? await commands.FindAsync(sessionId, cancellationToken) : null;
        return session is null ? TypedResults.NotFound() : TypedResults.Ok(session.ToResponse());
    }

    public static async Task<Results<Ok<List<SessionResponse>>, NotFound, ValidationProblem>> ListClientSessions(string id, [AsParameters] PageQuery paging,
        CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var sessions = await Paging.PageAsync(db.Sessions.AsNoTracking().Where(s => s.ClientId == clientId)
            .OrderByDescending(s => s.StartedAt ?? s.CreatedAt).ThenByDescending(s => s.Id)
            .Include(s => s.Cups).Include(s => s.Amendments).AsSplitQuery(), paging, http, v, cancellationToken);
        return sessions is null ? ApiResults.Invalid(v) : TypedResults.Ok(sessions.Select(s => s.ToResponse()).ToList());
    }

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddCup(
        string id, CupRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.AddCupAsync(sessionId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReplanCup(
        string id, string cupApplicationId, CupRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, cupApplicationId, (sessionId, cupId) => commands.ReplanCupAsync(sessionId, cupId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> TakeCupOffPlan(
        string id, string cupApplicationId, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, cupApplicationId, (sessionId, cupId) => commands.TakeOffPlanAsync(sessionId, cupId, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DescribeSession(
        string id, SessionNotesRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.DescribeAsync(sessionId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordVitals(
        string id, VitalsRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.RecordVitalsAsync(sessionId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ApplyCup(
        string id, string cupApplicationId, CupEventRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, cupApplicationId, (sessionId, cupId) => commands.ApplyCupAsync(sessionId, cupId, request.At, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RemoveCup(
        string id, string cupApplicationId, CupEventRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, cupApplicationId, (sessionId, cupId) => commands.RemoveCupAsync(sessionId, cupId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordOverride(
        string id, OverrideRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.RecordOverrideAsync(sessionId, request, cancellationToken));

    public static async Task<Results<Ok<Safety.ScreeningResponse>, NotFound>> ScreenSession(string id, SessionCommands commands, CupwiseDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var session = ApiResults.TryParseId(id, out var sessionId) ? await commands.FindAsync(sessionId, cancellationToken) : null;
        return session is null ? TypedResults.NotFound() : TypedResults.Ok(Safety.ScreeningRequests.ToResponse(await Safety.SessionSafety.ScreenAsync(db, session, clock, cancellationToken: cancellationToken)));
    }

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CompleteSession(
        string id, CompleteSessionRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.CompleteAsync(sessionId, request.At, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AmendSession(
        string id, AmendSessionRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.AmendAsync(sessionId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DiscardSession(
        string id, DiscardSessionRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.DiscardAsync(sessionId, request, cancellationToken));

    public static Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkSessionEnteredInError(
        string id, EnteredInErrorRequest request, SessionCommands commands, CancellationToken cancellationToken) =>
        Run(id, sessionId => commands.MarkEnteredInErrorAsync(sessionId, request, cancellationToken));

    private static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Run(
        string id, Func<Guid, Task<CommandResult<TreatmentSession>>> command)
    {
        if (!ApiResults.TryParseId(id, out var sessionId))
        {
            return TypedResults.NotFound();
        }
        var result = await command(sessionId);
        return result.ToOk(s => s.ToResponse() with { Notices = result.Notices });
    }

    private static async Task<Results<Ok<SessionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Run(
        string id, string cupApplicationId, Func<Guid, Guid, Task<CommandResult<TreatmentSession>>> command) =>
        ApiResults.TryParseId(id, out var sessionId) && ApiResults.TryParseId(cupApplicationId, out var cupId)
            ? (await command(sessionId, cupId)).ToOk(s => s.ToResponse())
            : TypedResults.NotFound();
}
