namespace Cupwise.Domain.Sessions;

/// <summary>What went wrong (SCIENCE.md §5: the adverse events reported with cupping).</summary>
public enum AdverseEventKind
{
    Burn,
    Blister,
    Scar,
    SkinInfection,
    Fainting,
    Dizziness,
    Nausea,
    /// <summary>A bruise or mark well beyond the grade expected.</summary>
    UnexpectedBruising,
    /// <summary>New psoriasis lesions where cups were (Koebner phenomenon).</summary>
    KoebnerReaction,
    Other,
}

public enum AdverseEventSeverity
{
    Mild,
    Moderate,
    Severe,
}

/// <summary>
/// An adverse event linked to a session, recorded when it happened or when the client reported it. Part of the
/// clinical record: corrected by a new record and an entered-in-error flag, never deleted.
/// </summary>
public sealed class AdverseEvent
{
    private AdverseEvent()
    {
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid SessionId { get; private set; }
    public AdverseEventKind Kind { get; private set; }
    public AdverseEventSeverity Severity { get; private set; }
    public string? SiteId { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public bool EnteredInError { get; private set; }

    public static AdverseEvent Record(Guid practiceId, TreatmentSession session, AdverseEventKind kind, AdverseEventSeverity severity, string? siteId,
        string? notes, DateTimeOffset? occurredAt, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var at = occurredAt ?? now;
        if (at > now.AddMinutes(5))
        {
            throw new DomainValidationException("occurredAt", $"must not be in the future (now is {now:u}).");
        }
        if (at < (session.StartedAt ?? session.CreatedAt).AddHours(-1))
        {
            throw new DomainValidationException("occurredAt", "must be during or after the session.");
        }
        if (kind == AdverseEventKind.Other && string.IsNullOrWhiteSpace(notes))
        {
            throw new DomainValidationException("notes", "are required for an adverse event of kind 'other': say what happened.");
        }
        return new AdverseEvent
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            ClientId = session.ClientId,
            SessionId = session.Id,
            Kind = kind,
            Severity = severity,
            SiteId = siteId,
            Notes = Guard.Optional("notes", notes, 2000),
            OccurredAt = at,
            RecordedAt = now,
        };
    }
}
