using System.ComponentModel;
using Cupwise.Domain.Clients;

namespace Cupwise.Clients;

/// <summary>A client's identity, contact and health history, as sent to create or replace a client.</summary>
public sealed record ClientRequest(
    [property: Description("Family name; required, at most 100 characters.")] string? FamilyName,
    [property: Description("Given name; required, at most 100 characters.")] string? GivenName,
    [property: Description("Date of birth, ISO 8601 (1990-04-02); not in the future.")] DateOnly? DateOfBirth,
    [property: Description("female, male, other or unknown.")] string? Sex,
    string? Email,
    string? Phone,
    HealthHistoryDto? HealthHistory,
    [property: Description("On PUT: the version you read (GET returns it). A stale version gives 409.")] int? Version = null);

public sealed record HealthHistoryDto(
    IReadOnlyList<ConditionDto>? Conditions,
    IReadOnlyList<MedicationDto>? Medications,
    [property: Description("Present only when pregnant.")] PregnancyDto? Pregnancy,
    IReadOnlyList<SkinFindingDto>? SkinFindings,
    IReadOnlyList<AllergyDto>? Allergies,
    string? Notes);

public sealed record ConditionDto(string? Name,
    [property: Description("ICD-10 code where known, such as E11.9; without one the condition is read by its words (\"not coded\").")] string? Icd10,
    [property: Description("active (the default), resolved or history-of. Screening's active-only rules read active conditions only.")] string? Status,
    [property: Description("When it began: a year, a month or a day (2019, 2019-05, 2019-05-14).")] string? Onset,
    string? Notes);

public sealed record MedicationDto(
    [property: Description("The medicine's name or brand, without the dose (\"Warfarin\").")] string? Name,
    [property: Description("As prescribed, such as 5 mg once a day.")] string? Dose,
    [property: Description("How it is taken, such as by mouth.")] string? Route,
    [property: Description("ATC code where known, such as B01AA03.")] string? Atc,
    [property: Description("True for an anticoagulant or antiplatelet medicine that is not on Cupwise's list.")] bool? AnticoagulantOrAntiplatelet);

public sealed record PregnancyDto([property: Description("Completed weeks, 0 to 45.")] int Weeks);

public sealed record SkinFindingDto(
    [property: Description("A body-site id from GET /api/v1/sites.")] string? SiteId,
    [property: Description("none, left or right, as the site allows.")] string? Side,
    [property: Description("broken-skin, ulcer, infection, allergic-rash, tumour, fresh-scar, scar, varicose-veins, lesion, skin-graft, lymphoedema, bruise, other, sunburn, recent-injury or recent-surgery.")] string? Kind,
    string? Notes);

public sealed record AllergyDto(
    [property: Description("What the client reacts to, as written or picked, such as Almond oil or Latex.")] string? Substance,
    [property: Description("What happens, such as itchy rash or anaphylaxis.")] string? Reaction,
    [property: Description("mild, moderate or severe; left out when not known.")] string? Severity = null,
    [property: Description("active (the default) or resolved. Screening reads active allergies only.")] string? Status = null);

public sealed record ClientResponse(
    string Id,
    string FamilyName,
    string GivenName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Email,
    string? Phone,
    HealthHistoryDto HealthHistory,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A client's identity and contact, without the health history: what the front desk changes.</summary>
public sealed record ClientContactRequest(
    [property: Description("Family name; required, at most 100 characters.")] string? FamilyName,
    [property: Description("Given name; required, at most 100 characters.")] string? GivenName,
    [property: Description("Date of birth, ISO 8601 (1990-04-02); not in the future.")] DateOnly? DateOfBirth,
    [property: Description("female, male, other or unknown.")] string? Sex,
    string? Email,
    string? Phone,
    [property: Description("The version you read (GET …/contact returns it). A stale version gives 409.")] int? Version);

public sealed record ClientContactResponse(string Id, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex, string? Email, string? Phone, int Version)
{
    public static ClientContactResponse Of(Client c) => new(c.Id.ToString(), c.FamilyName, c.GivenName, c.DateOfBirth, c.Sex, c.Email, c.Phone, c.Version);
}

public sealed record ClientSummary(string Id, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex);

/// <summary>One page of a list, with the total number of matches.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A search of the client list by name, sent as a body rather than in the address.</summary>
public sealed record ClientSearchRequest
{
    [Description("Matches given or family name, case-insensitively; at most 100 characters.")]
    public string? Search { get; init; }

    [Description("Page number, from 1.")]
    public int? Page { get; init; }

    [Description("Order: name (default), -name, dateOfBirth, -dateOfBirth, created or -created. Anything else is refused.")]
    public string? Sort { get; init; }

    [Description("Clients per page, 1 to 100; 25 if not given.")]
    public int? PageSize { get; init; }
}

/// <summary>Query parameters of the client list.</summary>
public sealed record ClientListQuery
{
    [Description("Not taken here: a name in the address ends up in logs. Use POST /api/v1/clients/search.")]
    public string? Search { get; init; }

    [Description("Page number, from 1.")]
    public int? Page { get; init; }

    [Description("Order: name (default), -name, dateOfBirth, -dateOfBirth, created or -created. Anything else is refused.")]
    public string? Sort { get; init; }

    [Description("Clients per page, 1 to 100; 25 if not given.")]
    public int? PageSize { get; init; }
}
