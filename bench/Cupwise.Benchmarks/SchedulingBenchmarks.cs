using BenchmarkDotNet.Attributes;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Scheduling;
using Cupwise.Domain.Sessions;

namespace Cupwise.Benchmarks;

/// <summary>
/// Budgets (issue: marks and scheduling): eligibility for a client with 60 sessions and 400 applications under
/// 1 ms; next-slot search over 8 weeks for one practitioner under 5 ms.
/// </summary>
[MemoryDiagnoser]
public class SchedulingBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private MarkRecord[] _marks = [];
    private MarkObservation[] _observations = [];
    private Appointment[] _booked = [];
    private TimeZoneInfo _berlin = null!;
    private DateTimeOffset _searchFrom;

    [GlobalSetup]
    public void Setup()
    {
        // 60 sessions over 10 months, 6 or 7 cups each (400 in all) over 8 back sites, grades 1–4; 30 follow-ups.
        string[] sites = ["upper-back", "mid-back", "lower-back", "scapula", "upper-trapezius", "neck-posterior", "buttock", "calf"];
        var marks = new List<MarkRecord>();
        var random = new Random(6);
        for (var session = 0; session < 60; session++)
        {
            var removed = Start.AddDays(session * 5).AddMinutes(12);
            var cups = session < 40 ? 7 : 6; // 280 + 120 = 400
            for (var cup = 0; cup < cups; cup++)
            {
                var site = sites[(session + cup) % sites.Length];
                var side = site == "neck-posterior" ? BodySide.None : cup % 2 == 0 ? BodySide.Left : BodySide.Right;
                marks.Add(new MarkRecord(site, side, removed, MarkGrade.FromGrade(1 + random.Next(4), "grade"), Technique.Stationary, MapView.Back,
                    TimeSpan.FromMinutes(8 + random.Next(6)), GaugePressure.FromMmHg(-150 - random.Next(150))));
            }
        }
        _marks = [.. marks];
        _observations = [.. marks.Where((_, i) => i % 13 == 0).Take(30).Select(m => new MarkObservation(m.SiteId, m.Side, m.RemovedAt.AddDays(3), MarkGrade.FromGrade(0, "grade")))];

        // One practitioner, 8 weeks ahead, days mostly full: 12 appointments a day on weekdays, gaps here and there.
        _searchFrom = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        var booked = new List<Appointment>();
        var practitioner = Guid.NewGuid();
        for (var day = 0; day < 56; day++)
        {
            var date = _searchFrom.Date.AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            for (var slot = 0; slot < 16; slot++)
            {
                if ((slot + day) % 7 == 0 && day < 50)
                {
                    continue; // a few free half hours, too short for 45 minutes
                }
                booked.Add(Appointment.Book(Guid.NewGuid(), Guid.NewGuid(), practitioner, null, new DateTimeOffset(date.AddHours(8 + (slot * 0.5)), TimeSpan.Zero),
                    TimeSpan.FromMinutes(30), ["lower-back:left"]));
            }
        }
        _booked = [.. booked];
        _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    }

    [Benchmark]
    public IReadOnlyList<SiteEligibility> EligibilitySixtySessionsFourHundredCups() => MarkForecaster.Eligibility(_marks, _observations);

    /// <summary>A search that must walk almost all of the 8 weeks before it finds free time (the last week).</summary>
    [Benchmark]
    public IReadOnlyList<DateTimeOffset> NextSlotsEightWeeksBusyPractitioner() =>
        SlotFinder.FreeSlots(_searchFrom, TimeSpan.FromMinutes(45), WorkingHours.Default, _booked, count: 5, zone: _berlin);
}
