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
    private ScreeningCup[] _plan = [];

    [GlobalSetup]
    public void Setup()
    {
        var conditions = new[] { "anaemia", "just-ate", "menstruation", "severe-heart-disease", "dvt-history", "advanced-diabetes" };
        var medicines = new[] { "warfarin", "metformin", "atorvastatin", "ramipril", "aspirin", "omeprazole", "sertraline" };
        var findings = new[]
        {
            new SkinFinding { SiteId = "calf", Side = BodySide.Left, Kind = SkinFindingKind.VaricoseVeins },
            new SkinFinding { SiteId = "lower-back", Side = BodySide.Right, Kind = SkinFindingKind.Scar },
            new SkinFinding { SiteId = "abdomen", Kind = SkinFindingKind.FreshScar },
            new SkinFinding { SiteId = "forearm", Side = BodySide.Left, Kind = SkinFindingKind.Bruise },
            new SkinFinding { SiteId = "upper-back", Side = BodySide.Left, Kind = SkinFindingKind.Lesion },
            new SkinFinding { SiteId = "thigh-posterior", Side = BodySide.Right, Kind = SkinFindingKind.BrokenSkin },
            new SkinFinding { SiteId = "cheek", Side = BodySide.Left, Kind = SkinFindingKind.AllergicRash },
        }; // 6 + 7 + 7 = 20 history items
        _client = new ScreeningClient(72, false, 37.1, conditions, medicines, findings, FirstSession: true, HomeUser: false);
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        var planned = new[] { "lower-back", "lower-back", "upper-back", "upper-back", "mid-back", "mid-back", "upper-trapezius", "upper-trapezius", "scapula", "scapula", "calf", "neck-posterior" };
        _plan = [.. planned.Select((id, i) => new ScreeningCup(sites[id], sites[id].Sides == SideHandling.Bilateral ? (i % 2 == 0 ? BodySide.Left : BodySide.Right) : BodySide.None,
            Technique.Stationary, i % 3 == 0 ? SuctionMethodKind.FireFlash : SuctionMethodKind.Pump, 12, -250))];
        _ = ScreeningEngine.Standard; // load the rule file outside the measurement
    }

    [Benchmark]
    public ScreeningResult ScreenTwentyItemsTwelveCups() => ScreeningEngine.Standard.Screen(_client, _plan);
}
