using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Clients;

/// <summary>Administrative sex, as FHIR's AdministrativeGender.</summary>
public enum Sex
{
    Female,
    Male,
    Other,
    Unknown,
}

/// <summary>The identity and contact part of a client record, validated as a whole.</summary>
public sealed record ClientDetails(
    string FamilyName,
    string GivenName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Email,
    string? Phone,
    HealthHistory HealthHistory);

/// <summary>
/// A person who receives treatment. Every change raises <see cref="Version"/>, which callers use to
/// detect concurrent edits; the previous state is kept as a <see cref="ClientRevision"/>.
/// </summary>
public sealed class Client
{
    private Client()
    {
        FamilyName = GivenName = string.Empty;
        HealthHistory = new HealthHistory();
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public string FamilyName { get; private set; }
    public string GivenName { get; private set; }
    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public HealthHistory HealthHistory { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Starts at 1 and rises by one with every change.</summary>
    public int Version { get; private set; }

    public string DisplayName => $"{GivenName} {FamilyName}";

    public static Client Create(Guid id, Guid practiceId, ClientDetails details, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var client = new Client { Id = id, PracticeId = practiceId, CreatedAt = now, Version = 0 };
        client.Apply(details, now);
        return client;
    }

    /// <summary>Replaces the details, returning a revision that keeps what was there before.</summary>
    public ClientRevision Update(ClientDetails details, TimeProvider clock, string? changedBy)
    {
        var before = ClientRevision.Capture(this, clock.GetUtcNow(), changedBy);
        Apply(details, clock.GetUtcNow());
        return before;
    }

    /// <summary>Age in whole years on a date.</summary>
    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        if (DateOfBirth.AddYears(age) > date)
        {
            age--;
        }
        return age;
    }

    private void Apply(ClientDetails d, DateTimeOffset now)
    {
        FamilyName = Guard.Required("familyName", d.FamilyName, 100);
        GivenName = Guard.Required("givenName", d.GivenName, 100);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (d.DateOfBirth > today)
        {
            throw new DomainValidationException("dateOfBirth", $"must not be in the future (today is {today:yyyy-MM-dd}).");
        }
        if (d.DateOfBirth < today.AddYears(-130))
        {
            throw new DomainValidationException("dateOfBirth", "must be within the last 130 years.");
        }
        DateOfBirth = d.DateOfBirth;
        Sex = d.Sex;
        Email = Guard.Optional("email", d.Email, 254);
        if (Email is not null && (!Email.Contains('@', StringComparison.Ordinal) || Email.StartsWith('@') || Email.EndsWith('@')))
        {
            throw new DomainValidationException("email", "must be an e-mail address such as name@example.org.");
        }
        Phone = Guard.Optional("phone", d.Phone, 40);
        d.HealthHistory.Validate(d.Sex);
        HealthHistory = d.HealthHistory;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A snapshot of a client record before a change: clinical records are amended, never silently overwritten.</summary>
public sealed class ClientRevision
{
    private ClientRevision()
    {
        Snapshot = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }

    /// <summary>The version this snapshot holds.</summary>
    public int Version { get; private set; }
    public DateTimeOffset ReplacedAt { get; private set; }
    public string? ReplacedBy { get; private set; }

    /// <summary>The client's details at <see cref="Version"/>, as JSON.</summary>
    public string Snapshot { get; private set; }

    internal static ClientRevision Capture(Client client, DateTimeOffset at, string? by) => new()
    {
        Id = Guid.NewGuid(),
        PracticeId = client.PracticeId,
        ClientId = client.Id,
        Version = client.Version,
        ReplacedAt = at,
        ReplacedBy = by,
        Snapshot = System.Text.Json.JsonSerializer.Serialize(
            new ClientDetails(client.FamilyName, client.GivenName, client.DateOfBirth, client.Sex, client.Email, client.Phone, client.HealthHistory),
            StandardCatalogue.JsonOptions),
    };
}
