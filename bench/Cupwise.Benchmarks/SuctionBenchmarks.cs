using BenchmarkDotNet.Attributes;
using Cupwise.Physics;

namespace Cupwise.Benchmarks;

/// <summary>
/// Budgets (issue: suction model): a full 15-minute curve under 200 µs; one pressure at a time point under
/// 20 µs; no allocations in the steady-state solver. Results go in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class SuctionBenchmarks
{
    private readonly SuctionPoint[] _curve = new SuctionPoint[181]; // 15 min every 5 s
    private SuctionState _state;
    private SuctionInputs _inputs = null!;

    [Params(SuctionMethod.FireCottonBall, SuctionMethod.FireFlash, SuctionMethod.Pump, SuctionMethod.Squeeze)]
    public SuctionMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var material = Method switch
        {
            SuctionMethod.Pump => WallMaterial.Plastic,
            SuctionMethod.Squeeze => WallMaterial.Silicone,
            _ => WallMaterial.Bamboo, // the leaky case does the most work
        };
        var cup = new CupGeometry(Length.FromMillimetres(45), Volume.FromMillilitres(80), material);
        _inputs = new SuctionInputs(cup, Method, TissueProperties.For(TissueRegion.Back)) { PumpStrokes = 6 };
        _state = SuctionModel.Prepare(_inputs);
    }

    /// <summary>One full curve from a prepared cup: the steady-state solver.</summary>
    [Benchmark]
    public SuctionPoint Curve15Minutes()
    {
        SuctionModel.Curve(_state, TimeSpan.FromMinutes(15), _curve);
        return _curve[^1];
    }

    /// <summary>One pressure at a time point, from the inputs (prepare included).</summary>
    [Benchmark]
    public SuctionPoint PressureAtTenMinutes() => SuctionModel.At(_inputs, TimeSpan.FromMinutes(10));

    /// <summary>One pressure at a time point on a prepared cup.</summary>
    [Benchmark]
    public SuctionPoint PreparedPointAtTenMinutes() => _state.At(600);
}
