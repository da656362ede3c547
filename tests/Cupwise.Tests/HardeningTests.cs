using System.Net;
using System.Net.Http.Json;
using Cupwise.Clients;
using Cupwise.Practitioners;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

/// <summary>Injection, script, headers and rate limits: what an attacker tries first on clinic software.</summary>
public sealed class HardeningTests
{
    public static TheoryData<string> Payloads => new()
    {
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "'; DROP TABLE clients; --",
        "' OR '1'='1",
        "Robert\"); DELETE FROM sessions; --",
        "{{7*7}} ${7*7} @(7*7)",
        "=HYPERLINK(\"http://evil.example\")",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task APayloadInAnyTextFieldIsStoredAsTypedAndShownAsText(string payload)
    {
        await using var app = await CupwiseApp.StartAsync();
        var request = new ClientRequest(payload, payload, new DateOnly(1980, 1, 1), "female", null, payload,
            new HealthHistoryDto([new ConditionDto(payload, null, "active", null, payload)], [new MedicationDto(payload, payload, payload, null, false)], null,
                [new SkinFindingDto("calf", "left", "other", payload)], [new AllergyDto(payload, payload)], payload));
        var created = await (await app.PostAsync("/api/v1/clients", request)).ReadAsync<ClientResponse>(HttpStatusCode.Created);
        var read = await app.GetAsync<ClientResponse>($"/api/v1/clients/{created.Id}");
        Assert.Equal((payload, payload, payload), (read.FamilyName, read.GivenName, read.HealthHistory.Notes));
        Assert.Equal(payload, read.HealthHistory.Conditions![0].Name);
        var practitioner = await (await app.PostAsync("/api/v1/practitioners", new PractitionerRequest(payload, payload))).ReadAsync<PractitionerResponse>(HttpStatusCode.Created);
        Assert.Equal(payload, practitioner.DisplayName);

        foreach (var page in new[] { $"/clients/{created.Id}", $"/clients/{created.Id}/summary", $"/clients/{created.Id}/edit", "/clients", "/settings" })
        {
            var html = await app.Client.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;", await app.Client.GetStringAsync($"/clients/{created.Id}/summary") + (payload.Contains('<') ? "" : "&lt;"), StringComparison.Ordinal);
        // The tables are all still there.
        Assert.Equal(1, await app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task AListWithANullItemIsRefusedByItsPathAndWritesNothing()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        async Task<Dictionary<string, string[]>> SendAsync(HttpMethod method, string url, string json)
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            var response = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemFieldsAsync();
        }
        var session = await SendAsync(HttpMethod.Post, "/api/v1/sessions", $$"""{ "clientId": "{{client.Id}}", "practitionerId": "{{practitioner.Id}}", "cups": [null], "adjuncts": [null] }""");
        Assert.Equal("must not be null: leave the item out instead.", session["cups[0]"][0]);
        Assert.Contains("adjuncts[0]", session.Keys);
        var history = await SendAsync(HttpMethod.Post, "/api/v1/clients",
            """{ "familyName": "Null", "givenName": "Item", "dateOfBirth": "1980-01-01", "sex": "female", "healthHistory": { "conditions": [null], "allergies": [{ "substance": "Latex" }, null] } }""");
        Assert.Contains("healthHistory.conditions[0]", history.Keys);
        Assert.Contains("healthHistory.allergies[1]", history.Keys);
        var hours = await SendAsync(HttpMethod.Put, $"/api/v1/practitioners/{practitioner.Id}/working-hours", "[null]");
        Assert.Contains("[0]", hours.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));
        Assert.Equal(1, await app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task ADateOutsideTheClinicalRangeIsRefusedByNameAndNothingAnswers500()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var farFuture = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

        var plan = await (await app.PostAsync($"/api/v1/clients/{client.Id}/plans", new Cupwise.Plans.PlanRequest("Neck pain", "M54.2", "neck-pain",
            null, null, null, null, null, farFuture))).ProblemFieldsAsync();
        Assert.StartsWith("must be between 1900-01-01 and ", plan["startedAt"][0], StringComparison.Ordinal);
        Assert.EndsWith("; got 9999-12-31.", plan["startedAt"][0], StringComparison.Ordinal);
        var booking = await (await app.PostAsync("/api/v1/appointments", new Cupwise.Scheduling.AppointmentRequest(client.Id, practitioner.Id, farFuture, 45, null, []))).ProblemFieldsAsync();
        Assert.Contains("start", booking.Keys);
        var session = await (await app.PostAsync("/api/v1/sessions", new Cupwise.Sessions.SessionRequest(client.Id, practitioner.Id, "in-progress", new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero), null, null, null, []))).ProblemFieldsAsync();
        Assert.Contains("got 0001-01-01", session["startedAt"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Plans.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Appointments.CountAsync()));

        foreach (var url in new[] { "/api/v1/reports/outcomes?from=0001-01-01&to=9999-12-31", "/api/v1/audit?from=0001-01-01&to=9999-12-31" })
        {
            var response = await app.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var fields = await response.ProblemFieldsAsync();
            Assert.Contains("got 0001-01-01", fields["from"][0], StringComparison.Ordinal);
            Assert.Contains("got 9999-12-31", fields["to"][0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AListLongerThanItsBoundIsRefusedAndTheBoundIsInTheApiDocument()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var cups = Enumerable.Range(0, 61).Select(_ => Cupwise.Tests.Requests.Cup()).ToList();
        var errors = await (await app.PostAsync("/api/v1/sessions", new Cupwise.Sessions.SessionRequest(client.Id, practitioner.Id, null, null, null, null, null, cups))).ProblemFieldsAsync();
        Assert.Equal("must have at most 60 items; got 61.", errors["cups"][0]);
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));

        using var document = System.Text.Json.JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.Equal(60, schemas.GetProperty("SessionRequest").GetProperty("properties").GetProperty("cups").GetProperty("maxItems").GetInt32());
        Assert.Equal(Cupwise.Api.RequestShape.DefaultMaxItems, schemas.GetProperty("HealthHistoryDto").GetProperty("properties").GetProperty("conditions").GetProperty("maxItems").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task APayloadInAnyQueryParameterIsRefusedOrFindsNothingAndNeverFails(string payload)
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var q = Uri.EscapeDataString(payload);
        string[] urls =
        [
            $"/api/v1/clients?page={q}", $"/api/v1/clients?pageSize={q}", $"/api/v1/clients?sort={q}",
            $"/api/v1/reports/outcomes?from={q}", $"/api/v1/reports/outcomes?to={q}", $"/api/v1/reports/outcomes?practitioner={q}", $"/api/v1/reports/outcomes?format={q}",
            $"/api/v1/audit?from={q}", $"/api/v1/audit?clientId={q}", $"/api/v1/audit?format={q}",
            $"/api/v1/clients/{q}", $"/api/v1/sessions/{q}", $"/api/v1/photos/{q}", $"/api/v1/plans/{q}", $"/api/v1/clients/{client.Id}/next-slots?sites={q}",
            $"/clients?search={q}", $"/reports?from={q}", $"/audit?from={q}",
        ];
        foreach (var url in urls)
        {
            var response = await app.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>alert", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", body, StringComparison.OrdinalIgnoreCase);
        }
        var search = await app.PostAsync("/api/v1/clients/search", new { search = payload });
        Assert.True((int)search.StatusCode < 500, $"search: {(int)search.StatusCode}");
        if (search.IsSuccessStatusCode)
        {
            Assert.Equal(0, (await search.ReadAsync<PageOf<ClientSummary>>(HttpStatusCode.OK)).Total);
        }
        Assert.Equal(1, await app.QueryAsync(db => db.Clients.CountAsync()));
    }

    [Fact]
    public async Task AMalformedQueryParameterIsNamedWithoutBeingEchoed()
    {
        await using var app = await CupwiseApp.StartAsync();
        var errors = await (await app.Client.GetAsync("/api/v1/clients?page=%3Cb%3Eone%3C%2Fb%3E")).ProblemFieldsAsync();
        Assert.Equal("must be a whole number.", Assert.Single(errors["page"]));
    }

    [Fact]
    public async Task AnUnknownSortIsRefusedNamingTheOrdersThatExist()
    {
        await using var app = await CupwiseApp.StartAsync();
        await app.NewClientAsync("Zed", "A");
        await app.NewClientAsync("Abel", "B");
        var errors = await (await app.Client.GetAsync("/api/v1/clients?sort=FamilyName;DROP")).ProblemFieldsAsync();
        Assert.Equal("must be one of name, -name, dateOfBirth, -dateOfBirth, created, -created.", Assert.Single(errors["sort"]));
        var reversed = await app.GetAsync<PageOf<ClientSummary>>("/api/v1/clients?sort=-name");
        Assert.Equal(["Zed", "Abel"], reversed.Items.Select(c => c.FamilyName));
    }

    [Fact]
    public async Task EveryResponseForbidsInlineScriptAndFramingAndHttpsGetsHsts()
    {
        await using var app = await CupwiseApp.StartAsync();
        foreach (var path in new[] { "/", "/clients", "/api/v1/clients", "/healthz" })
        {
            var response = await app.Client.GetAsync(path);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        var login = await app.Anonymous.GetStringAsync("/login");
        Assert.DoesNotContain("<script>", login, StringComparison.Ordinal); // no inline script on any page
        Assert.DoesNotContain("onclick=", await app.Client.GetStringAsync($"/clients/{(await app.NewClientAsync()).Id}/summary"), StringComparison.Ordinal);

        // Without --public-url, nobody is a trusted proxy: a forwarded scheme from this machine changes nothing.
        var unproxied = await app.Server.SendAsync(Forwarded("clinic.example"));
        Assert.False(unproxied.Response.Headers.ContainsKey("Strict-Transport-Security"));
        var plain = await app.Client.GetAsync("/healthz");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task BehindItsProxyCupwiseTrustsTheForwardedSchemeAndAnswersOnlyItsOwnHost()
    {
        await using var app = await CupwiseApp.StartAsync(publicUrl: new Uri("https://clinic.example"));
        // Behind a TLS-ending proxy on the same machine: the forwarded scheme counts, so HSTS is sent (a year).
        var https = await app.Server.SendAsync(Forwarded("clinic.example"));
        Assert.Equal(200, https.Response.StatusCode);
        Assert.Equal("max-age=31536000", https.Response.Headers.StrictTransportSecurity.ToString());
        // Another Host is not answered, so it can never end up in a redirect Cupwise writes.
        var elsewhere = await app.Server.SendAsync(Forwarded("evil.example", "/clients"));
        Assert.Equal(400, elsewhere.Response.StatusCode);
        Assert.True(string.IsNullOrEmpty(elsewhere.Response.Headers.Location.ToString()));
        var own = await app.Server.SendAsync(Forwarded("clinic.example", "/clients"));
        Assert.Equal(302, own.Response.StatusCode);
        Assert.DoesNotContain("evil", own.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    private static Action<HttpContext> Forwarded(string host, string path = "/healthz") => c =>
    {
        c.Connection.RemoteIpAddress = IPAddress.Loopback;
        c.Request.Method = "GET";
        c.Request.Path = path;
        c.Request.Host = new HostString(host);
        c.Request.Headers["X-Forwarded-Proto"] = "https";
        c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
    };

    [Fact]
    public async Task SignInAndTokenEndpointsSlowDownAGuesser()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var owner = app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync("owner@my-practice.test", CupwiseApp.Password)).StatusCode);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/tokens", new { name = $"t{i}", expiresDays = 1 })).StatusCode);
        }
        var limited = await owner.Http.PostAsJsonAsync("/api/v1/tokens", new { name = "t11" });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("token changes a minute", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10, (await app.GetAsync<List<Cupwise.Accounts.TokenResponse>>("/api/v1/tokens")).Count(t => System.Text.RegularExpressions.Regex.IsMatch(t.Name, "^t[0-9]+$")));

        // The owner's sign-in above was the first of ten a minute from this address.
        using var browser = app.NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await browser.SignInAsync($"guess{i}@example.test", "wrong-password-xyz")).StatusCode);
        }
        Assert.All(statuses.Take(9), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[9]);
        // A person is told what to do, on a page.
        var refused = await browser.SignInAsync("guess-again@example.test", "wrong-password-xyz");
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Wait a minute, then try again.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Looking at the page is still free.
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/login")).StatusCode);
    }

    [Fact]
    public async Task AClientsListsAreSentAPageAtATimeWithTheTotalAndTheNextPage()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        for (var i = 0; i < 27; i++)
        {
            var start = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero).AddDays(i);
            Assert.Equal(HttpStatusCode.Created, (await app.PostAsync("/api/v1/sessions", Requests.CompletedSession(client.Id, practitioner.Id, 1, start))).StatusCode);
        }
        var first = await app.Client.GetAsync($"/api/v1/clients/{client.Id}/sessions");
        var firstPage = await first.ReadAsync<List<Cupwise.Sessions.SessionResponse>>(HttpStatusCode.OK);
        Assert.Equal(Cupwise.Api.Paging.DefaultPageSize, firstPage.Count);
        Assert.Equal("27", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 9, 0, 0, TimeSpan.Zero), firstPage[0].StartedAt); // newest first
        var next = first.Headers.GetValues("Link").Single();
        Assert.Equal($"</api/v1/clients/{client.Id}/sessions?page=2&pageSize=25>; rel=\"next\"", next);
        var second = await (await app.Client.GetAsync($"/api/v1/clients/{client.Id}/sessions?page=2&pageSize=25")).ReadAsync<List<Cupwise.Sessions.SessionResponse>>(HttpStatusCode.OK);
        Assert.Equal(2, second.Count);
        Assert.Empty(firstPage.Select(s => s.Id).Intersect(second.Select(s => s.Id)));
        var errors = await (await app.Client.GetAsync($"/api/v1/clients/{client.Id}/outcomes?pageSize=500&page=0")).ProblemFieldsAsync();
        Assert.Contains("between 1 and 100", Assert.Single(errors["pageSize"]), StringComparison.Ordinal);
        Assert.Contains("page", errors.Keys);
    }
}
