using System.Net;
using System.Text.Json;
using Cupwise.Cli;
using Cupwise.Domain.Safety;
using Cupwise.Safety;

namespace Cupwise.Tests;

public sealed class ScreeningApiTests
{
    private static ScreeningRequest Pregnant() => new(
        new ScreeningClientInput(32, "female", true, 24, 36.7, [], [], [], false, false),
        new ScreeningPlanInput([new ScreeningCupInput("lower-back", "left", "glass-large", "stationary", "fire-flash", 10),
                                new ScreeningCupInput("upper-trapezius", "right", "glass-medium", "stationary", "fire-flash", 10)]));

    [Fact]
    public async Task APregnantClientIsBlockedAtTheLowerBackOnly()
    {
        await using var app = await CupwiseApp.StartAsync();
        var result = await (await app.PostAsync("/api/v1/screening", Pregnant())).ReadAsync<ScreeningResponse>(HttpStatusCode.OK);
        Assert.False(result.Allowed);
        var blocks = result.Findings.Where(f => f.Severity == "block").ToList();
        Assert.Equal(("pregnancy.abdomen-lower-back", 0, "lower-back"), (Assert.Single(blocks).RuleId, blocks[0].Application!.Value, blocks[0].Site!));
        Assert.All(result.Findings, f => Assert.Contains("SCIENCE.md", f.Source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WarfarinAndWetCuppingIsBlocked()
    {
        await using var app = await CupwiseApp.StartAsync();
        var request = new ScreeningRequest(new ScreeningClientInput(50, null, null, null, null, [], ["Warfarin"], [], null, null),
            new ScreeningPlanInput([new ScreeningCupInput("upper-back", "left", "valve-40", "wet", "pump", 5)]));
        var result = await (await app.PostAsync("/api/v1/screening", request)).ReadAsync<ScreeningResponse>(HttpStatusCode.OK);
        Assert.False(result.Allowed);
        Assert.Contains(result.Findings, f => f.RuleId == "client.anticoagulant-wet" && f.Severity == "block");
    }

    [Fact]
    public async Task UnknownNamesAreErrorsThatNameTheNearestValidOnes()
    {
        await using var app = await CupwiseApp.StartAsync();
        var request = new ScreeningRequest(new ScreeningClientInput(50, null, null, null, null, ["haemophilla"], [], [new ScreeningSkinFindingInput("calff", "left", "varicose-vein")], null, null),
            new ScreeningPlanInput([new ScreeningCupInput("lower-bak", "left", null, "stationary", null, 10)]));
        var errors = await (await app.PostAsync("/api/v1/screening", request)).ProblemFieldsAsync();
        Assert.Contains("nearest: haemophilia", errors["client.conditions[0]"][0], StringComparison.Ordinal);
        Assert.Contains("nearest: calf", errors["client.skinFindings[0].site"][0], StringComparison.Ordinal);
        Assert.Contains("varicose-veins", errors["client.skinFindings[0].finding"][0], StringComparison.Ordinal);
        Assert.Contains("nearest: lower-back", errors["plan.applications[0].site"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrongFacialSuctionIsEstimatedFromTheCup()
    {
        await using var app = await CupwiseApp.StartAsync();
        var request = new ScreeningRequest(new ScreeningClientInput(40, null, null, null, null, [], [], [], null, null),
            new ScreeningPlanInput([new ScreeningCupInput("cheek", "left", "glass-small", "moving", "fire-flash", null)]));
        var result = await (await app.PostAsync("/api/v1/screening", request)).ReadAsync<ScreeningResponse>(HttpStatusCode.OK);
        Assert.Contains(result.Findings, f => f.RuleId == "procedure.fire-on-face");
        Assert.Contains(result.Findings, f => f.RuleId == "procedure.strong-on-face"); // the model puts a fire cup far beyond light suction
    }

    [Fact]
    public async Task AMisspeltConditionIsAnsweredWithTheConceptItsWordsAreNearest()
    {
        await using var app = await CupwiseApp.StartAsync();
        var request = new ScreeningRequest(new ScreeningClientInput(50, null, null, null, null, ["diabetis"], [], [], null, null), new ScreeningPlanInput([]));
        var errors = await (await app.PostAsync("/api/v1/screening", request)).ProblemFieldsAsync();
        Assert.StartsWith("'diabetis' is not a condition screening knows (nearest: diabetes (Diabetes mellitus)", errors["client.conditions[0]"][0], StringComparison.Ordinal);

        var named = new ScreeningRequest(new ScreeningClientInput(50, null, null, null, null, ["Epilepsy", "pacemaker", "Hay fever", "E11.9", "Hypertension", "Type 2 diabetes"], ["Warfarin 5 mg"], [], null, null),
            new ScreeningPlanInput([new ScreeningCupInput("upper-back", "left", "valve-35", "stationary", "pump", 10)]));
        var result = await (await app.PostAsync("/api/v1/screening", named)).ReadAsync<ScreeningResponse>(HttpStatusCode.OK);
        var rules = result.Findings.Select(f => f.RuleId).ToList();
        Assert.Contains("client.convulsions", rules);
        Assert.Contains("client.implanted-device", rules);
        Assert.Contains("client.diabetes", rules);
        Assert.Contains("client.hypertension", rules);
        Assert.Contains("client.anticoagulant", rules);
        Assert.DoesNotContain("redflag.high-fever-condition", rules);
    }

    [Fact]
    public void TheSafetyDocsAreGeneratedFromTheRuleFile()
    {
        var generated = SafetyDocs.Render(ScreeningRuleSet.Standard);
        var path = Path.Combine(OpenApiTests.RepositoryRoot(), "docs", "safety.md");
        if (Environment.GetEnvironmentVariable("CUPWISE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), "docs/safety.md is missing: run the tests with CUPWISE_UPDATE_DOCS=1.");
        Assert.True(File.ReadAllText(path).ReplaceLineEndings("\n") == generated, "docs/safety.md differs from the rule file: run the tests with CUPWISE_UPDATE_DOCS=1 and commit it.");
        foreach (var rule in ScreeningRuleSet.Standard.Rules)
        {
            Assert.Contains($"`{rule.Id}`", generated, StringComparison.Ordinal);
        }
    }
}

public sealed class ScreenCommandTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => Cli.RunAsync(args);

    private static string Write(string json)
    {
        var path = Path.Combine(TestDatabase.NewDirectory(), "plan.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task AFileIsScreenedToJson()
    {
        var path = Write("""
            { "client": { "ageYears": 8, "conditions": [], "medications": [], "skinFindings": [], "firstSession": true },
              "plan": { "applications": [ { "site": "upper-back", "side": "left", "cup": "valve-35", "technique": "stationary", "method": "pump", "durationMinutes": 10 } ] } }
            """);
        var (exit, output, _) = await RunAsync("screen", "--input", path, "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("allowed").GetBoolean());
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("population.child", rules);
        Assert.Contains("population.first-session", rules);
        var child = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "population.child");
        Assert.Equal(3, child.GetProperty("maxMinutes").GetDouble());
    }

    [Fact]
    public async Task AnUnknownConditionExitsWithTwoAndTheNearestNames()
    {
        var path = Write("""{ "client": { "conditions": ["epilepsi"] }, "plan": { "applications": [] } }""");
        var (exit, _, error) = await RunAsync("screen", "--input", path);
        Assert.Equal(2, exit);
        Assert.Contains("client.conditions[0]: 'epilepsi' is not a condition screening knows (nearest: convulsions (Epilepsy and convulsions)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConditionsAreGivenAsAClinicianWritesThemAndMedicinesWithTheirDoses()
    {
        var path = Write("""
            { "client": { "ageYears": 50, "conditions": ["epilepsy", "pacemaker", "E11.9", "Hay fever", "M54.2", "Type 2 diabetes", "Hypertension"], "medications": ["Warfarin 5 mg"] },
              "plan": { "applications": [ { "site": "upper-back", "side": "left", "cup": "valve-35", "technique": "stationary", "method": "pump", "durationMinutes": 10 } ] } }
            """);
        var (exit, output, _) = await RunAsync("screen", "--input", path, "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Contains("client.convulsions", rules);
        Assert.Contains("client.implanted-device", rules);
        Assert.Contains("client.diabetes", rules);
        Assert.Contains("client.anticoagulant", rules);
        Assert.Contains("client.hypertension", rules);
        Assert.DoesNotContain("redflag.high-fever-condition", rules); // hay fever is not a fever

        var misspelt = Write("""{ "client": { "conditions": ["diabetis"] }, "plan": { "applications": [] } }""");
        var (code, _, error) = await RunAsync("screen", "--input", misspelt);
        Assert.Equal(2, code);
        Assert.Contains("'diabetis' is not a condition screening knows (nearest: diabetes (Diabetes mellitus)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVitalSignsOfTheDayAreScreenedAndMistypedOnesNamed()
    {
        var path = Write("""
            { "client": { "ageYears": 50, "temperatureC": 38.2, "systolicMmHg": 170, "diastolicMmHg": 95, "pulseBpm": 104 },
              "plan": { "applications": [ { "site": "upper-back", "side": "left", "cup": "valve-35", "technique": "stationary", "method": "pump", "durationMinutes": 10 } ] } }
            """);
        var (exit, output, _) = await RunAsync("screen", "--input", path, "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("allowed").GetBoolean());
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(["redflag.fever", "vitals.uncontrolled-hypertension", "vitals.fast-pulse"], rules.Where(r => r!.StartsWith("redflag", StringComparison.Ordinal) || r.StartsWith("vitals", StringComparison.Ordinal)));

        var mistyped = Write("""{ "client": { "systolicMmHg": 80, "diastolicMmHg": 120 }, "plan": { "applications": [] } }""");
        var (code, _, error) = await RunAsync("screen", "--input", mistyped);
        Assert.Equal(2, code);
        Assert.Contains("client.diastolicMmHg: must be below the upper number (80 mmHg); got 120.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheVocabularyIsListed()
    {
        var (exit, output, _) = await RunAsync("screen", "--list-vocabulary");
        Assert.Equal(0, exit);
        Assert.Contains("conditions: haemophilia, bleeding-disorder", output, StringComparison.Ordinal);
        Assert.Contains("skin findings: broken-skin", output, StringComparison.Ordinal);
        Assert.Contains("allergens: nut-oil, lanolin", output, StringComparison.Ordinal);
        Assert.Contains("warfarin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnInputItSaysWhatIsNeeded()
    {
        var (exit, _, error) = await RunAsync("screen");
        Assert.Equal(2, exit);
        Assert.Contains("--input", error, StringComparison.Ordinal);
    }
}
