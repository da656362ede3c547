using System.Net;
using System.Net.Http.Json;
using Cupwise.Accounts;
using Cupwise.Clients;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

/// <summary>
/// What an outsider or a stolen credential can try (issue 15): control characters into PostgreSQL, tokens that
/// outlive what made them, requests forged from another site, telling which e-mails have logins, and caches that
/// keep health records.
/// </summary>
public sealed class AbuseTests
{
    private const string Owner = "owner@my-practice.test";

    [Fact]
    public async Task ANulCharacterAnywhereIsRefusedByNameAndWritesNothing()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var before = await app.QueryAsync(db => db.Clients.CountAsync());

        var named = await (await app.PostAsync("/api/v1/clients", Requests.Client("Nul\0Name") with { Phone = "bell\u0007" })).ProblemFieldsAsync();
        Assert.Equal(Domain.TypedText.Problem, Assert.Single(named["familyName"]));
        Assert.Contains("phone", named.Keys);
        var inList = await (await app.PostAsync("/api/v1/clients", Requests.Client() with
        {
            HealthHistory = Requests.Client().HealthHistory! with { Conditions = [new ConditionDto("Migraine\0", null, "active", null, null)] },
        })).ProblemFieldsAsync();
        Assert.Contains("healthHistory.conditions[0].name", inList.Keys);
        Assert.Equal(before, await app.QueryAsync(db => db.Clients.CountAsync()));

        foreach (var url in new[] { "/api/v1/reports/outcomes?practitioner=%00", $"/api/v1/clients/{client.Id}/next-slots?sites=%00", $"/api/v1/clients/{client.Id}/photos?siteId=%00" })
        {
            var response = await app.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("control characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var search = await app.PostAsync("/api/v1/clients/search", new { search = "\0" });
        Assert.Contains("search", (await search.ProblemFieldsAsync()).Keys);

        // The page's search, which takes what is typed: a NUL finds nothing rather than failing.
        using var browser = app.NewBrowser();
        await browser.SignInAsync(Owner, CupwiseApp.Password);
        var page = await browser.PostFormAsync("/clients", "search", new() { ["Q"] = "Exa\0mple" });
        Assert.True((int)page.StatusCode < 500, $"the client list answered {(int)page.StatusCode}");
    }

    [Fact]
    public async Task ATokenCannotMakeATokenAndAPasswordChangeRevokesTheLoginsTokens()
    {
        await using var app = await CupwiseApp.StartAsync();
        var refused = await app.Client.PostAsJsonAsync("/api/v1/tokens", new { name = "forever" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("cannot create another token", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.ApiTokens.CountAsync(t => t.Name == "forever")));

        using var browser = app.NewBrowser();
        await browser.SignInAsync(Owner, CupwiseApp.Password);
        var made = await (await browser.Http.PostAsJsonAsync("/api/v1/tokens", new { name = "nightly export", expiresDays = 30 }))
            .ReadAsync<TokenCreatedResponse>(HttpStatusCode.Created);
        var script = app.NewClient(made.Token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/clients")).StatusCode);

        var changed = await browser.PostFormAsync("/account", "password", new() { ["Password.Current"] = CupwiseApp.Password, ["Password.New"] = "amber-walrus-quietly-sings" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("done=password&sessions=0&tokens=2", changed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/v1/clients")).StatusCode);

        await app.FlushAuditAsync();
        var entry = await app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "password-change"));
        Assert.Equal("0 other session(s) signed out, 2 token(s) revoked", entry.What);
        Assert.Contains(await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "token-create").Select(e => e.What).ToListAsync()),
            w => w.Contains("'nightly export'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongPasswordsAtTheSignInPageDoNotLockAnIntegrationOut()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var browser = app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(Owner, $"wrong-password-{i}-xyz");
        }
        Assert.Contains("password is wrong", await (await browser.SignInAsync(Owner, CupwiseApp.Password)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/clients")).StatusCode);
    }

    [Fact]
    public async Task TheSignInPageSaysTheSameWhetherTheLoginExistsIsLockedOrNeither()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var browser = app.NewBrowser();
        var unknown = await (await browser.SignInAsync("nobody-here@example.test", "wrong-password-xyz")).Content.ReadAsStringAsync();
        var wrong = await (await browser.SignInAsync(Owner, "wrong-password-xyz")).Content.ReadAsStringAsync();
        for (var i = 0; i < 4; i++)
        {
            await browser.SignInAsync(Owner, $"wrong-password-{i}-xyz");
        }
        var locked = await (await browser.SignInAsync(Owner, CupwiseApp.Password)).Content.ReadAsStringAsync();
        var said = new[] { unknown, wrong, locked }.Select(html => System.Text.RegularExpressions.Regex.Match(html, "<p class=\"alert\" role=\"alert\">([^<]*)</p>").Groups[1].Value).ToList();
        Assert.All(said, s => Assert.Equal(WebUtility.HtmlEncode(AccountService.SignInRefused), s));

        await app.FlushAuditAsync();
        var failed = await app.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "sign-in-failed").OrderBy(e => e.Sequence).ToListAsync());
        // What was typed as an e-mail is kept only when it is a login's: it could be a password typed in the wrong box.
        Assert.DoesNotContain(failed, e => e.Actor.Contains("nobody-here", StringComparison.Ordinal));
        Assert.Equal("(no such login)", failed[0].Actor);
        Assert.Equal("locked", failed[^1].Outcome);
    }

    [Fact]
    public async Task AChangeSentFromAnotherSiteWithTheCookieIsRefused()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync(Owner, CupwiseApp.Password);
        var before = await app.QueryAsync(db => db.Clients.CountAsync());

        async Task<HttpResponseMessage> Send(HttpClient http, HttpContent content, string url, params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            return await http.SendAsync(request);
        }

        var forged = await Send(browser.Http, JsonContent.Create(Requests.Client("Forged"), options: CupwiseApp.Json), "/api/v1/clients", ("Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("another site", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var upload = await Send(browser.Http, PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png", ("siteId", "upper-back"), ("side", "left")),
            $"/api/v1/clients/{client.Id}/photos", ("Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        var practitioner = await app.NewPractitionerAsync();
        var feed = await Send(browser.Http, new StringContent("x", System.Text.Encoding.UTF8, "text/plain"), $"/api/v1/practitioners/{practitioner.Id}/calendar-feed", ("Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, feed.StatusCode);
        Assert.Equal(before, await app.QueryAsync(db => db.Clients.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.MarkPhotos.CountAsync()));

        // From Cupwise's own page, or from a script with a token whatever it says of itself, a change goes through.
        Assert.Equal(HttpStatusCode.Created, (await Send(browser.Http, JsonContent.Create(Requests.Client("Own"), options: CupwiseApp.Json), "/api/v1/clients",
            ("Origin", browser.Http.BaseAddress!.GetLeftPart(UriPartial.Authority)), ("Sec-Fetch-Site", "same-origin"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Send(app.Client, JsonContent.Create(Requests.Client("Scripted"), options: CupwiseApp.Json), "/api/v1/clients",
            ("Origin", "https://evil.example"))).StatusCode);
    }

    [Fact]
    public async Task HealthRecordsAreKeptByNoCache()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var photo = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos",
            PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png", ("siteId", "upper-back"), ("side", "left")))).ReadAsync<Cupwise.Marks.MarkPhotoResponse>(HttpStatusCode.Created);
        foreach (var url in new[] { $"/api/v1/clients/{client.Id}", $"/api/v1/photos/{photo.Id}", $"/clients/{client.Id}" })
        {
            var response = await app.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task TheFrontDeskAddsAClientWithoutWritingAHealthHistory()
    {
        await using var app = await CupwiseApp.StartAsync();
        var desk = await app.ClientAsAsync(UserRole.FrontDesk);
        var withHistory = await (await desk.PostAsJsonAsync("/api/v1/clients", Requests.Client("Desk") with
        {
            HealthHistory = new HealthHistoryDto([new ConditionDto("Haemophilia", null, "active", null, null)], null, null, null, null, null),
        }, CupwiseApp.Json)).ProblemFieldsAsync();
        Assert.Contains("practitioner records the health history", Assert.Single(withHistory["healthHistory"]), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Clients.CountAsync()));
        var contact = await desk.PostAsJsonAsync("/api/v1/clients", Requests.Client("Desk") with { HealthHistory = null }, CupwiseApp.Json);
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
    }
}
