using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise;

public sealed record DemoLoadResult(bool Created, string PracticeName, int Clients, int Sessions, int Outcomes);

/// <summary>
/// A demo practice built from three common cases (issue 2): a stiff neck after sleeping wrong, facial cupping
/// with a facial treatment, and chronic low-back pain treated with stationary fire cupping over several visits.
/// Loading twice adds nothing: the practice has a fixed id and the whole load is one transaction.
/// </summary>
public static partial class DemoPractice
{
    public static readonly Guid PracticeId = new("c0ffee00-0000-4000-8000-000000000001");
    public static readonly Guid PractitionerId = new("c0ffee00-0000-4000-8000-000000000002");
    public static readonly Guid NeckClientId = new("c0ffee00-0000-4000-8000-0000000000a1");
    public static readonly Guid FacialClientId = new("c0ffee00-0000-4000-8000-0000000000b1");
    public static readonly Guid BackClientId = new("c0ffee00-0000-4000-8000-0000000000c1");
    public static readonly Guid NeckPlanId = new("c0ffee00-0000-4000-8000-0000000000a2");
    public static readonly Guid BackPlanId = new("c0ffee00-0000-4000-8000-0000000000c2");
    public const string Name = "Cupwise demo practice";

    public static async Task<DemoLoadResult> LoadAsync(DatabaseSettings database, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var scope = new PracticeScope();
        scope.Set(PracticeId);
        await using var db = database.CreateContext(scope);
        if (await db.Practices.AnyAsync(p => p.Id == PracticeId, cancellationToken))
        {
            return new DemoLoadResult(false, Name, 0, 0, 0);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var builder = new Builder(db, clock);
        builder.Load();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DemoLoadResult(true, Name, 3, builder.Sessions, builder.Outcomes);
    }

    private sealed class Builder(CupwiseDbContext db, TimeProvider clock)
    {
        private readonly Dictionary<string, Cup> _cups = StandardCatalogue.Cups.ToDictionary(c => c.Id);
        private readonly Dictionary<string, BodySite> _sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        private readonly DateTimeOffset _today = new(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

        public int Sessions { get; private set; }
        public int Outcomes { get; private set; }

        public void Load()
        {
            db.Practices.Add(new Practice(PracticeId, Name, clock.GetUtcNow()));
            db.Practitioners.Add(new Practitioner(PractitionerId, PracticeId, "Demo practitioner", "Acupuncturist", clock.GetUtcNow()));
            db.Services.AddRange(
                Domain.Scheduling.VisitService.Create(PracticeId, "Cupping, first visit with health history", 60, 7500),
                Domain.Scheduling.VisitService.Create(PracticeId, "Cupping", 45, 6000),
                Domain.Scheduling.VisitService.Create(PracticeId, "Facial cupping", 30, 4500));
            StiffNeck();
            FacialCupping();
            LowBackPain();
        }

        // (a) An adult who slept wrong and could not turn their neck: cups on the neck and upper back; better after
        // the first visit, free of pain with full rotation after the second.
        private void StiffNeck()
        {
            var client = Client.Create(NeckClientId, PracticeId, new ClientDetails("Demo (stiff neck)", "Client A",
                new DateOnly(1989, 3, 14), Sex.Male, null, null, new HealthHistory
                {
                    Conditions = [new Condition { Name = "Acute stiff neck after sleeping awkwardly", Icd10 = "M54.2" }],
                    Notes = "Woke unable to turn the head to the left; no injury, no numbness or arm symptoms.",
                }), clock);
            db.Clients.Add(client);

            // The plan: the neck-pain protocol, done when pain is at most 1 and rotation to the left at least 70°,
            // at two measurements in a row.
            db.Plans.Add(TreatmentPlan.Create(NeckPlanId, PracticeId, client.Id, "Acute stiff neck after sleeping awkwardly", null, ProtocolLibrary.Find("neck-pain"),
                [new PlanGoal(MeasureKind.Pain, null, null, null, GoalComparison.AtMost, 1),
                 new PlanGoal(MeasureKind.RangeOfMotion, "cervical spine", "rotation left", null, GoalComparison.AtLeast, 70)],
                2, null, null, null, _today.AddDays(-9)));
            var visits = new[] { (Day: -9, PainBefore: 7, PainAfter: 4, RotBefore: 25.0, RotAfter: 50.0, Marks: new[] { 2, 2, 2, 1 }),
                                 (Day: -5, PainBefore: 3, PainAfter: 0, RotBefore: 60.0, RotAfter: 80.0, Marks: new[] { 1, 1, 1, 1 }) };
            foreach (var visit in visits)
            {
                var start = _today.AddDays(visit.Day).AddHours(9);
                var session = Session(client.Id, "Stiff neck: stationary glass cups on the upper trapezius and upper back after acupuncture.",
                    [new AdjunctTreatment { Kind = AdjunctKind.Acupuncture, Detail = "GB20, GB21, SI3 (left); needles out before cupping" }]);
                session.LinkToPlan(NeckPlanId);
                var cups = new[]
                {
                    Plan("glass-medium", "upper-trapezius", BodySide.Left, Technique.Stationary, SuctionMethodKind.FireFlash, 8),
                    Plan("glass-medium", "upper-trapezius", BodySide.Right, Technique.Stationary, SuctionMethodKind.FireFlash, 8),
                    Plan("glass-large", "upper-back", BodySide.Left, Technique.Stationary, SuctionMethodKind.FireFlash, 8),
                    Plan("glass-large", "upper-back", BodySide.Right, Technique.Stationary, SuctionMethodKind.FireFlash, 8),
                };
                Run(session, start, cups, visit.Marks, TimeSpan.FromMinutes(8), Sensation.Pulling);
                Measure(client.Id, session.Id, MeasureDefinition.Pain(), visit.PainBefore, MeasurementTiming.BeforeSession, start.AddMinutes(-5));
                Measure(client.Id, session.Id, MeasureDefinition.Pain(), visit.PainAfter, MeasurementTiming.AfterSession, start.AddMinutes(30));
                var rotation = MeasureDefinition.RangeOfMotion("cervical spine", "rotation left");
                Measure(client.Id, session.Id, rotation, visit.RotBefore, MeasurementTiming.BeforeSession, start.AddMinutes(-5));
                Measure(client.Id, session.Id, rotation, visit.RotAfter, MeasurementTiming.AfterSession, start.AddMinutes(30));
            }
            // Two days after the second visit, at home: still free of pain.
            db.Outcomes.Add(OutcomeMeasurement.Record(PracticeId, client.Id, null, MeasureDefinition.Pain(), 0, MeasurementTiming.Standalone, _today.AddDays(-3).AddHours(19), clock));
            Outcomes++;
        }

        // (b) Facial cupping with small silicone cups glided along the face, combined with a facial treatment; no marks.
        private void FacialCupping()
        {
            var client = Client.Create(FacialClientId, PracticeId, new ClientDetails("Demo (facial cupping)", "Client B",
                new DateOnly(1983, 8, 2), Sex.Female, null, null, new HealthHistory
                {
                    Allergies = [new Allergy { Substance = "Lanolin", Reaction = "itchy rash" }],
                    Notes = "Wants less morning puffiness. No skin conditions on the face.",
                }), clock);
            db.Clients.Add(client);
            // Four days ago, so that its sites have cleared whatever the hour the demo starts (the interval is three days).
            var start = _today.AddDays(-4).AddHours(14);
            var session = Session(client.Id, "Facial cupping: oil first, cups kept moving upward and outward, three passes per pathway, then down the side of the neck.",
            [
                new AdjunctTreatment { Kind = AdjunctKind.FacialProduct, Detail = "Cleanser, then jojoba facial oil before cupping" },
                new AdjunctTreatment { Kind = AdjunctKind.FacialProduct, Detail = "Hydrating serum after cupping" },
            ]);
            var cups = new[]
            {
                Plan("silicone-face-35", "face-neck-lateral", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-35", "face-neck-lateral", BodySide.Right, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-35", "forehead", BodySide.None, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-35", "cheek", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-35", "cheek", BodySide.Right, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-35", "jawline", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-35", "jawline", BodySide.Right, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-18", "under-eye", BodySide.Left, Technique.Moving, SuctionMethodKind.Squeeze, null),
                Plan("silicone-face-18", "under-eye", BodySide.Right, Technique.Moving, SuctionMethodKind.Squeeze, null),
            };
            Run(session, start, cups, null, TimeSpan.FromMinutes(1.5), Sensation.Comfortable);
            var puffiness = MeasureDefinition.Custom("Morning puffiness (self-rated)", 0, 10, "{score}");
            Measure(client.Id, session.Id, puffiness, 6, MeasurementTiming.BeforeSession, start.AddMinutes(-5));
            Measure(client.Id, session.Id, puffiness, 4, MeasurementTiming.AfterSession, start.AddMinutes(40));
        }

        // (c) Chronic low-back pain: 10-minute stationary glass fire cupping over several visits; marks that last days;
        // pain before and after each visit.
        private void LowBackPain()
        {
            var client = Client.Create(BackClientId, PracticeId, new ClientDetails("Demo (low-back pain)", "Client C",
                new DateOnly(1970, 11, 20), Sex.Male, null, null, new HealthHistory
                {
                    Conditions = [new Condition { Name = "Chronic low back pain", Icd10 = "M54.5", Notes = "More than 6 months; desk job." }],
                    Medications = [new Medication { Name = "Ibuprofen", Dose = "400 mg as needed" }],
                }), clock);
            db.Clients.Add(client);
            db.Plans.Add(TreatmentPlan.Create(BackPlanId, PracticeId, client.Id, "Chronic low back pain", null, ProtocolLibrary.Find("chronic-low-back-pain"),
                [], 2, null, null, null, _today.AddDays(-22)));
            var visits = new[]
            {
                (Day: -22, Before: 6, After: 4, Marks: new[] { 3, 3, 3, 2 }),
                (Day: -15, Before: 6, After: 3, Marks: new[] { 3, 2, 2, 2 }),
                (Day: -8, Before: 5, After: 3, Marks: new[] { 2, 2, 2, 2 }),
                (Day: -1, Before: 4, After: 2, Marks: new[] { 2, 2, 1, 1 }), // yesterday: the marks are still there, fading
            };
            foreach (var visit in visits)
            {
                var start = _today.AddDays(visit.Day).AddHours(11);
                var session = Session(client.Id, "Low-back pain: four stationary glass fire cups beside the lumbar spine, 10 min.", []);
                session.LinkToPlan(BackPlanId);
                var upper = _sites["lower-back"].CentreY - 6;
                var lower = _sites["lower-back"].CentreY + 6;
                var cups = new[]
                {
                    Plan("glass-large", "lower-back", BodySide.Left, Technique.Stationary, SuctionMethodKind.FireCottonBall, 10, (43, upper)),
                    Plan("glass-large", "lower-back", BodySide.Right, Technique.Stationary, SuctionMethodKind.FireCottonBall, 10, (57, upper)),
                    Plan("glass-large", "lower-back", BodySide.Left, Technique.Stationary, SuctionMethodKind.FireCottonBall, 10, (43, lower)),
                    Plan("glass-large", "lower-back", BodySide.Right, Technique.Stationary, SuctionMethodKind.FireCottonBall, 10, (57, lower)),
                };
                Run(session, start, cups, visit.Marks, TimeSpan.FromMinutes(10), Sensation.Strong);
                Measure(client.Id, session.Id, MeasureDefinition.Pain(), visit.Before, MeasurementTiming.BeforeSession, start.AddMinutes(-5));
                Measure(client.Id, session.Id, MeasureDefinition.Pain(), visit.After, MeasurementTiming.AfterSession, start.AddMinutes(25));
            }
        }

        private TreatmentSession Session(Guid clientId, string notes, List<AdjunctTreatment> adjuncts) =>
            TreatmentSession.Create(Guid.NewGuid(), PracticeId, clientId, PractitionerId, notes, adjuncts, clock);

        private CupPlan Plan(string cup, string site, BodySide side, Technique technique, SuctionMethodKind method, double? minutes, (double X, double Y)? at = null)
        {
            var s = _sites[site];
            // Back view: the client's left is on the viewer's left, so left cups sit at x < 50.
            var position = at is { } p ? MapPoint.Create(s.View, p.X, p.Y) : (MapPoint?)null;
            return new CupPlan(_cups[cup], s, side, position, technique, SuctionSetting.Create(method, null, null),
                minutes is { } m ? TimeSpan.FromMinutes(m) : null, null, null, null);
        }

        private void Run(TreatmentSession session, DateTimeOffset start, CupPlan[] plans, int[]? marks, TimeSpan each, Sensation sensation)
        {
            session.Start(start);
            var at = start;
            for (var i = 0; i < plans.Length; i++)
            {
                var cup = session.AddCup(plans[i]);
                // Stationary cups go on a minute apart; moving cups follow one another.
                var on = plans[i].Technique == Technique.Moving ? at : start.AddMinutes(i);
                session.ApplyCup(cup.Id, on);
                session.RemoveCup(cup.Id, on + each, marks is null ? null : MarkGrade.FromGrade(marks[i]), sensation);
                at = on + each;
            }
            session.Complete(session.Cups.Max(c => c.RemovedAt!.Value).AddMinutes(5));
            db.Sessions.Add(session);
            Sessions++;
        }

        private void Measure(Guid clientId, Guid sessionId, MeasureDefinition measure, double value, MeasurementTiming timing, DateTimeOffset at)
        {
            db.Outcomes.Add(OutcomeMeasurement.Record(PracticeId, clientId, sessionId, measure, value, timing, at, clock));
            Outcomes++;
        }
    }
}
