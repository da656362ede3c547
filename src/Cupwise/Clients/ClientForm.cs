using System.Globalization;
using Cupwise.Api;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;

namespace Cupwise.Clients;

/// <summary>The client form of the web app: conditions, medicines, allergies and skin findings as rows.</summary>
public sealed class ClientForm
{
    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public string Sex { get; set; } = "unknown";
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>Conditions as rows: name, ICD-10 code, status, onset, notes.</summary>
    public List<ConditionRow> Conditions { get; set; } = [];

    /// <summary>Medicines as rows: name, dose, route, ATC code, and whether it thins the blood though not listed.</summary>
    public List<MedicineRow> Medications { get; set; } = [];

    public bool Pregnant { get; set; }
    public int? PregnancyWeeks { get; set; }
    public List<SkinRow> Skin { get; set; } = [];

    /// <summary>Allergies as rows: substance, reaction, severity, status.</summary>
    public List<AllergyRow> Allergies { get; set; } = [];
    public string? Notes { get; set; }
    public int Version { get; set; }

    public sealed class ConditionRow
    {
        public string? Name { get; set; }
        public string? Icd10 { get; set; }

        /// <summary>"active", "resolved" or "history-of", as the API spells them.</summary>
        public string Status { get; set; } = "active";
        public string? Onset { get; set; }
        public string? Notes { get; set; }
    }

    public sealed class MedicineRow
    {
        public string? Name { get; set; }
        public string? Dose { get; set; }
        public string? Route { get; set; }
        public string? Atc { get; set; }
        public bool ThinsBlood { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Dose) && string.IsNullOrWhiteSpace(Route) && string.IsNullOrWhiteSpace(Atc);
    }

    public sealed class AllergyRow
    {
        public string? Substance { get; set; }
        public string? Reaction { get; set; }

        /// <summary>"", "mild", "moderate" or "severe", as the API spells them.</summary>
        public string? Severity { get; set; }

        /// <summary>"active" or "resolved".</summary>
        public string Status { get; set; } = "active";

        public bool IsEmpty => string.IsNullOrWhiteSpace(Substance) && string.IsNullOrWhiteSpace(Reaction);
    }

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
            Conditions = [.. h.Conditions.Select(x => new ConditionRow { Name = x.Name, Icd10 = x.Icd10, Status = ApiJson.Name(x.Status), Onset = x.Onset, Notes = x.Notes })],
            Medications = [.. h.Medications.Select(x => new MedicineRow { Name = x.Name, Dose = x.Dose, Route = x.Route, Atc = x.Atc, ThinsBlood = x.AnticoagulantOrAntiplatelet })],
            Pregnant = h.Pregnancy is not null,
            PregnancyWeeks = h.Pregnancy?.Weeks,
            Skin = [.. h.SkinFindings.Select(f => new SkinRow { SiteId = f.SiteId, Side = ApiJson.Name(f.Side), Kind = ApiJson.Name(f.Kind), Notes = f.Notes })],
            Allergies = [.. h.Allergies.Select(x => new AllergyRow { Substance = x.Substance, Reaction = x.Reaction, Severity = x.Severity is { } s ? ApiJson.Name(s) : null, Status = ApiJson.Name(x.Status) })],
            Notes = h.Notes,
            Version = c.Version,
        };
        return form;
    }

    /// <summary>The form as the API's request, so both go through the same checks.</summary>
    public ClientRequest ToRequest() => new(
        FamilyName, GivenName, DateOfBirth, Sex, Email, Phone,
        new HealthHistoryDto(
            [.. Conditions.Where(IsSent).Select(ToDto)],
            [.. Medications.Where(r => !r.IsEmpty).Select(r => new MedicationDto(r.Name, Blank(r.Dose), Blank(r.Route), Blank(r.Atc), r.ThinsBlood))],
            Pregnant ? new PregnancyDto(PregnancyWeeks ?? 0) : null,
            [.. Skin.Where(IsSent).Select(r => new SkinFindingDto(r.SiteId, r.Side, r.Kind, r.Notes))],
            [.. Allergies.Where(r => !r.IsEmpty).Select(ToDto)],
            Notes),
        Version);

    private static bool IsSent(ConditionRow r) => !string.IsNullOrWhiteSpace(r.Name) || !string.IsNullOrWhiteSpace(r.Icd10) || !string.IsNullOrWhiteSpace(r.Notes);

    // A row with a side or notes but no site is sent, so that its missing site is named rather than dropped.
    private static bool IsSent(SkinRow r) => !string.IsNullOrWhiteSpace(r.SiteId) || !string.IsNullOrWhiteSpace(r.Notes) || r.Side is "left" or "right";

    /// <summary>
    /// An API field of a list ("healthHistory.conditions[0].onset") renumbered to the form's row it came from (empty
    /// rows are not sent), so that an error names and sits beside the row the person typed in.
    /// </summary>
    public string FormField(string apiField)
    {
        var m = System.Text.RegularExpressions.Regex.Match(apiField, @"^healthHistory\.(?<list>\w+)\[(?<i>\d+)\]");
        if (!m.Success)
        {
            return apiField;
        }
        var sent = m.Groups["list"].Value switch
        {
            "conditions" => Conditions.Select((r, i) => (Sent: IsSent(r), i)),
            "medications" => Medications.Select((r, i) => (Sent: !r.IsEmpty, i)),
            "allergies" => Allergies.Select((r, i) => (Sent: !r.IsEmpty, i)),
            "skinFindings" => Skin.Select((r, i) => (Sent: IsSent(r), i)),
            _ => [],
        };
        var index = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture);
        var row = sent.Where(x => x.Sent).Select(x => (int?)x.i).ElementAtOrDefault(index);
        return row is { } r ? $"healthHistory.{m.Groups["list"].Value}[{r}]{apiField[m.Length..]}" : apiField;
    }

    /// <summary>The form row an API field of a list belongs to, as "conditions[2]"; null for other fields.</summary>
    public static string? RowKey(string formField)
    {
        var m = System.Text.RegularExpressions.Regex.Match(formField, @"^healthHistory\.(?<row>\w+\[\d+\])");
        return m.Success ? m.Groups["row"].Value : null;
    }

    /// <summary>
    /// A row as the API's condition: a code picked from the list becomes the title and the code; a code typed beside
    /// a picked one wins, since it was written last.
    /// </summary>
    private static ConditionDto ToDto(ConditionRow r)
    {
        var picked = Domain.Safety.Icd10.Picked(r.Name);
        return picked is null
            ? new ConditionDto(r.Name, Blank(r.Icd10), r.Status, Blank(r.Onset), Blank(r.Notes))
            : new ConditionDto(picked.Title, Blank(r.Icd10) ?? picked.Code, r.Status, Blank(r.Onset), Blank(r.Notes));
    }

    /// <summary>
    /// What screening reads a row as (the same reading a save would give): "screening reads: …", that it leaves a
    /// past one out, or that it reads nothing there; null for an empty row.
    /// </summary>
    public static string? ReadAs(ConditionRow row)
    {
        if (string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Icd10))
        {
            return null;
        }
        var catalogue = Domain.Safety.ConditionCatalogue.Standard;
        var condition = ClientMapping.ToCondition(ToDto(row), 0, new RequestValidator());
        var read = catalogue.Read(condition).Select(id => catalogue.Find(id)!.Title).ToList();
        if (read.Count > 0)
        {
            return $"screening reads: {string.Join("; ", read)}";
        }
        var named = catalogue.Named(condition);
        return named.Count > 0
            ? $"not current · screening leaves it out ({string.Join("; ", named.Select(c => c.Title))})"
            : "screening reads nothing here";
    }

    private static AllergyDto ToDto(AllergyRow r) => new(r.Substance, Blank(r.Reaction), Blank(r.Severity), r.Status);

    /// <summary>What screening reads an allergy row as (the same reading a save would give): the allergens' titles, or null when it reads nothing there.</summary>
    public static string? ReadAs(AllergyRow row)
    {
        if (row.IsEmpty)
        {
            return null;
        }
        var allergy = ClientMapping.ToAllergy(ToDto(row), 0, new RequestValidator());
        var allergens = Domain.Safety.AllergenCatalogue.Standard.Read(allergy).Select(id => Domain.Safety.AllergenCatalogue.Standard.Find(id)!.Title).ToList();
        return allergens.Count == 0 ? null : string.Join("; ", allergens);
    }

    /// <summary>The allergens a session can meet, offered as an allergy is typed.</summary>
    public static IReadOnlyList<string> AllergenNames { get; } =
        [.. Domain.Safety.AllergenCatalogue.Standard.Allergens.Where(a => a.Id != "anaphylaxis").SelectMany(a => a.Aliases.Where(w => w.Length > 3))
            .Select(n => char.ToUpperInvariant(n[0]) + n[1..]).Distinct().Order(StringComparer.Ordinal)];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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

    /// <summary>
    /// An API field as the form labels it: "healthHistory.conditions[0].icd10" is "Condition 1, ICD-10 code", so an
    /// error never shows a field path.
    /// </summary>
    public static string LabelFor(string apiField)
    {
        var m = System.Text.RegularExpressions.Regex.Match(apiField, @"^healthHistory\.(?<list>\w+)\[(?<i>\d+)\](\.(?<part>\w+))?");
        if (m.Success)
        {
            var n = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture) + 1;
            var row = m.Groups["list"].Value switch
            {
                "conditions" => $"Condition {n}",
                "medications" => $"Medicine {n}",
                "allergies" => $"Allergy {n}",
                "skinFindings" => $"Skin finding {n}",
                var other => other,
            };
            var part = m.Groups["part"].Value switch
            {
                "" or "name" => "",
                "substance" => ", what they are allergic to",
                "icd10" => ", ICD-10 code",
                "siteId" => ", site",
                "side" => ", side",
                "kind" => ", kind",
                "notes" => ", notes",
                "dose" => ", dose",
                "route" => ", route",
                "atc" => ", ATC code",
                "onset" => ", onset",
                "takenAt" => ", when taken",
                "status" => ", status",
                "reaction" => ", reaction",
                "severity" => ", severity",
                var other => $", {other}",
            };
            return row + part;
        }
        return apiField switch
        {
            "familyName" => "Family name",
            "givenName" => "Given name",
            "dateOfBirth" => "Date of birth",
            "sex" => "Sex",
            "email" => "E-mail",
            "phone" => "Phone",
            "healthHistory.pregnancy.weeks" => "Weeks of pregnancy",
            "healthHistory.notes" => "Notes",
            "version" => "Version",
            _ => "This field",
        };
    }
}
