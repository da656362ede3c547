using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Marks;

/// <summary>Who looked at the mark.</summary>
public enum ObservationSource
{
    Practitioner,
    Client,
}

/// <summary>
/// A follow-up look at a site on a later date: the mark seen at a grade, or clear (grade 0). These teach the
/// forecast how this client's marks clear (docs/marks.md).
/// </summary>
public sealed class MarkFollowUp
{
    private MarkFollowUp()
    {
        SiteId = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public string SiteId { get; private set; }
    public BodySide Side { get; private set; }
    public DateTimeOffset ObservedAt { get; private set; }
    public MarkGrade Grade { get; private set; }
    public ObservationSource Source { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static MarkFollowUp Record(Guid practiceId, Guid clientId, BodySite site, BodySide side, DateTimeOffset observedAt, MarkGrade grade,
        ObservationSource source, string? notes, TimeProvider clock)
    {
        site.CheckSide(side, "side");
        var now = clock.GetUtcNow();
        if (observedAt > now.AddMinutes(5))
        {
            throw new DomainValidationException("observedAt", $"must not be in the future (now is {now:u}).");
        }
        return new MarkFollowUp
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            ClientId = clientId,
            SiteId = site.Id,
            Side = side,
            ObservedAt = observedAt,
            Grade = grade,
            Source = source,
            Notes = Guard.Optional("notes", notes, 2000),
            RecordedAt = now,
        };
    }

    public MarkObservation ToObservation() => new(SiteId, Side, ObservedAt, Grade);
}
