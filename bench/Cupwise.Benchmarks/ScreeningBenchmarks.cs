using BenchmarkDotNet.Attributes;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;

namespace Cupwise.Benchmarks;

/// <summary>Budget (issue: safety screening): a client with 20 history items against a 12-cup plan, under 50 µs.</summary>
[MemoryDiagnoser]
public class ScreeningBenchmarks
{
    private ScreeningClient _client = null!;
    private Client _record = null!;
    private ScreeningCup[] _plan = [];

    /// <summary>Two readings taken at the start, as a session keeps them.</summary>
    private readonly VitalSigns[] _vitals =
    [
        VitalSigns.Take(37.1, 168, 96, 84, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), "bench"),
        VitalSigns.Take(null, 152, 92, null, new DateTimeOffset(2026, 12, 1, 9, 5, 0, TimeSpan.Zero), "bench"),
    ];

    [GlobalSetup]
    public void Setup()
    {
        var conditions = new[] { "anaemia", "just-ate", "menstruation", "severe-heart-disease", "dvt-history", "advanced-diabetes" };
        var medicines = new[] { "Warfarin 5 mg", "Metformin 500 mg twice daily", "atorvastatin", "Ramipril (Tritace) 5mg", "aspirin 75 mg" };
        var allergies = new[] { new Allergy { Substance = "Sweet almond oil", Reaction = "itchy rash" }, new Allergy { Substance = "Latex gloves", Severity = AllergySeverity.Moderate } };
        var findings = new[]
        {
            new SkinFinding { SiteId = "calf", Side = BodySide.Left, Kind = SkinFindingKind.VaricoseVeins },
            new SkinFinding { SiteId = "lower-back", Side = BodySide.Right, Kind = SkinFindingKind.Scar },
            new SkinFinding { SiteId = "abdomen", Kind = SkinFindingKind.FreshScar },
            new SkinFinding { SiteId = "forearm", Side = BodySide.Left, Kind = SkinFindingKind.Bruise },
            new SkinFinding { SiteId = "upper-back", Side = BodySide.Left, Kind = SkinFindingKind.Lesion },
            new SkinFinding { SiteId = "thigh-posterior", Side = BodySide.Right, Kind = SkinFindingKind.BrokenSkin },
            new SkinFinding { SiteId = "cheek", Side = BodySide.Left, Kind = SkinFindingKind.AllergicRash },
        }; // 6 conditions + 5 medicines + 2 allergies + 7 skin findings = 20 history items
        _client = new ScreeningClient(72, false, 37.1, conditions, medicines, findings, FirstSession: true, HomeUser: false) { Allergens = ["nut-oil", "latex"] }
            .WithVitals(_vitals);
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        var planned = new[] { "lower-back", "lower-back", "upper-back", "upper-back", "mid-back", "mid-back", "upper-trapezius", "upper-trapezius", "scapula", "scapula", "calf", "neck-posterior" };
        _plan = [.. planned.Select((id, i) => new ScreeningCup(sites[id], sites[id].Sides == SideHandling.Bilateral ? (i % 2 == 0 ? BodySide.Left : BodySide.Right) : BodySide.None,
            Technique.Stationary, i % 3 == 0 ? SuctionMethodKind.FireFlash : SuctionMethodKind.Pump, 12, -250))];
        // The same history as a practitioner records it: free text, codes and statuses, read by ScreeningClient.From.
        var history = new HealthHistory
        {
            Conditions =
            [
                new Condition { Name = "Iron-deficiency anaemia" }, new Condition { Name = "Hay fever" }, new Condition { Name = "Heavy periods", Icd10 = "N92.0" },
                new Condition { Name = "Unstable angina", Icd10 = "I20.0" }, new Condition { Name = "Deep vein thrombosis, left calf", Status = ConditionStatus.HistoryOf },
                new Condition { Name = "Type 2 diabetes with neuropathy", Icd10 = "E11.4" },
            ],
            Medications = [.. medicines.Select(m => new Medication { Name = m })],
            SkinFindings = [.. findings],
            Allergies = [.. allergies],
        };
        _record = Client.Create(Guid.NewGuid(), Guid.NewGuid(), new ClientDetails("Bench", "Client", new DateOnly(1954, 3, 1), Sex.Female, null, null, history), TimeProvider.System);
        _ = ScreeningEngine.Standard; // load the rule file outside the measurement
        _ = ScreeningClient.From(_record, new DateOnly(2026, 12, 1), firstSession: true); // and the condition and medicine lists
    }

    [Benchmark]
    public ScreeningResult ScreenTwentyItemsTwelveCups() => ScreeningEngine.Standard.Screen(_client, _plan);

    /// <summary>The whole path a session takes: read the recorded history (codes, words, statuses) and the vital signs, then screen.</summary>
    [Benchmark]
    public ScreeningResult ReadTheRecordedHistoryAndScreen() =>
        ScreeningEngine.Standard.Screen(ScreeningClient.From(_record, new DateOnly(2026, 12, 1), firstSession: true).WithVitals(_vitals), _plan);
}
