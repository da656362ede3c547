using System.Globalization;
using Cupwise.Domain.Outcomes;

namespace Cupwise.Domain.Plans;

public enum PlanProposal
{
    /// <summary>Carry on.</summary>
    Continue,
    /// <summary>Every goal met for the required run of measurements: propose "resolved".</summary>
    Resolve,
    /// <summary>A review point passed without a clinically important change, or the course ran out: review or refer.</summary>
    Review,
}

/// <summary>Where a plan stands: the statistics of each measure, how many sessions, and what Cupwise proposes.</summary>
public sealed record PlanProgressReport(
    int Sessions,
    IReadOnlyList<MeasureProgress> Measures,
    int GoalsMetInARow,
    PlanProposal Proposal,
    string Message,
    int? ResolvedAfterSessions,
    DateTimeOffset? NextReview);

/// <summary>A measure a plan follows: a goal's, or pain when it was measured without being a goal.</summary>
public sealed record TrackedMeasure(string Label, PlanGoal? Goal, Func<OutcomeMeasurement, bool> Matches)
{
    public bool IsPain => Goal is null ? Label == "pain" : Goal.Measure == MeasureKind.Pain;

    public bool LowerIsBetter => Goal is null ? IsPain : Goal.Comparison == GoalComparison.AtMost;
}

/// <summary>Works out a plan's progress from its sessions and the client's measurements (docs/outcomes.md).</summary>
public static class PlanProgress
{
    /// <summary>Whether a moment falls in the plan's span: from half a day before its start until it was closed.</summary>
    public static bool InSpan(TreatmentPlan plan, DateTimeOffset moment) =>
        moment >= plan.StartedAt.AddHours(-12) && moment <= (plan.ClosedAt ?? DateTimeOffset.MaxValue);

    /// <summary>The measures a plan follows: each goal's, and pain first whenever it was measured.</summary>
    public static IReadOnlyList<TrackedMeasure> Tracked(TreatmentPlan plan, IReadOnlyList<OutcomeMeasurement> inPlan)
    {
        var tracked = plan.Goals.Select(g => new TrackedMeasure(g.Label, g, g.Matches)).ToList();
        if (!plan.Goals.Any(g => g.Measure == MeasureKind.Pain) && inPlan.Any(m => m.Kind == MeasureKind.Pain))
        {
            tracked.Insert(0, new TrackedMeasure("pain", null, m => m.Kind == MeasureKind.Pain));
        }
        return tracked;
    }

    /// <param name="sessionTimes">When each of the plan's sessions took place.</param>
    public static PlanProgressReport Evaluate(TreatmentPlan plan, IReadOnlyList<DateTimeOffset> sessionTimes, IReadOnlyList<OutcomeMeasurement> measurements, DateTimeOffset now)
    {
        var inPlan = measurements.Where(m => !m.EnteredInError && InSpan(plan, m.TakenAt)).OrderBy(m => m.TakenAt).ToList();
        var sessions = sessionTimes.Where(t => InSpan(plan, t)).Order().ToList();

        var measures = Tracked(plan, inPlan).Select(t =>
        {
            var readings = inPlan.Where(t.Matches).Select(m => new Reading(m.TakenAt, m.Value, m.Timing, m.SessionId)).ToList();
            return CourseStatistics.Analyse(t.Label, t.LowerIsBetter, t.IsPain, readings);
        }).ToList();

        // Resolution: after each measurement occasion, are all goals met by the latest value of each measure?
        var inARow = 0;
        int? resolvedAfter = null;
        if (plan.Goals.Count > 0)
        {
            var latest = new double?[plan.Goals.Count];
            foreach (var occasion in inPlan.GroupBy(m => (m.SessionId, m.Timing, Day: m.SessionId is null ? m.TakenAt.UtcDateTime.Date : default)).OrderBy(g => g.Min(m => m.TakenAt)))
            {
                var touched = false;
                foreach (var m in occasion)
                {
                    for (var i = 0; i < plan.Goals.Count; i++)
                    {
                        if (plan.Goals[i].Matches(m))
                        {
                            latest[i] = m.Value;
                            touched = true;
                        }
                    }
                }
                if (!touched)
                {
                    continue;
                }
                var allMet = plan.Goals.Select((g, i) => latest[i] is { } v && g.IsMetBy(v)).All(x => x);
                inARow = allMet ? inARow + 1 : 0;
                if (inARow >= plan.ConsecutiveToResolve && resolvedAfter is null)
                {
                    var at = occasion.Max(m => m.TakenAt);
                    resolvedAfter = sessions.Count(t => t <= at.AddHours(2));
                }
                if (!allMet)
                {
                    resolvedAfter = null;
                }
            }
        }

        var inv = CultureInfo.InvariantCulture;
        var reviews = Enumerable.Range(1, 100).Select(k => plan.StartedAt.AddDays(k * plan.ReviewEveryDays));
        var nextReview = plan.Status == PlanStatus.Active ? reviews.First(r => r > now) : (DateTimeOffset?)null;
        var lastReview = reviews.TakeWhile(r => r <= now).LastOrDefault();
        var pain = measures.FirstOrDefault(m => m.Measure == "pain");

        if (plan.Status != PlanStatus.Active)
        {
            return new PlanProgressReport(sessions.Count, measures, inARow, PlanProposal.Continue,
                $"The plan is {plan.Status.ToString().ToLowerInvariant()}: {plan.StatusReason}", resolvedAfter, null);
        }
        if (resolvedAfter is { } after && inARow >= plan.ConsecutiveToResolve)
        {
            return new PlanProgressReport(sessions.Count, measures, inARow, PlanProposal.Resolve,
                string.Create(inv, $"Every goal ({string.Join(", ", plan.Goals)}) met at {inARow} measurement(s) in a row: resolved after {after} session(s)? Confirm to close the plan."),
                after, nextReview);
        }
        if (lastReview != default && pain is { ClinicallyImportant: false })
        {
            return new PlanProgressReport(sessions.Count, measures, inARow, PlanProposal.Review,
                string.Create(inv, $"Review point {lastReview:d MMM yyyy} has passed without a clinically important change in pain (about 2 points or 30 %): review the plan, or refer the client."),
                null, nextReview);
        }
        if (sessions.Count >= plan.MaxSessions)
        {
            return new PlanProgressReport(sessions.Count, measures, inARow, PlanProposal.Review,
                string.Create(inv, $"All {plan.MaxSessions} planned sessions are done and the goals are not met: review the plan, or refer the client."),
                null, nextReview);
        }
        var goals = plan.Goals.Count == 0 ? "No measurable goals set." : $"Goals: {string.Join(", ", plan.Goals)}.";
        return new PlanProgressReport(sessions.Count, measures, inARow, PlanProposal.Continue,
            string.Create(inv, $"{sessions.Count} of up to {plan.MaxSessions} sessions. {goals}"), null, nextReview);
    }
}
