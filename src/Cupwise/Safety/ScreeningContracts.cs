using System.ComponentModel;

namespace Cupwise.Safety;

/// <summary>A client and a plan to screen (the same shape for `cupwise screen --input` and POST /api/v1/screening).</summary>
public sealed record ScreeningRequest(ScreeningClientInput? Client, ScreeningPlanInput? Plan);

public sealed record ScreeningClientInput(
    int? AgeYears,
    [property: Description("female, male, other or unknown.")] string? Sex,
    bool? Pregnant,
    int? PregnancyWeeks,
    double? TemperatureC,
    [property: Description("Names from the vocabulary (cupwise screen --list-vocabulary).")] IReadOnlyList<string>? Conditions,
    [property: Description("Medicine names; anticoagulants and antiplatelets are recognised case-insensitively.")] IReadOnlyList<string>? Medications,
    IReadOnlyList<ScreeningSkinFindingInput>? SkinFindings,
    bool? FirstSession,
    [property: Description("A home user: every override becomes a block.")] bool? HomeUser)
{
    [Description("Blood pressure taken today, upper number, mmHg; with diastolicMmHg.")]
    public int? SystolicMmHg { get; init; }

    [Description("Blood pressure taken today, lower number, mmHg; with systolicMmHg.")]
    public int? DiastolicMmHg { get; init; }

    [Description("Resting pulse taken today, beats a minute.")]
    public int? PulseBpm { get; init; }

    [Description("Allergies a session can meet, by substance (\"almond oil\", \"latex\", \"chlorhexidine\") or allergen id; cupwise screen --list-vocabulary lists them.")]
    public IReadOnlyList<string>? Allergies { get; init; }
}

public sealed record ScreeningSkinFindingInput(string? Site, string? Side, string? Finding);

public sealed record ScreeningPlanInput(IReadOnlyList<ScreeningCupInput>? Applications);

public sealed record ScreeningCupInput(
    string? Site,
    string? Side,
    [property: Description("A cup id: with the method, the suction model estimates the pressure when none is given.")] string? Cup,
    string? Technique,
    string? Method,
    double? DurationMinutes,
    [property: Description("mmHg below ambient, negative; estimated from the cup when not given.")] double? PressureMmHg = null);

public sealed record ScreeningResponse(bool Allowed, int RulesVersion, IReadOnlyList<ScreeningFindingResponse> Findings);

public sealed record ScreeningFindingResponse(
    string RuleId,
    string Severity,
    [property: Description("The site the finding concerns; null for the client as a whole.")] string? Site,
    string? Side,
    [property: Description("Index of the planned cup in plan.applications; null for the client as a whole.")] int? Application,
    string Message,
    string Source,
    string Grade,
    [property: Description("The adjustment proposed: at most this many minutes.")] double? MaxMinutes,
    [property: Description("The adjustment proposed: lighter suction.")] bool? Light)
{
    [Description("A session's screening: the cup application the finding concerns; null for the client as a whole, and for a plan sent to POST /api/v1/screening.")]
    public string? CupApplicationId { get; init; }
}

/// <summary>An ICD-10 code offered for a condition written in words.</summary>
public sealed record ConditionCodeOffer(
    string Code,
    string Title,
    [property: Description("As the form's list shows it: \"Type 2 diabetes mellitus (E11)\".")] string Label,
    [property: Description("What screening reads the code as; empty when no rule reads it.")] IReadOnlyList<string> ScreeningReads);
