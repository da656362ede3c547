using Cupwise.Api;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;

namespace Cupwise.Clients;

internal static class ClientMapping
{
    public static ClientResponse ToResponse(this Client c) => new(
        c.Id.ToString(), c.FamilyName, c.GivenName, c.DateOfBirth, c.Sex, c.Email, c.Phone,
        ToDto(c.HealthHistory), c.Version, c.CreatedAt, c.UpdatedAt);

    public static HealthHistoryDto ToDto(HealthHistory h) => new(
        [.. h.Conditions.Select(x => new ConditionDto(x.Name, x.Icd10, ApiJson.Name(x.Status), x.Onset, x.Notes))],
        [.. h.Medications.Select(x => new MedicationDto(x.Name, x.Dose, x.Route, x.Atc, x.AnticoagulantOrAntiplatelet))],
        h.Pregnancy is null ? null : new PregnancyDto(h.Pregnancy.Weeks),
        [.. h.SkinFindings.Select(x => new SkinFindingDto(x.SiteId, ApiJson.Name(x.Side), ApiJson.Name(x.Kind), x.Notes))],
        [.. h.Allergies.Select(x => new AllergyDto(x.Substance, x.Reaction, x.Severity is { } s ? ApiJson.Name(s) : null, ApiJson.Name(x.Status)))],
        h.Notes);

    /// <summary>
    /// Reads a request into domain details; every problem is recorded on <paramref name="v"/>. Missing or unreadable
    /// parts are stood in for, so that the domain's own checks still run and one response lists every problem.
    /// </summary>
    public static ClientDetails ToDetails(this ClientRequest r, RequestValidator v)
    {
        if (r.DateOfBirth is null)
        {
            v.Add("dateOfBirth", "is required, such as 1990-04-02.");
        }
        var sex = v.Parse<Sex>("sex", r.Sex);
        var history = ToHistory(r.HealthHistory, v);
        return new ClientDetails(r.FamilyName ?? string.Empty, r.GivenName ?? string.Empty,
            r.DateOfBirth ?? new DateOnly(2000, 1, 1), sex ?? Sex.Unknown, r.Email, r.Phone, history);
    }

    /// <summary>One condition of a request; a status it does not know is recorded on <paramref name="v"/> and read as active.</summary>
    /// <remarks>A code given without a name is named by its title or its chapter.</remarks>
    public static Condition ToCondition(ConditionDto c, int index, RequestValidator v) => new()
    {
        Name = string.IsNullOrWhiteSpace(c.Name) && Domain.Safety.Icd10.TryNormalise(c.Icd10, out var code) ? Domain.Safety.Icd10.NameFor(code) : c.Name ?? string.Empty,
        Icd10 = c.Icd10, Onset = c.Onset, Notes = c.Notes,
        Status = v.Parse<ConditionStatus>($"healthHistory.conditions[{index}].status", c.Status, required: false) ?? ConditionStatus.Active,
    };

    /// <summary>One allergy of a request; a status or severity it does not know is recorded on <paramref name="v"/>.</summary>
    public static Allergy ToAllergy(AllergyDto a, int index, RequestValidator v) => new()
    {
        Substance = a.Substance ?? string.Empty, Reaction = a.Reaction,
        Severity = v.Parse<AllergySeverity>($"healthHistory.allergies[{index}].severity", a.Severity, required: false),
        Status = v.Parse<AllergyStatus>($"healthHistory.allergies[{index}].status", a.Status, required: false) ?? AllergyStatus.Active,
    };

    private static HealthHistory ToHistory(HealthHistoryDto? dto, RequestValidator v)
    {
        var h = new HealthHistory();
        if (dto is null)
        {
            return h;
        }
        h.Conditions = [.. (dto.Conditions ?? []).Select((c, i) => ToCondition(c, i, v))];
        h.Medications = [.. (dto.Medications ?? []).Select(m => new Medication
        {
            Name = m.Name ?? string.Empty, Dose = m.Dose, Route = m.Route, Atc = m.Atc, AnticoagulantOrAntiplatelet = m.AnticoagulantOrAntiplatelet ?? false,
        })];
        h.Pregnancy = dto.Pregnancy is null ? null : new Pregnancy { Weeks = dto.Pregnancy.Weeks };
        var findings = dto.SkinFindings ?? [];
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var side = v.Parse<BodySide>($"healthHistory.skinFindings[{i}].side", f.Side, required: false) ?? BodySide.None;
            var kind = v.Parse<SkinFindingKind>($"healthHistory.skinFindings[{i}].kind", f.Kind) ?? SkinFindingKind.Other;
            h.SkinFindings.Add(new SkinFinding { SiteId = f.SiteId ?? string.Empty, Side = side, Kind = kind, Notes = f.Notes });
        }
        h.Allergies = [.. (dto.Allergies ?? []).Select((a, i) => ToAllergy(a, i, v))];
        h.Notes = dto.Notes;
        return h;
    }
}
