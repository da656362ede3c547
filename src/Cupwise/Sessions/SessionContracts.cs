using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;

namespace Cupwise.Sessions;

/// <summary>A session to record: a plan (draft), one under way, or a completed visit charted afterwards.</summary>
public sealed record SessionRequest(
    string? ClientId,
    string? PractitionerId,
    [property: Description("draft (default), in-progress or completed.")] string? Status,
    [property: Description("When the session started; required for in-progress and completed.")] DateTimeOffset? StartedAt,
    [property: Description("When it ended; required for completed.")] DateTimeOffset? EndedAt,
    string? Notes,
    [property: MaxLength(TreatmentSession.MaxAdjuncts)] IReadOnlyList<AdjunctDto>? Adjuncts,
    [property: Description("At most 60 cups.")][property: MaxLength(TreatmentSession.MaxCups)] IReadOnlyList<CupRequest>? Cups)
{
    /// <summary>The client's treatment plan this session belongs to; the client's one active plan if left out.</summary>
    [Description("The client's treatment plan this session belongs to; the client's one active plan if left out.")]
    public string? PlanId { get; init; }

    /// <summary>Vital signs taken at the start, for a visit charted afterwards; an open session records them with POST …/vitals.</summary>
    [Description("Vital signs taken at the start, for a visit charted afterwards; an open session records them with POST …/vitals.")]
    public VitalsRequest? Vitals { get; init; }
}

/// <summary>Vital signs taken before cups go on; any of them may be left out, but not all.</summary>
public sealed record VitalsRequest(
    [property: Description("Body temperature, 30 to 45 °C.")] double? TemperatureC,
    [property: Description("Blood pressure, upper number, 50 to 300 mmHg; with diastolicMmHg.")] int? SystolicMmHg,
    [property: Description("Blood pressure, lower number, 20 to 200 mmHg, below the systolic.")] int? DiastolicMmHg,
    [property: Description("Resting pulse, 20 to 250 beats a minute.")] int? PulseBpm,
    [property: Description("When they were taken; now if not given.")] DateTimeOffset? TakenAt = null);

public sealed record VitalsResponse(double? TemperatureC, int? SystolicMmHg, int? DiastolicMmHg, int? PulseBpm, DateTimeOffset TakenAt, string TakenBy);

public sealed record AdjunctDto(
    [property: Description("acupuncture, massage, facial-product, gua-sha, moxibustion, stretching or other.")] string? Kind,
    [property: Description("What was done, such as the points needled or the product used.")] string? Detail);

/// <summary>One cup placed on the skin.</summary>
public sealed record CupRequest(
    [property: Description("A cup id from GET /api/v1/cups.")] string? CupId,
    [property: Description("A site id from GET /api/v1/sites.")] string? SiteId,
    [property: Description("none, left or right, as the site allows.")] string? Side,
    [property: Description("Position on the site's map view (body 0-100 x 0-200, face 0-100 x 0-120); the site's centre if not given.")] double? X,
    double? Y,
    [property: Description("stationary, moving, flash, wet or needle-cup.")] string? Technique,
    [property: Description("fire-flash, fire-throw, fire-cotton-ball, alcohol-drop, pump, squeeze or electric; the cup must support it.")] string? Method,
    [property: Description("Pump strokes, 1 to 30; only for pump.")] int? PumpStrokes,
    [property: Description("Set pressure for electric cups, mmHg below ambient (negative).")] double? SetPressureMmHg,
    [property: Description("Pressure inside the cup, mmHg below ambient (negative), with pressureSource.")] double? PressureMmHg,
    [property: Description("estimated or measured.")] string? PressureSource,
    [property: Description("Planned retention, 0 to 60 min; 10 min for stationary cups if not given.")] double? PlannedDurationMin,
    DateTimeOffset? AppliedAt,
    DateTimeOffset? RemovedAt,
    [property: Description("Mark grade at removal, 0 (none) to 4 (deep purple).")] int? MarkGrade,
    [property: Description("comfortable, pulling, strong, painful or faint.")] string? Sensation,
    string? Notes,
    [property: Description("Moving cups: passes along the pathway, 1 to 20 (3 for facial cups if not given).")] int? Passes = null);

public sealed record SessionResponse(
    string Id,
    string ClientId,
    string PractitionerId,
    SessionStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Notes,
    IReadOnlyList<AdjunctResponse> Adjuncts,
    IReadOnlyList<CupApplicationResponse> Cups,
    IReadOnlyList<AmendmentResponse> Amendments,
    int Version,
    IReadOnlyList<OverrideResponse> Overrides)
{
    public string? PlanId { get; init; }

    /// <summary>What the change affects that deserves a look, such as booked visits that now fall before a site clears; empty otherwise.</summary>
    [Description("What the change affects that deserves a look, such as booked visits that now fall before a site clears; empty otherwise.")]
    public IReadOnlyList<string> Notices { get; init; } = [];

    [Description("Vital signs taken at the start, in the order taken; screening reads the latest value of each sign.")]
    public IReadOnlyList<VitalsResponse> Vitals { get; init; } = [];
}

public sealed record OverrideResponse(string RuleId, string? CupApplicationId, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record AdjunctResponse(AdjunctKind Kind, string Detail);

public sealed record CupApplicationResponse(
    string Id,
    int Number,
    string CupId,
    string SiteId,
    BodySide Side,
    MapView View,
    double X,
    double Y,
    Technique Technique,
    SuctionMethodKind Method,
    int? PumpStrokes,
    double? SetPressureMmHg,
    double? PressureMmHg,
    PressureSource? PressureSource,
    double? PlannedDurationMin,
    int? Passes,
    DateTimeOffset? AppliedAt,
    DateTimeOffset? RemovedAt,
    double? ActualDurationMin,
    int? MarkGrade,
    Sensation? Sensation,
    string? Notes);

public sealed record AmendmentResponse(string Id, AmendmentKind Kind, DateTimeOffset AmendedAt, string AmendedBy, string Reason, IReadOnlyList<FieldChange> Changes);

/// <summary>An amendment of a completed session: who, why, and the new values (absent fields stay as they are).</summary>
/// <remarks>Who amends is the signed-in login (or the token's), never a name sent here.</remarks>
public sealed record AmendSessionRequest(
    [property: Description("The version you read; a stale version gives 409.")] int? Version,
    [property: Description("Why; required.")] string? Reason,
    string? Notes,
    [property: MaxLength(TreatmentSession.MaxAdjuncts)] IReadOnlyList<AdjunctDto>? Adjuncts,
    [property: MaxLength(TreatmentSession.MaxCups)] IReadOnlyList<CupAmendmentRequest>? Cups);

public sealed record CupAmendmentRequest(
    string? CupApplicationId,
    int? MarkGrade,
    string? Sensation,
    string? Notes,
    DateTimeOffset? RemovedAt,
    double? PressureMmHg,
    string? PressureSource);

public sealed record EnteredInErrorRequest(int? Version, string? Reason);

/// <summary>Discards a draft that will not go ahead; it is kept, flagged, with who and why.</summary>
public sealed record DiscardSessionRequest(
    [property: Description("The version you read; a stale version gives 409.")] int? Version,
    [property: Description("Why, such as 'visit cancelled'; 'No reason given' if left out.")] string? Reason);

/// <summary>The notes and adjunct treatments of a session that is still open (replaced as a whole).</summary>
public sealed record SessionNotesRequest(string? Notes, [property: MaxLength(TreatmentSession.MaxAdjuncts)] IReadOnlyList<AdjunctDto>? Adjuncts);

public sealed record CupEventRequest(
    [property: Description("When it happened; now if not given.")] DateTimeOffset? At,
    [property: Description("On removal: mark grade 0 to 4.")] int? MarkGrade = null,
    [property: Description("On removal: comfortable, pulling, strong, painful or faint.")] string? Sensation = null);

public sealed record CompleteSessionRequest(DateTimeOffset? At);

/// <summary>The reason to go ahead despite a screening finding that asks for one.</summary>
public sealed record OverrideRequest(
    [property: Description("The rule's id, such as client.anticoagulant, or site.not-cleared for a site cupped again before it has cleared.")] string? RuleId,
    [property: Description("The cup it concerns; leave out for a finding about the client as a whole.")] string? CupApplicationId,
    [property: Description("Why it goes ahead; who records it is the signed-in login.")] string? Reason);
