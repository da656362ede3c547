using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

/// <summary>
/// Hostile input (issue 15), generated from the committed OpenAPI document rather than written by hand, so that a new
/// operation is probed the day it appears: for every operation, its path ids (ours, another practice's, unknown,
/// malformed), its query parameters and its body (every property null, of the wrong type, huge, with NUL or
/// unusual unicode; the whole body missing, truncated, nested deep, too big, or of another content type). Run on
/// SQLite and on PostgreSQL (the test command runs this project on both). Nothing may answer 5xx, a refused request
/// may change no table, and the audit chain must verify at the end.
/// </summary>
public sealed class HostileCorpusTests
{
    private static readonly string[] Texts =
    [
        "", " ", "x", "\0", "a\0b", "\u0007bell", "\u202Eevil\u202C", "🦷🩸", "名前", "Ω≈ç√", new string('x', 300), new string('é', 10_000),
        "'; DROP TABLE clients; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "-1", "1e309", "9999-12-31T23:59:59Z",
    ];

    private sealed record Probe(string Method, string Path, HttpContent? Content, string What);

    [Fact]
    public async Task AThousandHostileRequestsFailNothingAndChangeNothingTheyRefuse()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var other = await app.AddPracticeAsync("Another practice");
        var foreign = app.NewClient(await app.TokenForAsync(await app.AddUserAsync(other, "owner@another.test", UserRole.Owner)));
        var foreignClient = await (await foreign.PostAsync("/api/v1/clients", System.Net.Http.Json.JsonContent.Create(Requests.Client("Foreign"), options: CupwiseApp.Json)))
            .ReadAsync<Cupwise.Clients.ClientResponse>(HttpStatusCode.Created);

        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Root(), "docs", "openapi", "v1.json")))!;
        var probes = Generate(document, client.Id, session.Id, session.Cups[0].Id, practitioner.Id, foreignClient.Id).ToList();
        Assert.True(probes.Count >= 1000, $"the corpus has {probes.Count} requests; at least 1,000 are asked for");

        var tables = await app.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct()
            .Where(t => t is not ("audit_entries" or "audit_outbox" or "DataProtectionKeys")).Order().ToList()));
        var countAll = "SELECT " + string.Join(" || ',' || ", tables.Select(t => $"CAST((SELECT COUNT(*) FROM \"{t}\") AS TEXT)")) + " AS \"Value\"";
        async Task<string> Counts() => await app.QueryAsync(db => db.Database.SqlQueryRaw<string>(countAll).SingleAsync());

        var failures = new List<string>();
        var refused = 0;
        foreach (var probe in probes)
        {
            var before = await Counts();
            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Path) { Content = probe.Content };
            var response = await app.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                failures.Add($"{probe.Method} {probe.Path} ({probe.What}): {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                continue;
            }
            if (status >= 400)
            {
                refused++;
                var after = await Counts();
                if (after != before)
                {
                    failures.Add($"{probe.Method} {probe.Path} ({probe.What}) was refused ({status}) but changed a table: {Diff(tables, before, after)}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} requests went wrong:\n{string.Join('\n', failures.Take(40))}");
        Assert.True(refused > probes.Count / 2, $"only {refused} of {probes.Count} hostile requests were refused");

        // What the other practice holds was neither seen nor changed.
        var theirs = await foreign.GetStringAsync($"/api/v1/clients/{foreignClient.Id}");
        Assert.Contains("\"familyName\":\"Foreign\"", theirs, StringComparison.Ordinal);
        await app.FlushAuditAsync();
        var chain = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Null(AuditChain.Verify(chain));
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300];

    private static string Diff(List<string> tables, string before, string after)
    {
        var (b, a) = (before.Split(','), after.Split(','));
        return string.Join(", ", tables.Select((t, i) => (t, i)).Where(x => b[x.i] != a[x.i]).Select(x => $"{x.t} {b[x.i]} → {a[x.i]}"));
    }

    private static IEnumerable<Probe> Generate(JsonNode document, string client, string session, string cup, string practitioner, string foreign)
    {
        var paths = document["paths"]!.AsObject();
        foreach (var (template, item) in paths)
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete"))
                {
                    continue;
                }
                var operation = operationNode!;
                var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var pathNames = parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList();
                var query = parameters.Where(p => (string?)p["in"] == "query").Select(p => (string)p["name"]!).ToList();
                var content = operation["requestBody"]?["content"]?.AsObject();
                var json = content?["application/json"]?["schema"];
                var verb = method.ToUpperInvariant();

                string Fill(Func<string, string> value) =>
                    pathNames.Aggregate(template, (path, name) => path.Replace("{" + name + "}", Uri.EscapeDataString(value(name)), StringComparison.Ordinal));
                string Ours(string name) => name switch
                {
                    "cupApplicationId" => cup,
                    "token" => "no-such-feed",
                    _ when template.StartsWith("/api/v1/sessions", StringComparison.Ordinal) => session,
                    _ when template.StartsWith("/api/v1/practitioners", StringComparison.Ordinal) => practitioner,
                    _ => client,
                };
                var own = Fill(Ours);
                HttpContent? Body() => json is null ? null : Json(Sample(document, json, 0));

                // The ids in the path.
                if (pathNames.Count > 0)
                {
                    foreach (var (label, value) in new[] { ("another practice's id", foreign), ("an unknown id", Guid.NewGuid().ToString()), ("a malformed id", "not-an-id"),
                                 ("a long id", new string('9', 400)), ("a unicode id", "名前"), ("a negative id", "-1") })
                    {
                        yield return new Probe(verb, Fill(_ => value), Body(), label);
                    }
                }
                // Each query parameter, on its own.
                foreach (var name in query)
                {
                    foreach (var text in Texts)
                    {
                        yield return new Probe(verb, $"{own}?{name}={Uri.EscapeDataString(text)}", Body(), $"{name}={Describe(text)}");
                    }
                }
                if (content is null)
                {
                    yield return new Probe(verb, own, Json(JsonValue.Create("unexpected body")), "a body where none is taken");
                    continue;
                }
                if (json is null)
                {
                    // A form upload: what arrives instead of a form.
                    yield return new Probe(verb, own, new StringContent("{}", Encoding.UTF8, "application/json"), "JSON instead of a form");
                    yield return new Probe(verb, own, new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", Encoding.UTF8, "multipart/form-data"), "multipart without a boundary");
                    yield return new Probe(verb, own, new ByteArrayContent(new byte[64 * 1024]), "bytes with no type");
                    continue;
                }
                // The whole body.
                foreach (var (label, raw, type) in new[]
                         {
                             ("no body", "", "application/json"), ("null", "null", "application/json"), ("an array", "[]", "application/json"),
                             ("a string", "\"x\"", "application/json"), ("cut short", "{\"a\":", "application/json"), ("not JSON", "<xml/>", "application/json"),
                             ("as text/plain", "{}", "text/plain"), ("as XML", "<a/>", "application/xml"), ("as a form", "a=1", "application/x-www-form-urlencoded"),
                             ("nested 2,000 deep", new string('[', 2000) + new string(']', 2000), "application/json"),
                             ("a 2 MB string", "{\"x\":\"" + new string('a', 2_000_000) + "\"}", "application/json"),
                             ("a NUL escape", "{\"x\":\"\\u0000\"}", "application/json"), ("a lone surrogate", "{\"x\":\"\\ud800\"}", "application/json"),
                         })
                {
                    yield return new Probe(verb, own, new StringContent(raw, Encoding.UTF8, type), label);
                }
                // Each property of the body, wrong in turn.
                var sample = Sample(document, json, 0) as JsonObject;
                foreach (var property in sample?.Select(p => p.Key).ToList() ?? [])
                {
                    JsonNode?[] wrongs =
                    [
                        null, JsonValue.Create(12345), JsonValue.Create(-1.5e308), JsonValue.Create(true), JsonValue.Create("\0"), JsonValue.Create("\u202E🦷名前"),
                        JsonValue.Create(new string('x', 100_000)), JsonValue.Create("9999-12-31T23:59:59Z"), JsonValue.Create("0001-01-01"), new JsonObject { ["deep"] = new JsonArray() },
                        new JsonArray(Enumerable.Range(0, 10_001).Select(_ => (JsonNode?)JsonValue.Create(1)).ToArray()), new JsonArray((JsonNode?)null),
                    ];
                    foreach (var wrong in wrongs)
                    {
                        var body = (JsonObject)sample!.DeepClone();
                        body[property] = wrong?.DeepClone();
                        yield return new Probe(verb, own, Json(body), $"{property} = {Describe(wrong?.ToJsonString() ?? "null")}");
                    }
                }
            }
        }
    }

    private static string Describe(string text) => text.Length > 30 ? $"{text[..12]}… ({text.Length} chars)" : text.Replace("\0", "\\0", StringComparison.Ordinal);

    private static StringContent Json(JsonNode? node) => new(node?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    /// <summary>A value of the schema's shape: the skeleton each mutation starts from (it need not be accepted).</summary>
    private static JsonNode? Sample(JsonNode document, JsonNode schema, int depth)
    {
        if (depth > 6)
        {
            return null;
        }
        if (schema["$ref"] is { } reference)
        {
            var name = ((string)reference!).Split('/')[^1];
            return Sample(document, document["components"]!["schemas"]![name]!, depth + 1);
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is { } choices)
        {
            return choices.AsArray().Select(c => Sample(document, c!, depth + 1)).FirstOrDefault(v => v is not null);
        }
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue one => (string?)one,
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(document, p.Value!, depth + 1)))),
            "array" => new JsonArray(schema["items"] is { } items ? Sample(document, items, depth + 1) : null),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create((string?)schema["format"] switch
            {
                "date-time" => "2026-11-20T09:00:00Z",
                "date" => "1980-01-01",
                "uuid" => Guid.NewGuid().ToString(),
                _ => "x",
            }),
            _ => null,
        };
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cupwise.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Cupwise.slnx) was not found above the test binaries.");
    }
}
