using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Sessions;

/// <summary>Another treatment given in the same visit: acupuncture points, massage, a facial product…</summary>
public sealed class AdjunctTreatment
{
    public AdjunctKind Kind { get; set; }

    /// <summary>What was done, such as the points needled ("GB21, SI14") or the product applied.</summary>
    public string Detail { get; set; } = string.Empty;
}

/// <summary>A practitioner's recorded reason to go ahead despite a screening finding of severity "override".</summary>
public sealed class SafetyOverride
{
    public string RuleId { get; set; } = string.Empty;

    /// <summary>The cup it concerns; null for a finding about the client as a whole.</summary>
    public Guid? CupApplicationId { get; set; }
    public string Reason { get; set; } = string.Empty;
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>One changed field in an amendment.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>What an amendment of a completed session changes; null leaves a part as it is.</summary>
public sealed record SessionAmendmentChanges(
    string? Notes,
    IReadOnlyList<AdjunctTreatment>? Adjuncts,
    IReadOnlyList<CupAmendment> Cups);

public enum AmendmentKind
{
    Amendment,
    EnteredInError,
    Discarded,
}

/// <summary>Who changed a completed record, when, why, and what changed.</summary>
public sealed class SessionAmendment
{
    private SessionAmendment()
    {
        AmendedBy = Reason = string.Empty;
        Changes = [];
    }

    internal SessionAmendment(Guid sessionId, Guid practiceId, AmendmentKind kind, DateTimeOffset at, string by, string reason, List<FieldChange> changes)
    {
        Id = Guid.NewGuid();
        SessionId = sessionId;
        PracticeId = practiceId;
        Kind = kind;
        AmendedAt = at;
        AmendedBy = by;
        Reason = reason;
        Changes = changes;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public Guid PracticeId { get; private set; }
    public AmendmentKind Kind { get; private set; }
    public DateTimeOffset AmendedAt { get; private set; }

    /// <summary>Who amended: the signed-in login's name (its e-mail).</summary>
    public string AmendedBy { get; private set; }
    public string Reason { get; private set; }
    public List<FieldChange> Changes { get; private set; }
}

/// <summary>
/// A cupping session: the aggregate of its cup applications. It changes only through methods that check
/// its state; a completed session is amended (who, when, why), never overwritten, and "entered in error"
/// replaces delete.
/// </summary>
public sealed class TreatmentSession
{
    private readonly List<CupApplication> _cups = [];
    private readonly List<SessionAmendment> _amendments = [];

    private TreatmentSession()
    {
        Adjuncts = [];
        Overrides = [];
        Vitals = [];
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid PractitionerId { get; private set; }

    /// <summary>The treatment plan this session belongs to, if any.</summary>
    public Guid? PlanId { get; private set; }
    public SessionStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? Notes { get; private set; }
    public List<AdjunctTreatment> Adjuncts { get; private set; }

    /// <summary>Reasons recorded to go ahead despite screening findings; kept with the session (audited).</summary>
    public List<SafetyOverride> Overrides { get; private set; }
    public IReadOnlyList<CupApplication> Cups => _cups;

    /// <summary>Vital signs taken at the start, in the order taken; screening reads the latest value of each sign.</summary>
    public List<VitalSigns> Vitals { get; private set; }
    public IReadOnlyList<SessionAmendment> Amendments => _amendments;

    /// <summary>Starts at 1 and rises by one with every change; callers send it back to detect concurrent edits.</summary>
    public int Version { get; private set; }

    /// <summary>Puts the session under a plan of the same client (the caller checks the plan is the client's).</summary>
    public void LinkToPlan(Guid planId)
    {
        PlanId = planId;
    }

    public static TreatmentSession Create(Guid id, Guid practiceId, Guid clientId, Guid practitionerId,
        string? notes, IEnumerable<AdjunctTreatment> adjuncts, TimeProvider clock)
    {
        var session = new TreatmentSession
        {
            Id = id,
            PracticeId = practiceId,
            ClientId = clientId,
            PractitionerId = practitionerId,
            Status = SessionStatus.Draft,
            CreatedAt = clock.GetUtcNow(),
            Notes = Guard.Optional("notes", notes, 8000),
            Adjuncts = CheckAdjuncts(adjuncts),
            Overrides = [],
            Vitals = [],
            Version = 1,
        };
        return session;
    }

    /// <summary>The most cups one session holds: more than any body or face takes at once.</summary>
    public const int MaxCups = 60;

    /// <summary>The most other treatments recorded with one session.</summary>
    public const int MaxAdjuncts = 20;

    /// <summary>Adds a planned cup; only while the session is open.</summary>
    public CupApplication AddCup(CupPlan plan)
    {
        EnsureOpen("add a cup");
        if (_cups.Count >= MaxCups)
        {
            throw new DomainValidationException("cups", $"a session holds at most {MaxCups} cups.");
        }
        // Highest + 1, not count + 1: a cup taken off the plan leaves a gap, never a second cup with one number.
        var number = _cups.Count == 0 ? 1 : _cups.Max(c => c.Number) + 1;
        var cup = CupApplication.Plan(Id, PracticeId, number, plan);
        _cups.Add(cup);
        Version++;
        return cup;
    }

    /// <summary>Changes a planned cup (cup, technique, method, duration, notes) before it is applied; it keeps its number.</summary>
    public CupApplication ReplanCup(Guid cupApplicationId, CupPlan plan)
    {
        EnsureOpen("change a planned cup");
        var cup = Find(cupApplicationId);
        if (cup.AppliedAt is not null)
        {
            throw new DomainStateException($"Cup {cup.Number} is already on the skin; it can no longer be changed.");
        }
        var replacement = CupApplication.Plan(Id, PracticeId, cup.Number, plan);
        cup.TakePlanFrom(replacement);
        Version++;
        return cup;
    }

    /// <summary>Replaces the notes and adjunct treatments of a session that is still open.</summary>
    public void Describe(string? notes, IEnumerable<AdjunctTreatment> adjuncts)
    {
        EnsureOpen("change the notes");
        var checkedNotes = Guard.Optional("notes", notes, 8000);
        var checkedAdjuncts = CheckAdjuncts(adjuncts);
        Notes = checkedNotes;
        Adjuncts = checkedAdjuncts;
        Version++;
    }

    /// <summary>Records why the session goes ahead despite a screening finding that needs a reason.</summary>
    public SafetyOverride RecordOverride(string ruleId, Guid? cupApplicationId, string reason, string by, TimeProvider clock)
    {
        EnsureOpen("record a reason to go ahead");
        var rule = Guard.Required("ruleId", ruleId, 100);
        var why = Guard.Required("reason", reason, 2000);
        var who = Guard.Required("recordedBy", by, 200);
        if (cupApplicationId is { } cupId)
        {
            Find(cupId);
        }
        var entry = new SafetyOverride { RuleId = rule, CupApplicationId = cupApplicationId, Reason = why, RecordedBy = who, RecordedAt = clock.GetUtcNow() };
        Overrides.Add(entry);
        Version++;
        return entry;
    }

    /// <summary>Records vital signs taken before cups go on; a second reading is kept beside the first, never over it.</summary>
    public VitalSigns RecordVitals(VitalSigns reading)
    {
        EnsureOpen("record vital signs");
        if (Vitals.Count >= MaxVitalReadings)
        {
            throw new DomainValidationException("vitals", $"a session keeps at most {MaxVitalReadings} readings.");
        }
        Vitals.Add(reading);
        Version++;
        return reading;
    }

    public const int MaxVitalReadings = 20;

    /// <summary>True when a reason to go ahead has been recorded for this rule (and cup, or the whole client).</summary>
    public bool HasOverride(string ruleId, Guid? cupApplicationId, bool onVitalSigns = false) => OverrideFor(ruleId, cupApplicationId, onVitalSigns) is not null;

    /// <summary>
    /// The reason recorded for this rule (and cup, or the whole client), or null. A reason given for a finding on
    /// the vital signs holds only for the readings it was given on: a reading taken after it needs its own.
    /// </summary>
    public SafetyOverride? OverrideFor(string ruleId, Guid? cupApplicationId, bool onVitalSigns = false)
    {
        var since = onVitalSigns && Vitals.Count > 0 ? Vitals.Max(v => v.TakenAt) : DateTimeOffset.MinValue;
        return Overrides.LastOrDefault(o => o.RuleId == ruleId && (o.CupApplicationId == cupApplicationId || o.CupApplicationId is null) && o.RecordedAt >= since);
    }

    /// <summary>Takes a cup off the plan before it has been applied.</summary>
    public void RemovePlannedCup(Guid cupApplicationId)
    {
        EnsureOpen("remove a planned cup");
        var cup = Find(cupApplicationId);
        if (cup.AppliedAt is not null)
        {
            throw new DomainStateException($"Cup {cup.Number} is already on the skin; record its removal instead.");
        }
        _cups.Remove(cup);
        Version++;
    }

    public void Start(DateTimeOffset at)
    {
        if (Status != SessionStatus.Draft)
        {
            throw new DomainStateException($"Only a draft session can be started; this one is {Describe(Status)}.");
        }
        Status = SessionStatus.InProgress;
        StartedAt = at;
        Version++;
    }

    /// <summary>Records that a cup went on the skin; starts the session if it is still a draft.</summary>
    public void ApplyCup(Guid cupApplicationId, DateTimeOffset at)
    {
        EnsureOpen("apply a cup");
        if (Status == SessionStatus.Draft)
        {
            Start(at);
        }
        if (StartedAt is { } started && at < started)
        {
            throw new DomainValidationException("appliedAt", $"must not be before the session started ({started:u}).");
        }
        Find(cupApplicationId).Apply(at);
        Version++;
    }

    /// <summary>Records that a cup came off, with the mark it left and what the client felt.</summary>
    public void RemoveCup(Guid cupApplicationId, DateTimeOffset at, MarkGrade? grade, Sensation? sensation)
    {
        EnsureOpen("remove a cup");
        Find(cupApplicationId).TakeOff(at, grade, sensation);
        Version++;
    }

    public void Complete(DateTimeOffset at)
    {
        if (Status != SessionStatus.InProgress)
        {
            throw new DomainStateException(Status == SessionStatus.Draft
                ? "No cup has been applied yet: apply a cup to start the session, or discard the draft."
                : $"Only a session in progress can be completed; this one is {Describe(Status)}.");
        }
        if (StartedAt is { } started && at < started)
        {
            throw new DomainValidationException("endedAt", $"must not be before the session started ({started:u}).");
        }
        var ordered = _cups.OrderBy(c => c.Number).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var cup = ordered[i];
            if (cup.AppliedAt is null)
            {
                throw new DomainValidationException($"cups[{i}].appliedAt", $"cup {cup.Number} was planned but never applied: apply it or take it off the plan before completing.");
            }
            if (cup.RemovedAt is not { } removed)
            {
                throw new DomainValidationException($"cups[{i}].removedAt", $"cup {cup.Number} is still on the skin: record its removal before completing.");
            }
            if (removed > at)
            {
                throw new DomainValidationException("endedAt", $"must not be before cup {cup.Number} was removed ({removed:u}).");
            }
        }
        Status = SessionStatus.Completed;
        EndedAt = at;
        Version++;
    }

    /// <summary>Amends a completed session, keeping who, when, why and what changed.</summary>
    public SessionAmendment Amend(string by, string reason, SessionAmendmentChanges changes, TimeProvider clock)
    {
        if (Status != SessionStatus.Completed)
        {
            throw new DomainStateException(Status switch
            {
                SessionStatus.EnteredInError => "A session entered in error cannot be amended.",
                SessionStatus.Discarded => "A discarded draft cannot be amended.",
                SessionStatus.Draft or SessionStatus.InProgress => $"Only a completed session is amended; a session that is {Describe(Status)} is still changed directly.",
                SessionStatus.Completed => "Only a completed session is amended.",
            });
        }
        by = Guard.Required("amendedBy", by, 200);
        reason = Guard.Required("reason", reason, 2000);
        var notes = changes.Notes is null ? Notes : Guard.Optional("notes", changes.Notes, 8000);
        var adjuncts = changes.Adjuncts is null ? null : CheckAdjuncts(changes.Adjuncts);
        var targets = changes.Cups.Select((c, i) => (Change: c, Cup: _cups.FirstOrDefault(x => x.Id == c.CupApplicationId)
            ?? throw new DomainValidationException($"cups[{i}].cupApplicationId", $"'{c.CupApplicationId}' is not a cup of this session."))).ToList();

        var changed = new List<FieldChange>();
        if (notes != Notes)
        {
            changed.Add(new FieldChange("notes", Notes, notes));
            Notes = notes;
        }
        if (adjuncts is not null)
        {
            var before = Describe(Adjuncts);
            var after = Describe(adjuncts);
            if (before != after)
            {
                changed.Add(new FieldChange("adjuncts", before, after));
                Adjuncts = adjuncts;
            }
        }
        foreach (var (change, cup) in targets)
        {
            changed.AddRange(cup.Amend(change));
        }
        if (changed.Count == 0)
        {
            throw new DomainValidationException("changes", "it changes nothing: give a new mark grade, notes or other value first.");
        }
        var amendment = new SessionAmendment(Id, PracticeId, AmendmentKind.Amendment, clock.GetUtcNow(), by, reason, changed);
        _amendments.Add(amendment);
        Version++;
        return amendment;
    }

    /// <summary>
    /// Keeps, as an amendment, a measurement added to a completed session afterwards (a pain score taken after the
    /// session was closed): who, when, why and what, like any other change to a completed record.
    /// </summary>
    public SessionAmendment NoteAddedMeasurement(string by, string reason, string what, TimeProvider clock)
    {
        if (Status != SessionStatus.Completed)
        {
            throw new DomainStateException(IsOpen
                ? "The session is still open: measurements are recorded with it directly."
                : $"A session that is {Describe(Status)} takes no measurements.");
        }
        by = Guard.Required("amendedBy", by, 200);
        reason = Guard.Required("reason", reason, 2000);
        var amendment = new SessionAmendment(Id, PracticeId, AmendmentKind.Amendment, clock.GetUtcNow(), by, reason,
            [new FieldChange("outcomes", null, Guard.Required("outcome", what, 500))]);
        _amendments.Add(amendment);
        Version++;
        return amendment;
    }

    /// <summary>
    /// Discards a draft that will not go ahead (the visit was cancelled, the plan was made twice): it is kept,
    /// flagged, with who and why, and no longer waits to be finished. Only a draft: no cup has touched the skin.
    /// </summary>
    public SessionAmendment Discard(string by, string reason, TimeProvider clock)
    {
        if (Status != SessionStatus.Draft)
        {
            throw new DomainStateException(Status == SessionStatus.InProgress
                ? "Only a draft can be discarded; this session is under way: take any cup that is still planned off the plan, record the removal of those on the skin, and complete it."
                : $"Only a draft can be discarded; this session is {Describe(Status)}.");
        }
        by = Guard.Required("amendedBy", by, 200);
        reason = Guard.Required("reason", reason, 2000);
        var amendment = new SessionAmendment(Id, PracticeId, AmendmentKind.Discarded, clock.GetUtcNow(), by, reason,
            [new FieldChange("status", Describe(Status), Describe(SessionStatus.Discarded))]);
        Status = SessionStatus.Discarded;
        _amendments.Add(amendment);
        Version++;
        return amendment;
    }

    /// <summary>Marks the whole record as entered in error: it stays, flagged, instead of being deleted.</summary>
    public SessionAmendment MarkEnteredInError(string by, string reason, TimeProvider clock)
    {
        if (Status == SessionStatus.EnteredInError)
        {
            throw new DomainStateException("The session is already marked as entered in error.");
        }
        if (Status == SessionStatus.Discarded)
        {
            throw new DomainStateException("The session was discarded as a draft; there is nothing to mark as entered in error.");
        }
        by = Guard.Required("amendedBy", by, 200);
        reason = Guard.Required("reason", reason, 2000);
        var amendment = new SessionAmendment(Id, PracticeId, AmendmentKind.EnteredInError, clock.GetUtcNow(), by, reason,
            [new FieldChange("status", Describe(Status), Describe(SessionStatus.EnteredInError))]);
        Status = SessionStatus.EnteredInError;
        _amendments.Add(amendment);
        Version++;
        return amendment;
    }

    private CupApplication Find(Guid cupApplicationId) =>
        _cups.FirstOrDefault(c => c.Id == cupApplicationId)
        ?? throw new DomainValidationException("cupApplicationId", $"'{cupApplicationId}' is not a cup of this session.");

    private void EnsureOpen(string what)
    {
        if (!IsOpen)
        {
            throw new DomainStateException(Status == SessionStatus.Completed
                ? $"Cannot {what}: the session is completed; a completed session is changed by an amendment with a reason."
                : $"Cannot {what}: the session is {Describe(Status)}.");
        }
    }

    private static List<AdjunctTreatment> CheckAdjuncts(IEnumerable<AdjunctTreatment> adjuncts)
    {
        var list = adjuncts.ToList();
        if (list.Count > MaxAdjuncts)
        {
            throw new DomainValidationException("adjuncts", $"must have at most {MaxAdjuncts} items; got {list.Count}.");
        }
        for (var i = 0; i < list.Count; i++)
        {
            list[i] = new AdjunctTreatment { Kind = list[i].Kind, Detail = Guard.Required($"adjuncts[{i}].detail", list[i].Detail, 1000) };
        }
        return list;
    }

    /// <summary>A status as people say it ("in progress"), for messages and the amendment history.</summary>
    public static string Describe(SessionStatus status) => status switch
    {
        SessionStatus.Draft => "planned, not started",
        SessionStatus.InProgress => "in progress",
        SessionStatus.Completed => "completed",
        SessionStatus.EnteredInError => "entered in error",
        SessionStatus.Discarded => "discarded",
    };

    /// <summary>True while cups may still be planned, applied and removed.</summary>
    public bool IsOpen => Status is SessionStatus.Draft or SessionStatus.InProgress;

    private static string Describe(IEnumerable<AdjunctTreatment> adjuncts) =>
        string.Join("; ", adjuncts.Select(a => $"{a.Kind}: {a.Detail}"));
}
