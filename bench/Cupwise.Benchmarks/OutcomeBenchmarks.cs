using BenchmarkDotNet.Attributes;
using Cupwise.Data;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Sessions;
using Cupwise.Plans;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Benchmarks;

/// <summary>Budget (plans and outcomes issue): a client's progress with 60 sessions under 2 ms.</summary>
[MemoryDiagnoser]
public class PlanProgressBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private TreatmentPlan _plan = null!;
    private DateTimeOffset[] _sessions = [];
    private OutcomeMeasurement[] _measurements = [];

    [GlobalSetup]
    public void Setup()
    {
        var practice = Guid.NewGuid();
        var client = Guid.NewGuid();
        _plan = TreatmentPlan.Create(Guid.NewGuid(), practice, client, "Chronic low back pain", null, ProtocolLibrary.Find("chronic-low-back-pain"),
            [new PlanGoal(MeasureKind.Pain, null, null, null, GoalComparison.AtMost, 2), new PlanGoal(MeasureKind.RangeOfMotion, "lumbar spine", "flexion", null, GoalComparison.AtLeast, 60)],
            2, null, 50, 28, Start);
        var clock = new FakeTimeProvider(Start.AddYears(2));
        var random = new Random(60);
        _sessions = [.. Enumerable.Range(0, 60).Select(i => Start.AddDays(i * 5))];
        var measurements = new List<OutcomeMeasurement>();
        foreach (var (at, i) in _sessions.Select((t, i) => (t, i)))
        {
            var session = Guid.NewGuid();
            var pain = Math.Max(2, 8 - (i / 10) + random.Next(-1, 2));
            measurements.Add(OutcomeMeasurement.Record(practice, client, session, MeasureDefinition.Pain(), pain, MeasurementTiming.BeforeSession, at.AddMinutes(-5), clock));
            measurements.Add(OutcomeMeasurement.Record(practice, client, session, MeasureDefinition.Pain(), Math.Max(0, pain - 2), MeasurementTiming.AfterSession, at.AddMinutes(30), clock));
            measurements.Add(OutcomeMeasurement.Record(practice, client, session, MeasureDefinition.RangeOfMotion("lumbar spine", "flexion"), 40 + i / 3.0, MeasurementTiming.BeforeSession, at.AddMinutes(-5), clock));
            measurements.Add(OutcomeMeasurement.Record(practice, client, session, MeasureDefinition.RangeOfMotion("lumbar spine", "flexion"), 45 + i / 3.0, MeasurementTiming.AfterSession, at.AddMinutes(30), clock));
        }
        _measurements = [.. measurements];
    }

    /// <summary>60 sessions, 240 readings (pain and range of motion, before and after), two goals.</summary>
    [Benchmark]
    public PlanProgressReport ProgressSixtySessions() => PlanProgress.Evaluate(_plan, _sessions, _measurements, Start.AddDays(301));
}

/// <summary>
/// Budget (plans and outcomes issue): the practice outcome report over 5,000 clients and 100,000 sessions under
/// 500 ms on SQLite and on PostgreSQL. The database is seeded once: 5,000 clients with one plan each (protocols
/// in turn, a third resolved), 20 completed sessions per plan with a pain score before each, 500 adverse events.
/// CUPWISE_BENCH_POSTGRES (a server connection string) adds the PostgreSQL case.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class OutcomeReportBenchmarks
{
    private DatabaseSettings _database = null!;
    private PracticeScope _scope = null!;

    [Params("sqlite", "postgres")]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        if (Provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("CUPWISE_BENCH_POSTGRES")
                ?? throw new InvalidOperationException("Set CUPWISE_BENCH_POSTGRES to a PostgreSQL server connection string (bench/outcome-report.sh does).");
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"cupwise_bench_{Guid.NewGuid():N}" };
            _database = DatabaseSettings.Resolve(builder.ConnectionString, null);
        }
        else
        {
            _database = DatabaseSettings.Resolve(null, Path.Combine(Path.GetTempPath(), "cupwise-bench", Guid.NewGuid().ToString("N")));
        }
        await DatabaseMigrator.MigrateAsync(_database);
        var practice = new Practice(Guid.NewGuid(), "Benchmark practice", DateTimeOffset.UtcNow);
        _scope = new PracticeScope();
        _scope.Set(practice.Id);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var practitioners = Enumerable.Range(0, 5).Select(i => new Practitioner(Guid.NewGuid(), practice.Id, $"Practitioner {i + 1}", null, start)).ToList();
        await using (var db = _database.CreateContext(_scope))
        {
            db.Practices.Add(practice);
            db.Practitioners.AddRange(practitioners);
            await db.SaveChangesAsync();
        }
        var protocols = ProtocolLibrary.Standard;
        var random = new Random(5000);
        for (var batch = 0; batch < 50; batch++)
        {
            await using var db = _database.CreateContext(_scope);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var c = 0; c < 100; c++)
            {
                var n = (batch * 100) + c;
                var first = start.AddDays(n % 300);
                var client = Client.Create(Guid.NewGuid(), practice.Id, new ClientDetails($"Client{n:D4}", "Benchmark", new DateOnly(1970 + (n % 40), 1 + (n % 12), 1 + (n % 28)),
                    Sex.Female, null, null, new HealthHistory()), clock);
                db.Clients.Add(client);
                var plan = TreatmentPlan.Create(Guid.NewGuid(), practice.Id, client.Id, "Benchmark condition", null, protocols[n % protocols.Count], [], 2, null, 30, 28, first);
                db.Plans.Add(plan);
                var pain = 5 + random.Next(4);
                for (var s = 0; s < 20; s++)
                {
                    var at = first.AddDays(s * 7);
                    var session = TreatmentSession.Create(Guid.NewGuid(), practice.Id, client.Id, practitioners[n % practitioners.Count].Id, null, [], clock);
                    session.LinkToPlan(plan.Id);
                    session.Start(at);
                    session.Complete(at.AddMinutes(40));
                    db.Sessions.Add(session);
                    pain = Math.Clamp(pain - random.Next(-1, 2), 0, 10);
                    db.Outcomes.Add(OutcomeMeasurement.Record(practice.Id, client.Id, session.Id, MeasureDefinition.Pain(), pain, MeasurementTiming.BeforeSession, at.AddMinutes(-5), clock));
                    if ((n * 20) + s < 100_000 && ((n * 20) + s) % 200 == 0)
                    {
                        db.AdverseEvents.Add(AdverseEvent.Record(practice.Id, session, AdverseEventKind.Blister, AdverseEventSeverity.Mild, "lower-back", null, at.AddHours(1), clock));
                    }
                }
                if (n % 3 == 0)
                {
                    plan.Close(PlanStatus.Resolved, "Goals met", first.AddDays(140));
                }
            }
            await db.SaveChangesAsync();
        }
    }

    [Benchmark]
    public async Task<int> ReportFiveThousandClientsHundredThousandSessions()
    {
        await using var db = _database.CreateContext(_scope);
        var rows = await OutcomeReports.LoadAsync(db, null, null, null);
        return rows.Count;
    }
}
