using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Domain.Tests;

public sealed class PlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Practice = Guid.NewGuid();
    private static readonly Guid Client = Guid.NewGuid();

    [Fact]
    public void EveryProtocolStatesItsEvidenceWithSources()
    {
        Assert.Equal(6, ProtocolLibrary.Standard.Count);
        Assert.All(ProtocolLibrary.Standard, p =>
        {
            Assert.NotEmpty(p.Evidence.Sources);
            Assert.NotEmpty(p.Sites);
            Assert.InRange(p.IntervalDays, 3, 14);
        });
        Assert.StartsWith("No controlled evidence found", ProtocolLibrary.Find("facial-appearance")!.Evidence.Statement, StringComparison.Ordinal);
        Assert.StartsWith("No controlled evidence found", ProtocolLibrary.Find("sinus-headache-facial")!.Evidence.Statement, StringComparison.Ordinal);
        Assert.Contains("not been shown to be clearly better than sham", ProtocolLibrary.Find("neck-pain")!.Evidence.Statement, StringComparison.Ordinal);
        Assert.Contains(ProtocolLibrary.Find("chronic-low-back-pain")!.Evidence.Sources, s => s.Contains("J Bodyw Mov Ther 2020", StringComparison.Ordinal));
    }

    [Fact]
    public void APlanNamesEveryBadField()
    {
        var e = Assert.Throws<DomainValidationException>(() => TreatmentPlan.Create(Guid.NewGuid(), Practice, Client, "", "neck", null,
            [new PlanGoal(MeasureKind.Pain, null, null, null, GoalComparison.AtMost, 11), new PlanGoal(MeasureKind.RangeOfMotion, null, null, null, GoalComparison.AtLeast, 70)],
            0, 1, 0, 3, Start));
        Assert.Equal(["condition", "icd10", "consecutiveToResolve", "intervalDays", "maxSessions", "reviewEveryDays", "goals[0].threshold", "goals[1]"],
            e.Errors.Select(x => x.Field));
        var fromProtocol = TreatmentPlan.Create(Guid.NewGuid(), Practice, Client, "Stiff neck", null, ProtocolLibrary.Find("neck-pain"), [], null, null, null, null, Start);
        Assert.Equal(("M54.2", 4, 4, "pain ≤ 1"), (fromProtocol.Icd10, fromProtocol.IntervalDays, fromProtocol.MaxSessions, fromProtocol.Goals.Single().ToString()));
        fromProtocol.Close(PlanStatus.Resolved, "Free of pain, full rotation", Start.AddDays(9));
        Assert.Throws<DomainStateException>(() => fromProtocol.Close(PlanStatus.Stopped, "again", Start.AddDays(10)));
    }

    private static OutcomeMeasurement Pain(double value, MeasurementTiming timing, DateTimeOffset at, Guid? session) =>
        OutcomeMeasurement.Record(Practice, Client, session, MeasureDefinition.Pain(), value, timing, at, new FakeTimeProvider(at.AddDays(1)));

    private static OutcomeMeasurement Rotation(double value, MeasurementTiming timing, DateTimeOffset at, Guid? session) =>
        OutcomeMeasurement.Record(Practice, Client, session, MeasureDefinition.RangeOfMotion("cervical spine", "rotation left"), value, timing, at, new FakeTimeProvider(at.AddDays(1)));

    private static TreatmentPlan NeckPlan() => TreatmentPlan.Create(Guid.NewGuid(), Practice, Client, "Stiff neck", null, ProtocolLibrary.Find("neck-pain"),
        [new PlanGoal(MeasureKind.Pain, null, null, null, GoalComparison.AtMost, 1), new PlanGoal(MeasureKind.RangeOfMotion, "cervical spine", "rotation left", null, GoalComparison.AtLeast, 70)],
        2, null, null, 28, Start);

    [Fact]
    public void GoalsMetTwiceInARowProposeResolvedAfterTheSessionsSoFar()
    {
        var plan = NeckPlan();
        var (s1, s2) = (Guid.NewGuid(), Guid.NewGuid());
        var visit1 = Start;
        var visit2 = Start.AddDays(4);
        List<OutcomeMeasurement> m =
        [
            Pain(7, MeasurementTiming.BeforeSession, visit1, s1), Rotation(25, MeasurementTiming.BeforeSession, visit1, s1),
            Pain(4, MeasurementTiming.AfterSession, visit1.AddMinutes(40), s1), Rotation(50, MeasurementTiming.AfterSession, visit1.AddMinutes(40), s1),
            Pain(3, MeasurementTiming.BeforeSession, visit2, s2), Rotation(60, MeasurementTiming.BeforeSession, visit2, s2),
            Pain(0, MeasurementTiming.AfterSession, visit2.AddMinutes(40), s2), Rotation(80, MeasurementTiming.AfterSession, visit2.AddMinutes(40), s2),
        ];
        var once = PlanProgress.Evaluate(plan, [visit1, visit2], m, visit2.AddHours(2));
        Assert.Equal((PlanProposal.Continue, 1), (once.Proposal, once.GoalsMetInARow)); // met once: not yet

        m.Add(Pain(0, MeasurementTiming.Standalone, visit2.AddDays(2), null)); // at home two days later, rotation carried forward
        var twice = PlanProgress.Evaluate(plan, [visit1, visit2], m, visit2.AddDays(2).AddHours(1));
        Assert.Equal((PlanProposal.Resolve, 2, 2), (twice.Proposal, twice.GoalsMetInARow, twice.ResolvedAfterSessions));
        Assert.Contains("resolved after 2 session(s)", twice.Message, StringComparison.Ordinal);
        var pain = twice.Measures.Single(x => x.Measure == "pain");
        Assert.Equal((7.0, 0.0), (pain.Baseline, pain.Latest));
        Assert.NotNull(pain.CourseChange); // three sustained readings: 7, 3, 0
    }

    [Fact]
    public void AReviewPointWithoutAnImportantChangeAsksForReview()
    {
        var plan = TreatmentPlan.Create(Guid.NewGuid(), Practice, Client, "Low back pain", null, ProtocolLibrary.Find("chronic-low-back-pain"), [], 2, null, null, 14, Start);
        var sessions = new[] { Start, Start.AddDays(7) };
        List<OutcomeMeasurement> m = [Pain(6, MeasurementTiming.BeforeSession, sessions[0], Guid.NewGuid()), Pain(5, MeasurementTiming.BeforeSession, sessions[1], Guid.NewGuid())];
        var before = PlanProgress.Evaluate(plan, sessions, m, Start.AddDays(13));
        Assert.Equal(PlanProposal.Continue, before.Proposal);
        Assert.Equal(Start.AddDays(14), before.NextReview);

        var after = PlanProgress.Evaluate(plan, sessions, m, Start.AddDays(15)); // the clock passes the review point
        Assert.Equal(PlanProposal.Review, after.Proposal);
        Assert.Contains("without a clinically important change", after.Message, StringComparison.Ordinal);

        m.Add(Pain(3, MeasurementTiming.Standalone, Start.AddDays(14), null)); // 6 → 3: 3 points, 50 %
        Assert.Equal(PlanProposal.Continue, PlanProgress.Evaluate(plan, sessions, m, Start.AddDays(15)).Proposal);
    }
}
