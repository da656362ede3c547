using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cupwise.Tests;

/// <summary>
/// The served OpenAPI document is committed as docs/openapi/v1.json so that API changes show as diffs.
/// Set CUPWISE_UPDATE_OPENAPI=1 to rewrite the committed copy after a deliberate change.
/// </summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task TheServedDocumentMatchesTheCommittedOne()
    {
        await using var app = await CupwiseApp.StartAsync();
        var served = Normalise(await app.Client.GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("CUPWISE_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with CUPWISE_UPDATE_OPENAPI=1 and commit it.");
        var committed = Normalise(await File.ReadAllTextAsync(path));
        Assert.True(committed == served, "The API changed: run the tests with CUPWISE_UPDATE_OPENAPI=1, review docs/openapi/v1.json and commit it.");
    }

    [Fact]
    public async Task EveryOperationIsNamedAndSummarised()
    {
        await using var app = await CupwiseApp.StartAsync();
        var doc = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Op: o.Value!))).ToList();
        Assert.True(operations.Count >= 15, $"only {operations.Count} operations");
        Assert.All(operations, o =>
        {
            Assert.False(string.IsNullOrEmpty((string?)o.Op["operationId"]), $"{o.Path} has no operationId");
            Assert.False(string.IsNullOrEmpty((string?)o.Op["summary"]), $"{o.Path} has no summary");
        });
    }

    private static string Normalise(string json) =>
        JsonSerializer.Serialize(JsonNode.Parse(json), new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cupwise.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cupwise.slnx not found above the test binaries.");
    }
}
