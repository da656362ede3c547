using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cupwise.Plans;

/// <summary>Treatment plans and the practice's own protocols, for the API and the pages alike.</summary>
public sealed class PlanCommands(CupwiseDbContext db, PracticeScope scope, TimeProvider clock, IMemoryCache cache)
{
    /// <summary>
    /// Starts a plan for a condition. Goals left out come from the protocol; a pain goal given with others replaces
    /// the protocol's pain goal and keeps its other goals (the chart's "pain at most" field sends just that one).
    /// </summary>
    public async Task<CommandResult<TreatmentPlan>> CreateAsync(Guid clientId, PlanRequest request, CancellationToken cancellationToken = default)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return CommandResult<TreatmentPlan>.NotFound();
        }
        var v = new RequestValidator();
        var own = await PlansApi.OwnProtocolsAsync(db, cancellationToken);
        var protocol = ProtocolLibrary.Find(request.ProtocolId, own);
        if (request.ProtocolId is not null && protocol is null)
        {
            v.Add("protocolId", $"is not a protocol; one of {string.Join(", ", ProtocolLibrary.Standard.Concat(own).Select(p => p.Id))}.");
        }
        var goals = PlansApi.ReadGoals(request.Goals, v);
        if (!v.IsValid)
        {
            return CommandResult<TreatmentPlan>.Invalid(v);
        }
        if (request.Goals is not null && protocol is not null && goals.Count > 0 && goals.All(g => g.Measure == MeasureKind.Pain))
        {
            goals = [.. goals, .. protocol.Goals.Where(g => g.Measure != MeasureKind.Pain)];
        }
        var plan = v.Try("", () => TreatmentPlan.Create(Guid.NewGuid(), scope.PracticeId, clientId, request.Condition, request.Icd10, protocol, goals,
            request.ConsecutiveToResolve, request.IntervalDays, request.MaxSessions, request.ReviewEveryDays, request.StartedAt?.ToUniversalTime() ?? clock.GetUtcNow()));
        if (plan is null)
        {
            return CommandResult<TreatmentPlan>.Invalid(v);
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<TreatmentPlan>.Done(plan);
    }

    public async Task<CommandResult<TreatmentPlan>> CloseAsync(Guid planId, ClosePlanRequest request, CancellationToken cancellationToken = default)
    {
        if (await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken) is not { } plan)
        {
            return CommandResult<TreatmentPlan>.NotFound();
        }
        var v = new RequestValidator();
        var status = v.Parse<PlanStatus>("status", request.Status);
        if (request.Version is null)
        {
            v.Add("version", "is required: send the version you read.");
        }
        if (!v.IsValid || status is null)
        {
            return CommandResult<TreatmentPlan>.Invalid(v);
        }
        if (request.Version != plan.Version)
        {
            return CommandResult<TreatmentPlan>.Stale(plan.Version);
        }
        try
        {
            plan.Close(status.Value, request.Reason, clock.GetUtcNow());
        }
        catch (DomainValidationException e)
        {
            v.AddAll("", e);
            return CommandResult<TreatmentPlan>.Invalid(v);
        }
        catch (DomainStateException e)
        {
            return CommandResult<TreatmentPlan>.Refused(e.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<TreatmentPlan>.Done(plan);
    }

    /// <summary>
    /// Adds a protocol of the practice's own: <paramref name="create"/> gets whether a cup exists in the practice's
    /// catalogue and the ids already taken, and may refuse (DomainValidationException, nothing written). The API and
    /// the /protocols page both add protocols through here.
    /// </summary>
    public async Task<PracticeProtocol> AddOwnProtocolAsync(Func<Func<string, bool>, IReadOnlySet<string>, PracticeProtocol> create, CancellationToken cancellationToken = default)
    {
        var cups = (await db.Cups.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var taken = (await db.PracticeProtocols.AsNoTracking().Select(p => p.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var own = create(cups.Contains, taken);
        db.PracticeProtocols.Add(own);
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove((nameof(PlansApi.OwnProtocolsForPickingAsync), scope.PracticeId));
        return own;
    }
}
