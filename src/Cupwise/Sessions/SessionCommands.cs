using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Cupwise.Safety;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Sessions;

/// <summary>
/// Everything that changes a treatment session, for the API and the charting page alike: each action loads the
/// session, checks it (screening and site clearance included), changes it through the domain and saves once. The
/// actor is the signed-in login, never a name sent with the request.
/// </summary>
public sealed class SessionCommands(CupwiseDbContext db, PracticeScope scope, CurrentUser user, TimeProvider clock, Scheduling.AppointmentCommands appointments,
    Mail.MailQueue mail)
{
    public async Task<CommandResult<TreatmentSession>> CreateAsync(SessionRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        var clientId = await FindClientAsync(request.ClientId, v, cancellationToken);
        var practitionerId = await FindPractitionerAsync(request.PractitionerId, v, cancellationToken);
        var status = v.Parse<SessionStatus>("status", request.Status, required: false) ?? SessionStatus.Draft;
        if (status is SessionStatus.EnteredInError or SessionStatus.Discarded)
        {
            v.Add("status", "a new session is draft, in-progress or completed; entered-in-error and discarded are set on an existing one.");
        }
        var adjuncts = SessionMapping.ToAdjuncts(request.Adjuncts, v);
        var cupRequests = request.Cups ?? [];
        var (cups, sites) = await CatalogueAsync(cupRequests, cancellationToken);
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
            return CommandResult<TreatmentSession>.Invalid(v);
        }

        var session = v.Try("", () => TreatmentSession.Create(Guid.NewGuid(), scope.PracticeId, clientId!.Value, practitionerId!.Value, request.Notes, adjuncts, clock));
        if (session is null)
        {
            return CommandResult<TreatmentSession>.Invalid(v);
        }
        if (planId is { } linked)
        {
            session.LinkToPlan(linked);
        }
        if (request.Vitals is { } taken && SessionMapping.ToVitals(taken, "vitals", user.Actor, request.StartedAt?.ToUniversalTime() ?? clock.GetUtcNow(), v) is { } vitals)
        {
            v.Run("vitals", () => session.RecordVitals(vitals));
        }
        var added = new List<(CupApplication Cup, CupRequest Request, int Index)>();
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i]!;
            var cup = v.Try($"cups[{i}]", () => session.AddCup(plan));
            if (cup is not null)
            {
                added.Add((cup, cupRequests[i], i));
            }
        }
        if (v.IsValid && status != SessionStatus.Draft)
        {
            // A visit charted afterwards records what was done; the screening it passed is the practitioner's to record.
            v.Run("startedAt", () => session.Start(request.StartedAt!.Value.ToUniversalTime()));
            foreach (var (cup, r, i) in added.Where(_ => v.IsValid))
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
            return CommandResult<TreatmentSession>.Invalid(v);
        }
        db.Sessions.Add(session);
        if (session.Status == SessionStatus.Completed)
        {
            await Mail.VisitMail.StageAftercareAsync(db, mail, session.PracticeId, session.ClientId, session.Id, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
        return CommandResult<TreatmentSession>.Done(session);
    }

    /// <summary>Adds a planned cup; it is checked by the screening (and site clearance) before it goes on.</summary>
    public Task<CommandResult<TreatmentSession>> AddCupAsync(Guid sessionId, CupRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, async (session, v) =>
        {
            if (request.AppliedAt is not null || request.RemovedAt is not null)
            {
                v.Add("appliedAt", "a cup is added as planned; record its application with POST …/cups/{cupApplicationId}/apply.");
            }
            var (cups, sites) = await CatalogueAsync([request], cancellationToken);
            var plan = SessionMapping.ToPlan(request, "", cups, sites, v);
            if (plan is not null && v.IsValid)
            {
                v.Try("", () => session.AddCup(plan));
            }
        }, cancellationToken);

    /// <summary>Changes a planned cup (cup, site, technique, method, time, notes) before it goes on; it keeps its number.</summary>
    public Task<CommandResult<TreatmentSession>> ReplanCupAsync(Guid sessionId, Guid cupId, CupRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, async (session, v) =>
        {
            if (request.AppliedAt is not null || request.RemovedAt is not null)
            {
                v.Add("appliedAt", "a planned cup is changed here; record its application with POST …/cups/{cupApplicationId}/apply.");
            }
            var (cups, sites) = await CatalogueAsync([request], cancellationToken);
            var plan = SessionMapping.ToPlan(request, "", cups, sites, v);
            if (plan is not null && v.IsValid)
            {
                v.Try("", () => session.ReplanCup(cupId, plan));
            }
        }, cancellationToken, cup: cupId);

    /// <summary>Takes a cup that has not gone on off the plan (a blocked site, a change of mind): it leaves no record.</summary>
    public Task<CommandResult<TreatmentSession>> TakeOffPlanAsync(Guid sessionId, Guid cupId, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, _) => session.RemovePlannedCup(cupId), cancellationToken, cup: cupId);

    /// <summary>Replaces the notes and adjunct treatments of a session that is still open.</summary>
    public Task<CommandResult<TreatmentSession>> DescribeAsync(Guid sessionId, SessionNotesRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            var adjuncts = SessionMapping.ToAdjuncts(request.Adjuncts, v);
            if (v.IsValid)
            {
                v.Run("", () => session.Describe(request.Notes, adjuncts));
            }
        }, cancellationToken);

    /// <summary>Records vital signs taken before cups go on; screening reads the latest from then on.</summary>
    public Task<CommandResult<TreatmentSession>> RecordVitalsAsync(Guid sessionId, VitalsRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            if (SessionMapping.ToVitals(request, "", user.Actor, clock.GetUtcNow(), v) is { } vitals)
            {
                v.Run("", () => session.RecordVitals(vitals));
            }
        }, cancellationToken);

    /// <summary>
    /// Records that a cup went on the skin. The screening runs first, fresh: a block stops it; a finding that needs a
    /// reason (a site that has not cleared among them) needs that reason recorded.
    /// </summary>
    public Task<CommandResult<TreatmentSession>> ApplyCupAsync(Guid sessionId, Guid cupId, DateTimeOffset? at, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, async (session, v) =>
        {
            var cup = session.Cups.First(c => c.Id == cupId);
            if (session.IsOpen && cup.AppliedAt is null)
            {
                var screening = await SessionSafety.ScreenAsync(db, session, clock, cancellationToken: cancellationToken);
                if (SessionSafety.WhyNot(screening, session, cup) is { } why)
                {
                    throw new DomainStateException(why);
                }
            }
            v.Run("", () => session.ApplyCup(cupId, at?.ToUniversalTime() ?? clock.GetUtcNow()));
        }, cancellationToken, cup: cupId);

    public Task<CommandResult<TreatmentSession>> RemoveCupAsync(Guid sessionId, Guid cupId, CupEventRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            var grade = request.MarkGrade is { } g ? v.TryValue("", () => MarkGrade.FromGrade(g)) : null;
            var sensation = v.Parse<Sensation>("sensation", request.Sensation, required: false);
            if (v.IsValid)
            {
                v.Run("", () => session.RemoveCup(cupId, request.At?.ToUniversalTime() ?? clock.GetUtcNow(), grade, sensation));
            }
        }, cancellationToken, cup: cupId);

    /// <summary>Records the reason to go ahead despite a finding that asks for one (a screening rule, or a site not yet clear).</summary>
    public Task<CommandResult<TreatmentSession>> RecordOverrideAsync(Guid sessionId, OverrideRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            Guid? cupId = null;
            if (request.CupApplicationId is not null)
            {
                if (Guid.TryParse(request.CupApplicationId, out var parsed) && session.Cups.Any(c => c.Id == parsed))
                {
                    cupId = parsed;
                }
                else
                {
                    v.Add("cupApplicationId", "is not a cup of this session.");
                }
            }
            if (request.RuleId == Marks.SiteClearance.RuleId)
            {
                if (cupId is null)
                {
                    v.Add("cupApplicationId", "is required: a site that has not cleared is a finding about one cup.");
                }
            }
            else if (request.RuleId is null || Domain.Safety.ScreeningRuleSet.Standard.Rules.FirstOrDefault(r => r.Id == request.RuleId) is not { } rule)
            {
                v.Add("ruleId", $"is required: the id of a screening rule (GET /api/v1/screening/rules), or {Marks.SiteClearance.RuleId}.");
            }
            else if (rule.Severity != Domain.Safety.FindingSeverity.Override)
            {
                v.Add("ruleId", $"'{rule.Id}' is a {ApiJson.Name(rule.Severity)} rule: only override rules take a reason to go ahead.");
            }
            if (v.IsValid)
            {
                v.Run("", () => session.RecordOverride(request.RuleId!, cupId, request.Reason ?? string.Empty, user.Actor, clock));
            }
        }, cancellationToken);

    public async Task<CommandResult<TreatmentSession>> CompleteAsync(Guid sessionId, DateTimeOffset? at, CancellationToken cancellationToken = default)
    {
        var result = await CompleteOnlyAsync(sessionId, at, cancellationToken);
        if (result.IsDone)
        {
            mail.Wake();
        }
        return result;
    }

    private Task<CommandResult<TreatmentSession>> CompleteOnlyAsync(Guid sessionId, DateTimeOffset? at, CancellationToken cancellationToken) =>
        ChangeAsync(sessionId, async (session, v) =>
        {
            if (v.Run("", () => session.Complete(at?.ToUniversalTime() ?? clock.GetUtcNow())))
            {
                // In the same save as the completion: the aftercare mail exists exactly when the session is complete.
                await Mail.VisitMail.StageAftercareAsync(db, mail, session.PracticeId, session.ClientId, session.Id, cancellationToken);
            }
        }, cancellationToken);

    /// <summary>
    /// Amends a completed session: who (the login), why, and the new values; a stale version is refused. A darker
    /// mark pushes its site's date later: the booked visits that now fall before their sites clear are named.
    /// </summary>
    public async Task<CommandResult<TreatmentSession>> AmendAsync(Guid sessionId, AmendSessionRequest request, CancellationToken cancellationToken = default)
    {
        var clientId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (Guid?)s.ClientId).FirstOrDefaultAsync(cancellationToken);
        var before = clientId is { } c ? await appointments.VisitsBeforeTheirSitesClearAsync(c, cancellationToken) : [];
        var result = await AmendOnlyAsync(sessionId, request, cancellationToken);
        if (!result.IsDone)
        {
            return result;
        }
        var after = await appointments.VisitsBeforeTheirSitesClearAsync(result.Value!.ClientId, cancellationToken);
        var affected = after.Except(before, StringComparer.Ordinal).ToList();
        return affected.Count == 0 ? result : CommandResult<TreatmentSession>.Done(result.Value, affected);
    }

    private Task<CommandResult<TreatmentSession>> AmendOnlyAsync(Guid sessionId, AmendSessionRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            var adjuncts = request.Adjuncts is null ? null : SessionMapping.ToAdjuncts(request.Adjuncts, v);
            var cupChanges = new List<CupAmendment>();
            var items = request.Cups ?? [];
            for (var i = 0; i < items.Count; i++)
            {
                var c = items[i];
                var prefix = $"cups[{i}]";
                if (!Guid.TryParse(c.CupApplicationId, out var cupId) || session.Cups.All(x => x.Id != cupId))
                {
                    v.Add($"{prefix}.cupApplicationId", "is not a cup of this session.");
                    continue;
                }
                var grade = c.MarkGrade is { } g ? v.TryValue(prefix, () => MarkGrade.FromGrade(g)) : null;
                var sensation = v.Parse<Sensation>($"{prefix}.sensation", c.Sensation, required: false);
                var pressure = c.PressureMmHg is { } p ? v.TryValue(prefix, () => GaugePressure.FromMmHg(p, "pressureMmHg")) : null;
                var source = v.Parse<PressureSource>($"{prefix}.pressureSource", c.PressureSource, required: false);
                cupChanges.Add(new CupAmendment(cupId, grade, sensation, c.Notes, c.RemovedAt?.ToUniversalTime(), pressure, source));
            }
            if (v.IsValid)
            {
                v.Run("", () => session.Amend(user.Actor, request.Reason ?? string.Empty, new SessionAmendmentChanges(request.Notes, adjuncts, cupChanges), clock));
            }
        }, cancellationToken, request.Version, versionRequired: true);

    /// <summary>Discards a draft that will not go ahead: kept, flagged, with who and why; no longer among the sessions to finish.</summary>
    public Task<CommandResult<TreatmentSession>> DiscardAsync(Guid sessionId, DiscardSessionRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? "No reason given" : request.Reason;
            v.Run("", () => session.Discard(user.Actor, reason, clock));
        }, cancellationToken, request.Version);

    public Task<CommandResult<TreatmentSession>> MarkEnteredInErrorAsync(Guid sessionId, EnteredInErrorRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            v.Run("", () => session.MarkEnteredInError(user.Actor, request.Reason ?? string.Empty, clock));
        }, cancellationToken, request.Version, versionRequired: true);

    /// <summary>Loads a session for reading (no tracking), or null when it is not in the caller's practice.</summary>
    public Task<TreatmentSession?> FindAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        Load(tracking: false).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);

    private Task<CommandResult<TreatmentSession>> ChangeAsync(Guid sessionId, Action<TreatmentSession, RequestValidator> change,
        CancellationToken cancellationToken, int? expectedVersion = null, bool versionRequired = false, Guid? cup = null) =>
        ChangeAsync(sessionId, (session, v) =>
        {
            change(session, v);
            return Task.CompletedTask;
        }, cancellationToken, expectedVersion, versionRequired, cup);

    /// <summary>
    /// One unit of work: load the session (not found when it, or the <paramref name="cup"/> named, is not there), run
    /// the change, save once. Domain refusals become an outcome, not an exception; nothing is saved unless all of it
    /// succeeded.
    /// </summary>
    private async Task<CommandResult<TreatmentSession>> ChangeAsync(Guid sessionId, Func<TreatmentSession, RequestValidator, Task> change,
        CancellationToken cancellationToken, int? expectedVersion = null, bool versionRequired = false, Guid? cup = null)
    {
        var session = await Load(tracking: true).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || (cup is { } cupId && session.Cups.All(c => c.Id != cupId)))
        {
            return CommandResult<TreatmentSession>.NotFound();
        }
        var v = new RequestValidator();
        if (expectedVersion is { } expected)
        {
            if (expected != session.Version)
            {
                return CommandResult<TreatmentSession>.Stale(session.Version);
            }
            // Tell EF which version was read, so a change that lands between our read and our write is caught.
            db.Entry(session).Property(s => s.Version).OriginalValue = expected;
        }
        else if (versionRequired)
        {
            v.Add("version", "is required: send the version you read, so that a concurrent change is not lost.");
            return CommandResult<TreatmentSession>.Invalid(v);
        }
        try
        {
            await change(session, v);
        }
        catch (DomainStateException e)
        {
            return CommandResult<TreatmentSession>.Refused(e.Message);
        }
        catch (DomainValidationException e)
        {
            v.AddAll("", e);
        }
        if (!v.IsValid)
        {
            return CommandResult<TreatmentSession>.Invalid(v);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<TreatmentSession>.Stale();
        }
        return CommandResult<TreatmentSession>.Done(session);
    }

    private IQueryable<TreatmentSession> Load(bool tracking)
    {
        var query = db.Sessions.Include(s => s.Cups).Include(s => s.Amendments).AsSplitQuery();
        return tracking ? query : query.AsNoTracking();
    }

    /// <summary>The cups and sites a request names (and only those), keyed by id.</summary>
    private async Task<(Dictionary<string, Cup> Cups, Dictionary<string, BodySite> Sites)> CatalogueAsync(IReadOnlyList<CupRequest> requests, CancellationToken cancellationToken)
    {
        var cupIds = requests.Select(r => r.CupId).OfType<string>().Distinct().ToList();
        var siteIds = requests.Select(r => r.SiteId).OfType<string>().Distinct().ToList();
        var cups = await db.Cups.AsNoTracking().Where(c => cupIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        var sites = await db.BodySites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        return (cups, sites);
    }

    private async Task<Guid?> FindClientAsync(string? id, RequestValidator v, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var clientId) && await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return clientId;
        }
        v.Add("clientId", id is null ? "is required." : "is not a client of this practice.");
        return null;
    }

    private async Task<Guid?> FindPractitionerAsync(string? id, RequestValidator v, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(id, out var practitionerId) && await db.Practitioners.AnyAsync(p => p.Id == practitionerId, cancellationToken))
        {
            return practitionerId;
        }
        v.Add("practitionerId", id is null ? "is required: GET /api/v1/practitioners lists them." : "is not a practitioner of this practice.");
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
