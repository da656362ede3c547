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
        // Every field is checked before anything changes, and every refusal is reported at once.
        var checks = new Checks();
        var family = checks.Run(() => Guard.Required("familyName", d.FamilyName, 100), string.Empty);
        var given = checks.Run(() => Guard.Required("givenName", d.GivenName, 100), string.Empty);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (d.DateOfBirth > today)
        {
            checks.Fail("dateOfBirth", $"must not be in the future (today is {today:yyyy-MM-dd}).");
        }
        else if (d.DateOfBirth < today.AddYears(-130))
        {
            checks.Fail("dateOfBirth", "must be within the last 130 years.");
        }
        var email = checks.Run(() => Guard.Optional("email", d.Email, 254), null);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            checks.Fail("email", "must be an e-mail address such as name@example.org.");
        }
        var phone = checks.Run(() => Guard.Optional("phone", d.Phone, 40), null);
        d.HealthHistory.Validate(d.Sex, today, checks);
        checks.ThrowIfAny();

        FamilyName = family;
        GivenName = given;
        DateOfBirth = d.DateOfBirth;
        Sex = d.Sex;
        Email = email;
        Phone = phone;
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
