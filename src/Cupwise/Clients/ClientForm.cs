using System.Globalization;
using Cupwise.Api;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;

namespace Cupwise.Clients;

/// <summary>The client form of the web app: lists as one item per line, skin findings as rows.</summary>
public sealed class ClientForm
{
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string Sex { get; set; } = "unknown";
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>One per line: "name; ICD-10".</summary>
    public string? Conditions { get; set; }

    /// <summary>One per line: "name; dose; anticoagulant|antiplatelet".</summary>
    public string? Medications { get; set; }

    public bool Pregnant { get; set; }
    public int? PregnancyWeeks { get; set; }
    public List<SkinRow> Skin { get; set; } = [];

    /// <summary>One per line: "substance; reaction".</summary>
    public string? Allergies { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }

    public sealed class SkinRow
    {
        public string? SiteId { get; set; }
        public string? Side { get; set; }
        public string? Kind { get; set; }
        public string? Notes { get; set; }
    }

    public static ClientForm From(Client c)
    {
        var h = c.HealthHistory;
        var form = new ClientForm
        {
            FamilyName = c.FamilyName,
            GivenName = c.GivenName,
            DateOfBirth = c.DateOfBirth,
            Sex = ApiJson.Name(c.Sex),
            Email = c.Email,
            Phone = c.Phone,
            Conditions = string.Join('\n', h.Conditions.Select(x => x.Icd10 is null ? x.Name : $"{x.Name}; {x.Icd10}")),
            Medications = string.Join('\n', h.Medications.Select(x => string.Join("; ",
                new[] { x.Name, x.Dose ?? "", x.AnticoagulantOrAntiplatelet ? "anticoagulant" : "" }.Reverse().SkipWhile(string.IsNullOrEmpty).Reverse()))),
            Pregnant = h.Pregnancy is not null,
            PregnancyWeeks = h.Pregnancy?.Weeks,
            Skin = [.. h.SkinFindings.Select(f => new SkinRow { SiteId = f.SiteId, Side = ApiJson.Name(f.Side), Kind = ApiJson.Name(f.Kind), Notes = f.Notes })],
            Allergies = string.Join('\n', h.Allergies.Select(x => x.Reaction is null ? x.Substance : $"{x.Substance}; {x.Reaction}")),
            Notes = h.Notes,
            Version = c.Version,
        };
        return form;
    }

    /// <summary>The form as the API's request, so both go through the same checks.</summary>
    public ClientRequest ToRequest() => new(
        FamilyName, GivenName, DateOfBirth, Sex, Email, Phone,
        new HealthHistoryDto(
            [.. Lines(Conditions).Select(p => new ConditionDto(p[0], p.ElementAtOrDefault(1), true, null))],
            [.. Lines(Medications).Select(p => new MedicationDto(p[0], p.ElementAtOrDefault(1),
                p.Skip(2).Any(x => x.Contains("anticoag", StringComparison.OrdinalIgnoreCase) || x.Contains("antiplatelet", StringComparison.OrdinalIgnoreCase))))],
            Pregnant ? new PregnancyDto(PregnancyWeeks ?? 0) : null,
            [.. Skin.Where(r => !string.IsNullOrWhiteSpace(r.SiteId)).Select(r => new SkinFindingDto(r.SiteId, r.Side, r.Kind, r.Notes))],
            [.. Lines(Allergies).Select(p => new AllergyDto(p[0], p.ElementAtOrDefault(1)))],
            Notes),
        Version);

    private static IEnumerable<string[]> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(';', StringSplitOptions.TrimEntries));

    /// <summary>Which form field an API field error belongs next to.</summary>
    public static string FieldFor(string apiField)
    {
        if (apiField.StartsWith("healthHistory.conditions", StringComparison.Ordinal)) { return nameof(Conditions); }
        if (apiField.StartsWith("healthHistory.medications", StringComparison.Ordinal)) { return nameof(Medications); }
        if (apiField.StartsWith("healthHistory.pregnancy", StringComparison.Ordinal)) { return nameof(PregnancyWeeks); }
        if (apiField.StartsWith("healthHistory.allergies", StringComparison.Ordinal)) { return nameof(Allergies); }
        if (apiField.StartsWith("healthHistory.skinFindings", StringComparison.Ordinal)) { return nameof(Skin); }
        if (apiField == "healthHistory.notes") { return nameof(Notes); }
        return apiField.Length == 0 ? apiField : char.ToUpper(apiField[0], CultureInfo.InvariantCulture) + apiField[1..];
    }

    public static IReadOnlyList<BodySite> Sites => StandardCatalogue.Sites;
}
