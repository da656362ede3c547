namespace Cupwise.Domain.Practices;

/// <summary>A practice: the tenant that every row of client data belongs to.</summary>
public sealed class Practice
{
    private Practice()
    {
        Name = string.Empty;
    }

    public Practice(Guid id, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Name = Guard.Required("name", name, 200);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The practice's IANA time zone (for example Europe/Berlin): working hours and the times people read are in it.</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    /// <summary>SCIENCE.md §2: at least 3 days between sessions on one site by default; a practice may ask for more.</summary>
    public int MinimumSiteIntervalDays { get; private set; } = DefaultMinimumSiteIntervalDays;

    public const int DefaultMinimumSiteIntervalDays = 3;

    /// <summary>Whether owners and practitioners must sign in with an authenticator code as well as their password.</summary>
    public bool RequireTwoStepSignIn { get; private set; }

    public void SetTwoStepSignIn(bool required) => RequireTwoStepSignIn = required;

    /// <summary>
    /// Whether a practitioner sees only the clients in their care (those they added, charted or booked) unless an
    /// owner grants time-boxed access. Off: every practitioner of the practice sees every client.
    /// </summary>
    public bool PractitionersSeeOwnClientsOnly { get; private set; }

    public void SetPractitionersSeeOwnClientsOnly(bool ownOnly) => PractitionersSeeOwnClientsOnly = ownOnly;

    public TimeZoneInfo TimeZone => FindTimeZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    public void ChangeSettings(string timeZoneId, int minimumSiteIntervalDays)
    {
        var errors = new List<FieldError>();
        if (FindTimeZone(timeZoneId) is null)
        {
            errors.Add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin, America/New_York or UTC."));
        }
        if (minimumSiteIntervalDays is < 3 or > 60)
        {
            errors.Add(new FieldError("minimumSiteIntervalDays", "must be 3 to 60 days (SCIENCE.md §2: at least 3 days between sessions on one site)."));
        }
        if (errors.Count > 0)
        {
            throw DomainValidationException.Many(errors);
        }
        TimeZoneId = FindTimeZone(timeZoneId)!.Id;
        MinimumSiteIntervalDays = minimumSiteIntervalDays;
    }

    private static TimeZoneInfo? FindTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
}

/// <summary>A person who gives treatments in a practice.</summary>
public sealed class Practitioner
{
    private Practitioner()
    {
        DisplayName = string.Empty;
    }

    public Practitioner(Guid id, Guid practiceId, string displayName, string? profession, DateTimeOffset createdAt)
    {
        Id = id;
        PracticeId = practiceId;
        DisplayName = Guard.Required("displayName", displayName, 200);
        Profession = Guard.Optional("profession", profession, 200);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public string DisplayName { get; private set; }

    /// <summary>For example acupuncturist, massage therapist, physiotherapist, esthetician.</summary>
    public string? Profession { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When this practitioner sees clients, in practice time; Monday to Friday 09:00–17:00 until set.</summary>
    public List<Scheduling.WorkingHours> WorkingHours { get; private set; } = [.. Scheduling.WorkingHours.Default];

    public void SetWorkingHours(IReadOnlyList<Scheduling.WorkingHours> hours)
    {
        WorkingHours = [.. Scheduling.WorkingHours.Validate(hours)];
    }
}
