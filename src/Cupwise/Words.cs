using Cupwise.Data.Accounts;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Scheduling;
using Cupwise.Domain.Sessions;

namespace Cupwise;

/// <summary>
/// The one table of what people call things, used by every page, mail and export meant to be read: methods,
/// techniques, sites with their side, statuses, roles and the rest. The API keeps its kebab-case names
/// (<c>fire-cotton-ball</c>); a person reads "Fire, cotton ball". Each switch names every value with no catch-all,
/// so a new value does not compile until it has its words.
/// </summary>
public static class Words
{
    public static string Of(SuctionMethodKind method) => method switch
    {
        SuctionMethodKind.FireFlash => "Fire, flash",
        SuctionMethodKind.FireThrow => "Fire, thrown in",
        SuctionMethodKind.FireCottonBall => "Fire, cotton ball",
        SuctionMethodKind.AlcoholDrop => "Fire, alcohol drop",
        SuctionMethodKind.Pump => "Hand pump",
        SuctionMethodKind.Squeeze => "Squeeze",
        SuctionMethodKind.Electric => "Electric pump",
    };

    public static string Of(Technique technique) => technique switch
    {
        Technique.Stationary => "Stationary",
        Technique.Moving => "Moving (gliding)",
        Technique.Flash => "Flash (on and off)",
        Technique.Wet => "Wet (hijama)",
        Technique.NeedleCup => "Over a needle",
    };

    public static string Of(CupMaterial material) => material switch
    {
        CupMaterial.Glass => "Glass",
        CupMaterial.Bamboo => "Bamboo",
        CupMaterial.Ceramic => "Ceramic",
        CupMaterial.PlasticValve => "Plastic with a valve",
        CupMaterial.Silicone => "Silicone",
        CupMaterial.Electric => "Electric",
    };

    public static string Of(PressureSource source) => source switch
    {
        PressureSource.Estimated => "estimated",
        PressureSource.Measured => "measured",
    };

    public static string Of(Sensation sensation) => sensation switch
    {
        Sensation.Comfortable => "Comfortable",
        Sensation.Pulling => "Pulling",
        Sensation.Strong => "Strong",
        Sensation.Painful => "Painful",
        Sensation.Faint => "Faint or dizzy",
    };

    public static string Of(SessionStatus status) => status switch
    {
        SessionStatus.Draft => "Planned",
        SessionStatus.InProgress => "In progress",
        SessionStatus.Completed => "Completed",
        SessionStatus.EnteredInError => "Entered in error",
        SessionStatus.Discarded => "Discarded",
    };

    public static string Of(AdjunctKind kind) => kind switch
    {
        AdjunctKind.Acupuncture => "Acupuncture",
        AdjunctKind.Massage => "Massage",
        AdjunctKind.FacialProduct => "Facial product",
        AdjunctKind.GuaSha => "Gua sha",
        AdjunctKind.Moxibustion => "Moxibustion",
        AdjunctKind.Stretching => "Stretching",
        AdjunctKind.Other => "Other",
    };

    public static string Of(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.Arrived => "Arrived",
        AppointmentStatus.NoShow => "Did not come",
        AppointmentStatus.Cancelled => "Cancelled",
    };

    public static string Of(PlanStatus status) => status switch
    {
        PlanStatus.Active => "Active",
        PlanStatus.Resolved => "Resolved",
        PlanStatus.Discharged => "Discharged",
        PlanStatus.Stopped => "Stopped",
    };

    /// <summary>How much a screening finding weighs, as its tag reads.</summary>
    public static string Of(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Info => "Note",
        FindingSeverity.Caution => "Caution",
        FindingSeverity.Override => "Needs a reason",
        FindingSeverity.Block => "Not here",
    };

    public static string Of(SkinFindingKind kind) => kind switch
    {
        SkinFindingKind.BrokenSkin => "Broken skin",
        SkinFindingKind.Ulcer => "Ulcer",
        SkinFindingKind.Infection => "Skin infection",
        SkinFindingKind.AllergicRash => "Allergic rash",
        SkinFindingKind.Tumour => "Tumour",
        SkinFindingKind.FreshScar => "Fresh scar",
        SkinFindingKind.Scar => "Scar",
        SkinFindingKind.VaricoseVeins => "Varicose veins",
        SkinFindingKind.Lesion => "Lesion",
        SkinFindingKind.SkinGraft => "Skin graft",
        SkinFindingKind.Lymphoedema => "Lymphoedema",
        SkinFindingKind.Bruise => "Bruise",
        SkinFindingKind.Other => "Other",
        SkinFindingKind.Sunburn => "Sunburn",
        SkinFindingKind.RecentInjury => "Recent injury",
        SkinFindingKind.RecentSurgery => "Recent surgery",
    };

    public static string Of(AllergySeverity severity) => severity switch
    {
        AllergySeverity.Mild => "mild",
        AllergySeverity.Moderate => "moderate",
        AllergySeverity.Severe => "severe",
    };

    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        Sex.Other => "Other",
        Sex.Unknown => "Not given",
    };

    public static string Of(AdverseEventKind kind) => kind switch
    {
        AdverseEventKind.Burn => "Burn",
        AdverseEventKind.Blister => "Blister",
        AdverseEventKind.Scar => "Scar",
        AdverseEventKind.SkinInfection => "Skin infection",
        AdverseEventKind.Fainting => "Fainting",
        AdverseEventKind.Dizziness => "Dizziness",
        AdverseEventKind.Nausea => "Nausea",
        AdverseEventKind.UnexpectedBruising => "Unexpected bruising",
        AdverseEventKind.KoebnerReaction => "Koebner reaction",
        AdverseEventKind.Other => "Other",
    };

    public static string Of(AdverseEventSeverity severity) => severity switch
    {
        AdverseEventSeverity.Mild => "mild",
        AdverseEventSeverity.Moderate => "moderate",
        AdverseEventSeverity.Severe => "severe",
    };

    public static string Of(MeasurementTiming timing) => timing switch
    {
        MeasurementTiming.BeforeSession => "before the session",
        MeasurementTiming.AfterSession => "after the session",
        MeasurementTiming.Standalone => "between sessions",
    };

    public static string Of(UserRole role) => role switch
    {
        UserRole.Owner => "Owner",
        UserRole.Practitioner => "Practitioner",
        UserRole.FrontDesk => "Front desk",
        UserRole.Client => "Client",
    };

    public static string Of(MapView view) => view switch
    {
        MapView.Front => "Body, front",
        MapView.Back => "Body, back",
        MapView.Face => "Face",
    };

    /// <summary>"left" or "right"; nothing for a site on the midline.</summary>
    public static string Of(BodySide side) => side switch
    {
        BodySide.Left => "left",
        BodySide.Right => "right",
        BodySide.None => "",
    };

    /// <summary>What a rule or figure rests on, by its grade in SCIENCE.md (the sources themselves are in the docs).</summary>
    public static string Basis(string grade) => grade switch
    {
        "M" => "from measurements in published studies",
        "R" => "from reviews, standards and textbooks",
        "P" => "from practitioners' and makers' advice",
        "D" => "worked out from physics",
        _ => "from Cupwise's rules",
    };

    /// <summary>A site with its side, as the maps label it: "Upper back, left"; "Back of neck".</summary>
    public static string Site(string name, BodySide side) => side == BodySide.None ? name : $"{name}, {Of(side)}";

    /// <summary>A site of the standard catalogue by its id, or the id made readable when the catalogue lacks it.</summary>
    public static string Site(string siteId, BodySide side, IEnumerable<BodySite> sites) =>
        Site(sites.FirstOrDefault(s => s.Id == siteId)?.Name ?? Readable(siteId), side);

    /// <summary>A slug made readable as a last resort ("lower-back" → "Lower back"), never shown as it is.</summary>
    public static string Readable(string slug)
    {
        var text = slug.Replace('-', ' ').Replace('_', ' ').Replace('.', ' ').Trim();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
