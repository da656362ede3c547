using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Cupwise.Domain.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cupwise.Plans;

public sealed record EvidenceResponse(string Grade, string Statement, IReadOnlyList<string> Sources);

public sealed record ProtocolResponse(string Id, string Name, string? Icd10, IReadOnlyList<string> Sites, string Cup, string Technique, string Method,
    int? Minutes, int? Passes, int IntervalDays, int CourseSessions, IReadOnlyList<GoalDto> Goals, EvidenceResponse Evidence);

public sealed record GoalDto(
    [property: Description("pain, range-of-motion or custom.")] string? Measure,
    [property: Description("For range of motion, for example cervical spine.")] string? Joint,
    [property: Description("For range of motion, for example rotation left.")] string? Direction,
    [property: Description("For a custom measure, its name.")] string? Name,
    [property: Description("at-most or at-least.")] string? Comparison,
    double? Threshold);

public sealed record PlanRequest(
    [property: Description("The condition in words, 1–200 characters.")] string? Condition,
    [property: Description("ICD-10 code where known, for example M54.2; the protocol's if left out.")] string? Icd10,
    [property: Description("A protocol id from GET /api/v1/protocols.")] string? ProtocolId,
    [property: Description("Measurable goals; the protocol's if left out.")] IReadOnlyList<GoalDto>? Goals,
    [property: Description("Measurement occasions in a row meeting every goal before resolution is proposed, 1–10 (default 2).")] int? ConsecutiveToResolve,
    [property: Description("Days between sessions, 3–60 (the protocol's by default).")] int? IntervalDays,
    [property: Description("Most sessions in the course, 1–50 (the protocol's by default).")] int? MaxSessions,
    [property: Description("A review point every this many days, 7–365 (default 28).")] int? ReviewEveryDays,
    [property: Description("When the plan starts; now if not given.")] DateTimeOffset? StartedAt);

public sealed record PlanResponse(string Id, string ClientId, string Condition, string? Icd10, string? ProtocolId, IReadOnlyList<GoalDto> Goals,
    int ConsecutiveToResolve, int IntervalDays, int MaxSessions, int ReviewEveryDays, DateTimeOffset StartedAt, string Status, string? StatusReason,
    DateTimeOffset? ClosedAt, int Version, EvidenceResponse? Evidence);

public sealed record ClosePlanRequest(
    [property: Description("resolved, discharged or stopped.")] string? Status,
    [property: Description("Why, 1–500 characters.")] string? Reason,
    [property: Description("The version you read; a stale version gives 409.")] int? Version);

public sealed record EstimateResponse(double Value, double Low, double High);

public sealed record ProtocolRequest(
    [property: Description("The protocol's name, 1–120 characters; its id becomes own-<name>.")] string? Name,
    string? Icd10,
    [property: Description("Sites as site:side, for example lower-back:left or forehead:none.")] IReadOnlyList<string>? Sites,
    [property: Description("A cup id from GET /api/v1/cups.")] string? Cup,
    [property: Description("stationary, moving, flash, …")] string? Technique,
    [property: Description("fire-flash, pump, squeeze, …")] string? Method,
    [property: Description("Retention for stationary cups, 1–20.")] int? Minutes,
    [property: Description("Passes per pathway for moving cups, 1–50.")] int? Passes,
    int? IntervalDays,
    int? CourseSessions,
    IReadOnlyList<GoalDto>? Goals,
    [property: Description("What the studies found, in plain words; \"No controlled evidence found.\" if left out. Claims SCIENCE.md §6 rules out are refused.")] string? EvidenceStatement,
    IReadOnlyList<string>? Sources);

public sealed record MeasureProgressResponse(string Measure, bool LowerIsBetter, int Readings, double? Baseline, double? Latest, double? Change,
    [property: Description("Change over the course from a straight line through the readings before sessions and between visits, with its 95 % CI; null with fewer than three.")] EstimateResponse? CourseChange,
    [property: Description("Mean change from before to after a session, with its 95 % CI; null with fewer than three pairs.")] EstimateResponse? WithinSession,
    int WithinSessionPairs,
    EstimateResponse? TrendPerWeek,
    [property: Description("For pain: whether the change reaches about 2 points or 30 % (SCIENCE.md §6); null for other measures.")] bool? ClinicallyImportant,
    string Verdict);

public sealed record PlanProgressResponse(string PlanId, string Status, int Sessions, IReadOnlyList<MeasureProgressResponse> Measures, int GoalsMetInARow,
    [property: Description("continue, resolve or review.")] string Proposal, string Message, int? ResolvedAfterSessions, DateTimeOffset? NextReview,
    EvidenceResponse? Evidence);

/// <summary>Protocols, treatment plans and their progress.</summary>
public static class PlansApi
{
    public static void MapPlans(this IEndpointRouteBuilder api)
    {
        api.MapGet("/protocols", ListProtocols).WithName(nameof(ListProtocols)).WithTags("Plans")
            .WithSummary("The protocol library and the practice's own protocols: sites, cups, technique, interval, course length and an evidence statement.");
        api.MapPost("/protocols", CreateProtocol).WithName(nameof(CreateProtocol)).WithTags("Plans")
            .WithSummary("Adds a protocol of the practice's own (id own-<name>); its evidence statement may not make claims SCIENCE.md §6 rules out.");
        api.MapGet("/clients/{id}/plans", ListPlans).WithName(nameof(ListPlans)).RequireAuthorization(Accounts.Access.OwnRecord).WithTags("Plans").WithSummary("A client's treatment plans, newest first.");
        api.MapPost("/clients/{id}/plans", CreatePlan).WithName(nameof(CreatePlan)).WithTags("Plans").WithSummary("Starts a treatment plan for a condition.");
        api.MapGet("/plans/{id}", GetPlan).WithName(nameof(GetPlan)).RequireAuthorization(Accounts.Access.OwnRecord).WithTags("Plans").WithSummary("One plan.");
        api.MapPost("/plans/{id}/close", ClosePlan).WithName(nameof(ClosePlan)).WithTags("Plans")
            .WithSummary("Ends a plan as resolved, discharged or stopped, with a reason.");
        api.MapGet("/plans/{id}/progress", GetPlanProgress).WithName(nameof(GetPlanProgress)).RequireAuthorization(Accounts.Access.OwnRecord).WithTags("Plans")
            .WithSummary("Statistics of the plan's measures and what Cupwise proposes: continue, resolve, or review (docs/outcomes.md).");
    }

    public static async Task<Results<Ok<List<ProtocolResponse>>, ValidationProblem>> ListProtocols([AsParameters] PageQuery paging, CupwiseDbContext db,
        HttpContext http, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var page = Paging.Page([.. ProtocolLibrary.Standard.Concat(await OwnProtocolsAsync(db, cancellationToken))], paging, http, v, Paging.MaximumPageSize);
        return page is null ? ApiResults.Invalid(v) : TypedResults.Ok(page.Select(ToResponse).ToList());
    }

    /// <summary>The practice's own protocols.</summary>
    public static async Task<List<Protocol>> OwnProtocolsAsync(CupwiseDbContext db, CancellationToken cancellationToken = default) =>
        [.. (await db.PracticeProtocols.AsNoTracking().OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken)).Select(p => p.ToProtocol())];

    /// <summary>
    /// The practice's own protocols for a pick list, kept for a minute (protocols are only ever added, and a
    /// protocol added on another server shows up here within that minute; choosing one is checked again).
    /// </summary>
    public static async Task<List<Protocol>> OwnProtocolsForPickingAsync(CupwiseDbContext db, Guid practiceId, Microsoft.Extensions.Caching.Memory.IMemoryCache cache)
    {
        var key = (nameof(OwnProtocolsForPickingAsync), practiceId);
        if (cache.TryGetValue(key, out List<Protocol>? cached) && cached is not null)
        {
            return cached;
        }
        var own = await OwnProtocolsAsync(db);
        cache.Set(key, own, new Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1), Size = 1 });
        return own;
    }

    public static async Task<Results<Created<ProtocolResponse>, ValidationProblem>> CreateProtocol(
        ProtocolRequest request, PlanCommands commands, PracticeScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var technique = v.Parse<Technique>("technique", request.Technique);
        var method = v.Parse<Cupwise.Domain.Catalogue.SuctionMethodKind>("method", request.Method);
        var goals = ReadGoals(request.Goals, v);
        if (!v.IsValid || technique is null || method is null)
        {
            return ApiResults.Invalid(v);
        }
        PracticeProtocol own;
        try
        {
            own = await commands.AddOwnProtocolAsync((cupExists, taken) => PracticeProtocol.Create(scope.PracticeId, request.Name, request.Icd10,
                request.Sites ?? [], request.Cup, cupExists, technique.Value, method.Value, request.Minutes, request.Passes, request.IntervalDays, request.CourseSessions,
                goals, request.EvidenceStatement, request.Sources ?? [], taken, clock.GetUtcNow()), cancellationToken);
        }
        catch (Cupwise.Domain.DomainValidationException e)
        {
            v.AddAll("", e);
            return ApiResults.Invalid(v);
        }
        return TypedResults.Created($"/api/v1/protocols", ToResponse(own.ToProtocol()));
    }

    internal static List<PlanGoal> ReadGoals(IReadOnlyList<GoalDto>? items, RequestValidator v)
    {
        var goals = new List<PlanGoal>();
        var list = items ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var measure = v.Parse<MeasureKind>($"goals[{i}].measure", list[i].Measure);
            var comparison = v.Parse<GoalComparison>($"goals[{i}].comparison", list[i].Comparison);
            if (list[i].Threshold is null)
            {
                v.Add($"goals[{i}].threshold", "is required.");
            }
            if (measure is { } m && comparison is { } c && list[i].Threshold is { } t)
            {
                goals.Add(new PlanGoal(m, list[i].Joint?.Trim(), list[i].Direction?.Trim(), list[i].Name?.Trim(), c, t));
            }
        }
        return goals;
    }

    public static async Task<Results<Ok<List<PlanResponse>>, NotFound, ValidationProblem>> ListPlans(string id, [AsParameters] PageQuery paging,
        CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var plans = await Paging.PageAsync(db.Plans.AsNoTracking().Where(p => p.ClientId == clientId).OrderByDescending(p => p.StartedAt).ThenBy(p => p.Id),
            paging, http, v, cancellationToken);
        if (plans is null)
        {
            return ApiResults.Invalid(v);
        }
        var own = await OwnProtocolsAsync(db, cancellationToken);
        return TypedResults.Ok(plans.Select(p => ToResponse(p, own)).ToList());
    }

    public static async Task<Results<Created<PlanResponse>, NotFound, ValidationProblem>> CreatePlan(
        string id, PlanRequest request, PlanCommands commands, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.CreateAsync(clientId, request, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Created($"/api/v1/plans/{result.Value!.Id}", ToResponse(result.Value, await OwnProtocolsAsync(db, cancellationToken))),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid or CommandStatus.Stale or CommandStatus.Refused or CommandStatus.NeedsConfirmation =>
                TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
        };
    }

    public static async Task<Results<Ok<PlanResponse>, NotFound>> GetPlan(string id, CupwiseDbContext db, CancellationToken cancellationToken) =>
        ApiResults.TryParseId(id, out var planId) && await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) is { } plan
            ? TypedResults.Ok(ToResponse(plan, await OwnProtocolsAsync(db, cancellationToken)))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PlanResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ClosePlan(
        string id, ClosePlanRequest request, PlanCommands commands, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var planId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.CloseAsync(planId, request, cancellationToken);
        var own = result.IsDone ? await OwnProtocolsAsync(db, cancellationToken) : [];
        return result.ToOk(p => ToResponse(p, own));
    }

    public static async Task<Results<Ok<PlanProgressResponse>, NotFound>> GetPlanProgress(string id, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var planId) || await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) is not { } plan)
        {
            return TypedResults.NotFound();
        }
        var report = await ProgressAsync(db, plan, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new PlanProgressResponse(plan.Id.ToString(), ApiJson.Name(plan.Status), report.Sessions,
            [.. report.Measures.Select(ToResponse)], report.GoalsMetInARow, ApiJson.Name(report.Proposal), report.Message, report.ResolvedAfterSessions,
            report.NextReview, ProtocolLibrary.Find(plan.ProtocolId, await OwnProtocolsAsync(db, cancellationToken)) is { } p ? ToResponse(p.Evidence) : null));
    }

    /// <summary>
    /// A plan's progress: its sessions (completed, linked to it, or linked to no plan and inside its span) and the
    /// client's measurements, read in two queries.
    /// </summary>
    public static async Task<PlanProgressReport> ProgressAsync(CupwiseDbContext db, TreatmentPlan plan, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (sessions, measurements) = await LoadInputsAsync(db, plan, cancellationToken);
        return PlanProgress.Evaluate(plan, sessions, measurements, now);
    }

    /// <summary>When the plan's sessions took place, and the client's measurements.</summary>
    public static async Task<(List<DateTimeOffset> Sessions, List<OutcomeMeasurement> Measurements)> LoadInputsAsync(CupwiseDbContext db, TreatmentPlan plan,
        CancellationToken cancellationToken = default)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ClientId == plan.ClientId && s.Status == SessionStatus.Completed && s.StartedAt != null && (s.PlanId == plan.Id || s.PlanId == null))
            .Select(s => s.StartedAt!.Value).ToListAsync(cancellationToken);
        var measurements = await db.Outcomes.AsNoTracking().Where(o => o.ClientId == plan.ClientId && !o.EnteredInError).ToListAsync(cancellationToken);
        return (sessions, measurements);
    }

    private static ProtocolResponse ToResponse(Protocol p) =>
        new(p.Id, p.Name, p.Icd10, p.Sites, p.Cup, ApiJson.Name(p.Technique), ApiJson.Name(p.Method), p.Minutes, p.Passes, p.IntervalDays, p.CourseSessions,
            [.. p.Goals.Select(ToDto)], ToResponse(p.Evidence));

    private static EvidenceResponse ToResponse(EvidenceStatement e) => new(e.Grade, e.Statement, e.Sources);

    private static GoalDto ToDto(PlanGoal g) => new(ApiJson.Name(g.Measure), g.Joint, g.Direction, g.Name, ApiJson.Name(g.Comparison), g.Threshold);

    private static PlanResponse ToResponse(TreatmentPlan p, IReadOnlyList<Protocol> own) =>
        new(p.Id.ToString(), p.ClientId.ToString(), p.Condition, p.Icd10, p.ProtocolId, [.. p.Goals.Select(ToDto)], p.ConsecutiveToResolve, p.IntervalDays,
            p.MaxSessions, p.ReviewEveryDays, p.StartedAt, ApiJson.Name(p.Status), p.StatusReason, p.ClosedAt, p.Version,
            ProtocolLibrary.Find(p.ProtocolId, own) is { } protocol ? ToResponse(protocol.Evidence) : null);

    private static MeasureProgressResponse ToResponse(MeasureProgress m) =>
        new(m.Measure, m.LowerIsBetter, m.Readings, m.Baseline, m.Latest, m.Change, ToResponse(m.CourseChange), ToResponse(m.WithinSession), m.WithinSessionPairs,
            ToResponse(m.TrendPerWeek), m.ClinicallyImportant, m.Verdict);

    private static EstimateResponse? ToResponse(Estimate? e) => e is null ? null : new(Math.Round(e.Value, 3), Math.Round(e.Low, 3), Math.Round(e.High, 3));
}
