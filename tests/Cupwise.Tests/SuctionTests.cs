using System.Net;
using System.Text.Json;
using Cupwise.Cli;
using Cupwise.Domain.Sessions;
using Cupwise.Sessions;
using Cupwise.Suction;

namespace Cupwise.Tests;

public sealed class SuctionApiTests
{
    [Fact]
    public async Task AFireCupsEstimateComesWithItsCurveAndReasons()
    {
        await using var app = await CupwiseApp.StartAsync();
        var estimate = await (await app.PostAsync("/api/v1/suction/estimate", new SuctionEstimateRequest("glass-large", "fire-cotton-ball", SiteId: "lower-back")))
            .ReadAsync<SuctionEstimateResponse>(HttpStatusCode.OK);
        Assert.InRange(estimate.PressureMmHg, -420, -300);
        Assert.Equal(estimate.PressureMmHg * 0.133322, estimate.PressureKPa, 0.05);
        Assert.InRange(estimate.LiftMm, 3, 13); // "a few millimetres", up to about half an inch
        Assert.Equal(181, estimate.Curve.Count);
        Assert.Equal(15, estimate.Curve[^1].Minutes, 6);
        Assert.Contains(estimate.Assumptions, a => a.Contains("An et al. 2021", StringComparison.Ordinal));
        // Ten minutes on the lower back: nothing to adjust, only the fire-safety note every fire cup gets from the rules.
        Assert.Equal(["procedure.fire-safety"], estimate.Findings.Select(f => f.RuleId));
        Assert.All(estimate.Findings, f => Assert.Equal("info", f.Severity));
    }

    [Fact]
    public async Task ACustomPumpCupAndItsStrokes()
    {
        await using var app = await CupwiseApp.StartAsync();
        async Task<double> Strokes(int n) => (await (await app.PostAsync("/api/v1/suction/estimate",
            new SuctionEstimateRequest(null, "pump", Strokes: n, RimMm: 40, VolumeMl: 55, Material: "plastic-valve"))).ReadAsync<SuctionEstimateResponse>(HttpStatusCode.OK)).PressureMmHg;
        var light = await Strokes(2);
        var strong = await Strokes(7);
        Assert.True(strong < light - 100, $"{strong} vs {light}");
        Assert.Equal(0, await Strokes(0), 0.5);
    }

    [Fact]
    public async Task BadRequestsNameTheField()
    {
        await using var app = await CupwiseApp.StartAsync();
        async Task<Dictionary<string, string[]>> Errors(SuctionEstimateRequest r) => await (await app.PostAsync("/api/v1/suction/estimate", r)).ProblemFieldsAsync();
        Assert.Contains("not a known cup", (await Errors(new("teacup", "pump")))["cupId"][0], StringComparison.Ordinal);
        Assert.Contains("does not support pump", (await Errors(new("glass-small", "pump")))["method"][0], StringComparison.Ordinal);
        Assert.Contains("from 0 to 30", (await Errors(new("valve-40", "pump", Strokes: -1)))["strokes"][0], StringComparison.Ordinal);
        Assert.Contains("between 10 and 150 mm", (await Errors(new(null, "fire-flash", RimMm: 0, VolumeMl: 50, Material: "glass")))["rimMm"][0], StringComparison.Ordinal);
        Assert.Contains("setPressureMmHg", (await Errors(new("electric-40", "electric"))).Keys);
        Assert.Contains("atMinutes", (await Errors(new("glass-large", "fire-flash", AtMinutes: 90))).Keys);
    }

    [Fact]
    public async Task FireOnTheFaceIsAFinding()
    {
        await using var app = await CupwiseApp.StartAsync();
        var estimate = await (await app.PostAsync("/api/v1/suction/estimate", new SuctionEstimateRequest("glass-small", "fire-flash", SiteId: "cheek")))
            .ReadAsync<SuctionEstimateResponse>(HttpStatusCode.OK);
        Assert.Contains(estimate.Findings, f => f.RuleId == "procedure.fire-on-face" && f.Severity == "block");
    }

    [Fact]
    public async Task AChartedCupWithoutAReadingIsStoredAsEstimated()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id, cups: 2);
        Assert.All(session.Cups, c =>
        {
            Assert.Equal(PressureSource.Estimated, c.PressureSource);
            Assert.InRange(c.PressureMmHg!.Value, -400, -150);
        });
        var measured = Requests.Cup() with { PressureMmHg = -250, PressureSource = "measured" };
        var draft = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, null, null, null, null, null, [measured])))
            .ReadAsync<SessionResponse>(HttpStatusCode.Created);
        Assert.Equal((PressureSource.Measured, -250.0), (draft.Cups[0].PressureSource!.Value, draft.Cups[0].PressureMmHg!.Value));
    }
}

public sealed class SuctionCommandTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => Cli.RunAsync(args);

    [Fact]
    public async Task TheJsonHasThePressureLiftDomeAndCurve()
    {
        var (exit, output, _) = await RunAsync("suction", "--cup", "glass-large", "--method", "fire-cotton-ball", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.InRange(root.GetProperty("pressureMmHg").GetDouble(), -420, -300);
        Assert.True(root.GetProperty("pressureKPa").GetDouble() < -35);
        Assert.True(root.GetProperty("liftMm").GetDouble() > 0);
        Assert.True(root.GetProperty("domeVolumeMl").GetDouble() > 0);
        var first = root.GetProperty("curve")[0];
        Assert.Equal(["minutes", "pressureMmHg", "liftMm"], first.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task WithoutJsonItPrintsATable()
    {
        var (exit, output, _) = await RunAsync("suction", "--cup", "valve-40", "--method", "pump", "--strokes", "5", "--site", "upper-back", "--at-minutes", "5");
        Assert.Equal(0, exit);
        Assert.Contains("mmHg below ambient at 5 min", output, StringComparison.Ordinal);
        Assert.Contains("lift mm", output, StringComparison.Ordinal);
        Assert.Contains("Assumptions", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("png")]
    public async Task ThePlotIsDrawnToTheFile(string extension)
    {
        var path = Path.Combine(TestDatabase.NewDirectory(), $"curve.{extension}");
        var (exit, _, _) = await RunAsync("suction", "--cup", "bamboo-medium", "--method", "fire-flash", "--plot", path);
        Assert.Equal(0, exit);
        var bytes = await File.ReadAllBytesAsync(path);
        if (extension == "svg")
        {
            Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }
    }

    [Theory]
    [InlineData("--cup teacup --method pump", "--cup")]
    [InlineData("--cup glass-small --method pump", "--method")]
    [InlineData("--cup valve-40 --method pump --strokes -1", "--strokes")]
    [InlineData("--rim-mm 0 --volume-ml 50 --material glass --method fire-flash", "--rim-mm")]
    [InlineData("--cup glass-large --method fire-flash --plot out.pdf", "--plot")]
    public async Task BadInputExitsWithTwoNamingTheOption(string args, string option)
    {
        var (exit, _, error) = await RunAsync(["suction", .. args.Split(' ')]);
        Assert.Equal(2, exit);
        Assert.Contains($"cupwise suction: {option}:", error, StringComparison.Ordinal);
    }
}
