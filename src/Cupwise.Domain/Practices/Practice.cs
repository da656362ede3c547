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
}
