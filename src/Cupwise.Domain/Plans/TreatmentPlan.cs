using System.Globalization;
using System.Text.RegularExpressions;
using Cupwise.Domain.Outcomes;

namespace Cupwise.Domain.Plans;

public enum GoalComparison
{
    AtMost,
    AtLeast,
}

public enum PlanStatus
{
    Active,
    Resolved,
    Discharged,
    Stopped,
}

/// <summary>A measurable goal: a measure (pain, a range of motion, a named custom measure) at most or at least a threshold.</summary>
public sealed record PlanGoal(MeasureKind Measure, string? Joint, string? Direction, string? Name, GoalComparison Comparison, double Threshold)
{
    /// <summary>The measure as people read it: "pain", "cervical spine rotation left", or the custom name.</summary>
    public string Label => Measure switch
    {
        MeasureKind.Pain => "pain",
        MeasureKind.RangeOfMotion => $"{Joint} {Direction}",
        _ => Name ?? "measure",
    };

    public bool Matches(OutcomeMeasurement m) =>
        m.Kind == Measure && (Measure switch
        {
            MeasureKind.RangeOfMotion => string.Equals(m.Joint, Joint, StringComparison.OrdinalIgnoreCase) && string.Equals(m.Direction, Direction, StringComparison.OrdinalIgnoreCase),
            MeasureKind.Custom => string.Equals(m.Name, Name, StringComparison.OrdinalIgnoreCase),
            _ => true,
        });

    public bool IsMetBy(double value) => Comparison == GoalComparison.AtMost ? value <= Threshold : value >= Threshold;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Label} {(Comparison == GoalComparison.AtMost ? "≤" : "≥")} {Threshold:0.#}");
}

/// <summary>
/// A course of cupping for one condition: the protocol followed, measurable goals, how often and how many
/// sessions, when to review; active until resolved, discharged or stopped (with a reason). Sessions in its
/// span belong to it.
/// </summary>
public sealed partial class TreatmentPlan
{
    private TreatmentPlan()
    {
        Condition = string.Empty;
        Goals = [];
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public string Condition { get; private set; }
    public string? Icd10 { get; private set; }
    public string? ProtocolId { get; private set; }
    public List<PlanGoal> Goals { get; private set; }

    /// <summary>How many measurement occasions in a row must meet every goal before Cupwise proposes "resolved".</summary>
    public int ConsecutiveToResolve { get; private set; }
    public int IntervalDays { get; private set; }
    public int MaxSessions { get; private set; }

    /// <summary>A review point every this many days from the start: without a clinically important change by then, Cupwise says so.</summary>
    public int ReviewEveryDays { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public PlanStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int Version { get; private set; }

    public static TreatmentPlan Create(Guid id, Guid practiceId, Guid clientId, string? condition, string? icd10, Protocol? protocol,
        IReadOnlyList<PlanGoal> goals, int? consecutiveToResolve, int? intervalDays, int? maxSessions, int? reviewEveryDays, DateTimeOffset startedAt)
    {
        var checks = new List<FieldError>();
        string Try(Func<string> f, string fallback)
        {
            try
            {
                return f();
            }
            catch (DomainValidationException e)
            {
                checks.AddRange(e.Errors);
                return fallback;
            }
        }
        var plan = new TreatmentPlan
        {
            Id = id,
            PracticeId = practiceId,
            ClientId = clientId,
            Condition = Try(() => Guard.Required("condition", condition, 200), ""),
            ProtocolId = protocol?.Id,
            ConsecutiveToResolve = consecutiveToResolve ?? 2,
            IntervalDays = intervalDays ?? protocol?.IntervalDays ?? 7,
            MaxSessions = maxSessions ?? protocol?.CourseSessions ?? 6,
            ReviewEveryDays = reviewEveryDays ?? 28,
            StartedAt = startedAt,
            Status = PlanStatus.Active,
            Version = 1,
        };
        if (icd10 is { Length: > 0 } code)
        {
            if (Icd10Pattern().IsMatch(code.Trim()))
            {
                plan.Icd10 = code.Trim().ToUpperInvariant();
            }
            else
            {
                checks.Add(new FieldError("icd10", "must be an ICD-10 code such as M54.2 (a letter, two digits, optionally a dot and up to two more)."));
            }
        }
        else
        {
            plan.Icd10 = protocol?.Icd10;
        }
        Range(checks, "consecutiveToResolve", plan.ConsecutiveToResolve, 1, 10);
        Range(checks, "intervalDays", plan.IntervalDays, 3, 60);
        Range(checks, "maxSessions", plan.MaxSessions, 1, 50);
        Range(checks, "reviewEveryDays", plan.ReviewEveryDays, 7, 365);
        var chosen = goals.Count > 0 ? goals : protocol?.Goals ?? [];
        for (var i = 0; i < chosen.Count; i++)
        {
            CheckGoal(checks, i, chosen[i]);
        }
        if (chosen.Count > 10)
        {
            checks.Add(new FieldError("goals", "may hold at most 10 goals."));
        }
        if (checks.Count > 0)
        {
            throw DomainValidationException.Many(checks);
        }
        plan.Goals = [.. chosen];
        return plan;
    }

    /// <summary>Ends the plan: resolved, discharged or stopped, always with a reason.</summary>
    public void Close(PlanStatus status, string? reason, DateTimeOffset at)
    {
        if (Status != PlanStatus.Active)
        {
            throw new DomainStateException($"The plan is already {Status.ToString().ToLowerInvariant()}.");
        }
        if (status == PlanStatus.Active)
        {
            throw new DomainValidationException("status", "must be resolved, discharged or stopped.");
        }
        StatusReason = Guard.Required("reason", reason, 500);
        Status = status;
        ClosedAt = at;
        Version++;
    }

    private static void Range(List<FieldError> checks, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            checks.Add(new FieldError(field, $"must be {min} to {max}."));
        }
    }

    private static void CheckGoal(List<FieldError> checks, int i, PlanGoal goal)
    {
        var field = $"goals[{i}]";
        switch (goal.Measure)
        {
            case MeasureKind.Pain when goal.Threshold is < 0 or > 10 || goal.Threshold != Math.Floor(goal.Threshold):
                checks.Add(new FieldError($"{field}.threshold", "for pain must be a whole number from 0 to 10."));
                break;
            case MeasureKind.RangeOfMotion when string.IsNullOrWhiteSpace(goal.Joint) || string.IsNullOrWhiteSpace(goal.Direction):
                checks.Add(new FieldError(field, "a range-of-motion goal needs joint and direction, for example cervical spine / rotation left."));
                break;
            case MeasureKind.RangeOfMotion when goal.Threshold is < 0 or > Quantities.RangeOfMotion.MaximumDegrees:
                checks.Add(new FieldError($"{field}.threshold", $"for range of motion must be 0 to {Quantities.RangeOfMotion.MaximumDegrees}°."));
                break;
            case MeasureKind.Custom when string.IsNullOrWhiteSpace(goal.Name):
                checks.Add(new FieldError(field, "a custom goal needs the measure's name."));
                break;
        }
        if (!double.IsFinite(goal.Threshold))
        {
            checks.Add(new FieldError($"{field}.threshold", "must be a number."));
        }
    }

    [GeneratedRegex(@"^[A-Za-z][0-9]{2}(\.[0-9A-Za-z]{1,2})?$")]
    private static partial Regex Icd10Pattern();
}
