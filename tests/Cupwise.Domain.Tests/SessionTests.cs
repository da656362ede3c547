using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Sessions;
using Microsoft.Extensions.Time.Testing;
using static Cupwise.Domain.Tests.TestData;

namespace Cupwise.Domain.Tests;

public sealed class SessionTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    private TreatmentSession NewSession() =>
        TreatmentSession.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, [], _clock);

    private TreatmentSession Completed(out CupApplication cup)
    {
        var session = NewSession();
        cup = session.AddCup(Stationary());
        var start = _clock.GetUtcNow();
        session.ApplyCup(cup.Id, start);
        session.RemoveCup(cup.Id, start.AddMinutes(10), Grade(2), Sensation.Pulling);
        session.Complete(start.AddMinutes(12));
        return session;
    }

    [Fact]
    public void ASessionRunsFromDraftThroughInProgressToCompleted()
    {
        var session = NewSession();
        Assert.Equal(SessionStatus.Draft, session.Status);
        var cup = session.AddCup(Stationary());
        Assert.Equal(TimeSpan.FromMinutes(10), cup.PlannedDuration); // SCIENCE.md §3: about 10 min
        session.ApplyCup(cup.Id, _clock.GetUtcNow());
        Assert.Equal(SessionStatus.InProgress, session.Status);
        session.RemoveCup(cup.Id, _clock.GetUtcNow().AddMinutes(9), Grade(3), null);
        session.Complete(_clock.GetUtcNow().AddMinutes(10));
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal(TimeSpan.FromMinutes(9), session.Cups[0].ActualDuration);
        Assert.Equal(3, session.Cups[0].MarkGrade?.Grade);
    }

    [Fact]
    public void VitalSignsAreKeptReadingByReadingAndScreeningReadsTheLatest()
    {
        var session = NewSession();
        var cup = session.AddCup(Stationary());
        session.RecordVitals(VitalSigns.Take(36.84, 186, 104, 88, _clock.GetUtcNow(), "owner@example.test"));
        session.RecordVitals(VitalSigns.Take(null, 150, 90, null, _clock.GetUtcNow().AddMinutes(5), "owner@example.test"));
        Assert.Equal(["36.8 °C · 186/104 mmHg · pulse 88", "150/90 mmHg"], session.Vitals.Select(v => v.ToString()));
        // The latest value of each sign: the second reading's blood pressure, the first one's temperature and pulse.
        var screened = Safety.ScreeningClient.Nobody.WithVitals(session.Vitals);
        Assert.Equal((36.8, 150, 90, 88), (screened.TemperatureC!.Value, screened.SystolicMmHg!.Value, screened.DiastolicMmHg!.Value, screened.PulseBpm!.Value));

        session.ApplyCup(cup.Id, _clock.GetUtcNow().AddMinutes(6));
        session.RemoveCup(cup.Id, _clock.GetUtcNow().AddMinutes(16), Grade(1), null);
        session.Complete(_clock.GetUtcNow().AddMinutes(17));
        Assert.Throws<DomainStateException>(() => session.RecordVitals(VitalSigns.Take(37, null, null, null, _clock.GetUtcNow(), "owner@example.test")));
        Assert.Equal(2, session.Vitals.Count);
    }

    [Fact]
    public void AReasonGivenOnOneBloodPressureDoesNotCoverALaterReading()
    {
        var session = NewSession();
        session.RecordVitals(VitalSigns.Take(null, 165, 95, null, _clock.GetUtcNow(), "owner@example.test"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        session.RecordOverride("vitals.uncontrolled-hypertension", null, "Usual for this client", "owner@example.test", _clock);
        Assert.True(session.HasOverride("vitals.uncontrolled-hypertension", null, onVitalSigns: true));
        _clock.Advance(TimeSpan.FromMinutes(5));
        session.RecordVitals(VitalSigns.Take(null, 175, 110, null, _clock.GetUtcNow(), "owner@example.test"));
        Assert.False(session.HasOverride("vitals.uncontrolled-hypertension", null, onVitalSigns: true));
        Assert.Null(session.OverrideFor("vitals.uncontrolled-hypertension", null, onVitalSigns: true));
        // A reason about the history, not today's readings, still holds.
        Assert.True(session.HasOverride("vitals.uncontrolled-hypertension", null));
    }

    [Theory]
    [InlineData(29.9, null, null, null, "temperatureC", "between 30 and 45 °C")]
    [InlineData(null, 150, null, null, "diastolicMmHg", "needs both numbers")]
    [InlineData(null, null, 80, null, "systolicMmHg", "needs both numbers")]
    [InlineData(null, 120, 130, null, "diastolicMmHg", "below the upper number (120 mmHg)")]
    [InlineData(null, 301, 80, null, "systolicMmHg", "between 50 and 300 mmHg")]
    [InlineData(null, null, null, 19, "pulseBpm", "between 20 and 250 beats a minute")]
    [InlineData(null, null, null, null, "temperatureC", "at least one of")]
    public void AVitalSignOutsideWhatABodyShowsIsRefusedByName(double? temperature, int? systolic, int? diastolic, int? pulse, string field, string says)
    {
        var e = Assert.Throws<DomainValidationException>(() => VitalSigns.Take(temperature, systolic, diastolic, pulse, _clock.GetUtcNow(), "owner@example.test"));
        Assert.Contains(e.Errors, x => x.Field == field && x.Message.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void CannotCompleteWhileACupIsStillOnTheSkin()
    {
        var session = NewSession();
        var cup = session.AddCup(Stationary());
        session.ApplyCup(cup.Id, _clock.GetUtcNow());
        var e = Assert.Throws<DomainValidationException>(() => session.Complete(_clock.GetUtcNow().AddMinutes(10)));
        Assert.Equal("cups[0].removedAt", e.Field);
        Assert.Equal(SessionStatus.InProgress, session.Status);
    }

    [Fact]
    public void ACupCannotComeOffBeforeItWentOn()
    {
        var session = NewSession();
        var cup = session.AddCup(Stationary());
        session.ApplyCup(cup.Id, _clock.GetUtcNow());
        var e = Assert.Throws<DomainValidationException>(() => session.RemoveCup(cup.Id, _clock.GetUtcNow().AddMinutes(-1), Grade(1), null));
        Assert.Equal("removedAt", e.Field);
    }

    [Fact]
    public void MovingAndFacialCupsDefaultToNoMark()
    {
        var session = NewSession();
        var cup = session.AddCup(FacialGlide());
        session.ApplyCup(cup.Id, _clock.GetUtcNow());
        session.RemoveCup(cup.Id, _clock.GetUtcNow().AddMinutes(2), null, null);
        Assert.Equal(0, session.Cups[0].MarkGrade?.Grade);
        Assert.Null(session.Cups[0].PlannedDuration);
    }

    [Fact]
    public void ACupMustSupportTheSuctionMethod()
    {
        var plan = Stationary(cup: "valve-40");
        var e = Assert.Throws<DomainValidationException>(() => NewSession().AddCup(plan));
        Assert.Equal("method", e.Field);
        Assert.Contains("Pump", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PumpCupsNeedAStrokeCountAndOnlyThey()
    {
        Assert.Equal(5, SuctionSetting.Create(SuctionMethodKind.Pump, 5, null).PumpStrokes);
        Assert.Equal("pumpStrokes", Assert.Throws<DomainValidationException>(() => SuctionSetting.Create(SuctionMethodKind.Pump, null, null)).Field);
        Assert.Equal("pumpStrokes", Assert.Throws<DomainValidationException>(() => SuctionSetting.Create(SuctionMethodKind.FireFlash, 3, null)).Field);
    }

    [Fact]
    public void NegativeOrOverlongDurationsAreRefused()
    {
        var plan = Stationary() with { PlannedDuration = TimeSpan.FromMinutes(-1) };
        Assert.Equal("plannedDurationMin", Assert.Throws<DomainValidationException>(() => NewSession().AddCup(plan)).Field);
        var tooLong = Stationary() with { PlannedDuration = TimeSpan.FromMinutes(61) };
        Assert.Throws<DomainValidationException>(() => NewSession().AddCup(tooLong));
    }

    [Fact]
    public void ACompletedSessionIsNotEditedDirectly()
    {
        var session = Completed(out _);
        Assert.Throws<DomainStateException>(() => session.AddCup(Stationary(side: BodySide.Right)));
    }

    [Fact]
    public void AnAmendmentKeepsWhoWhenWhyAndWhatChanged()
    {
        var session = Completed(out var cup);
        var before = session.Version;
        _clock.Advance(TimeSpan.FromDays(1));
        var amendment = session.Amend("practitioner-1", "Mark re-graded at follow-up photo review",
            new SessionAmendmentChanges(null, null, [new CupAmendment(cup.Id, Grade(3), null, null, null, null, null)]), _clock);
        Assert.Equal(3, session.Cups[0].MarkGrade?.Grade);
        Assert.Equal(before + 1, session.Version);
        var change = Assert.Single(amendment.Changes);
        Assert.Equal(("cups[1].markGrade", "2", "3"), (change.Field, change.From, change.To));
        Assert.Equal(_clock.GetUtcNow(), amendment.AmendedAt);
        Assert.Equal("practitioner-1", amendment.AmendedBy);
        Assert.Single(session.Amendments);
    }

    [Fact]
    public void AnAmendmentNeedsAReasonAndAChange()
    {
        var session = Completed(out var cup);
        Assert.Equal("reason", Assert.Throws<DomainValidationException>(() =>
            session.Amend("p", " ", new SessionAmendmentChanges("new notes", null, []), _clock)).Field);
        Assert.Equal("changes", Assert.Throws<DomainValidationException>(() =>
            session.Amend("p", "why", new SessionAmendmentChanges(null, null, [new CupAmendment(cup.Id, Grade(2), null, null, null, null, null)]), _clock)).Field);
        Assert.Empty(session.Amendments);
    }

    [Fact]
    public void ARefusedAmendmentChangesNothing()
    {
        var session = Completed(out var cup);
        var notes = session.Notes;
        Assert.Throws<DomainValidationException>(() => session.Amend("p", "why",
            new SessionAmendmentChanges("changed notes", null, [new CupAmendment(Guid.NewGuid(), Grade(4), null, null, null, null, null)]), _clock));
        Assert.Equal(notes, session.Notes);
        Assert.Equal(2, session.Cups[0].MarkGrade?.Grade);
    }

    [Fact]
    public void OnlyCompletedSessionsAreAmended()
    {
        var session = NewSession();
        Assert.Throws<DomainStateException>(() => session.Amend("p", "why", new SessionAmendmentChanges("x", null, []), _clock));
    }

    [Fact]
    public void EnteredInErrorKeepsTheRecordAndEndsEditing()
    {
        var session = Completed(out _);
        session.MarkEnteredInError("p", "Charted on the wrong client", _clock);
        Assert.Equal(SessionStatus.EnteredInError, session.Status);
        Assert.Single(session.Cups);
        Assert.Equal(AmendmentKind.EnteredInError, session.Amendments[^1].Kind);
        Assert.Throws<DomainStateException>(() => session.Amend("p", "why", new SessionAmendmentChanges("x", null, []), _clock));
        Assert.Throws<DomainStateException>(() => session.MarkEnteredInError("p", "again", _clock));
    }

    [Fact]
    public void APlannedCupCanBeTakenOffThePlanButNotOnceApplied()
    {
        var session = NewSession();
        var a = session.AddCup(Stationary());
        var b = session.AddCup(Stationary(side: BodySide.Right));
        session.RemovePlannedCup(a.Id);
        Assert.Single(session.Cups);
        session.ApplyCup(b.Id, _clock.GetUtcNow());
        Assert.Throws<DomainStateException>(() => session.RemovePlannedCup(b.Id));
    }

    [Fact]
    public void FacialGlidingIsRecordedByPassesNotTime()
    {
        var session = NewSession();
        var glide = session.AddCup(FacialGlide());
        Assert.Equal((3, (TimeSpan?)null), (glide.Passes!.Value, glide.PlannedDuration)); // SCIENCE.md §3: about three passes
        var five = session.AddCup(FacialGlide("jawline") with { Passes = 5 });
        Assert.Equal(5, five.Passes);
        Assert.Equal("passes", Assert.Throws<DomainValidationException>(() => session.AddCup(Stationary() with { Passes = 3 })).Field);
        Assert.Equal("passes", Assert.Throws<DomainValidationException>(() => session.AddCup(FacialGlide() with { Passes = 0 })).Field);
        Assert.Null(session.AddCup(Stationary()).Passes);
    }
}
