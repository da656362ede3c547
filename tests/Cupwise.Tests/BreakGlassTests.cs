using System.Net;
using System.Net.Http.Json;
using Cupwise.Accounts;
using Cupwise.Clients;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

/// <summary>A practice that keeps each practitioner to their own clients, and the owner's time-boxed break-glass grant.</summary>
public sealed class BreakGlassTests
{
    [Fact]
    public async Task APractitionerSeesTheirOwnClientsAndAnotherOnlyForTheGrantedHours()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var a = await app.ClientAsAsync(UserRole.Practitioner);
        var b = await app.ClientAsAsync(UserRole.Practitioner);
        var acrossThePractice = await app.NewClientAsync("Everyone's", "Client");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PutAsJsonAsync("/api/v1/practice/access", new { practitionersSeeOwnClientsOnly = true })).StatusCode);

        var mine = await (await a.PostAsJsonAsync("/api/v1/clients", Requests.Client("InCare", "OfA"), CupwiseApp.Json)).ReadAsync<ClientResponse>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/clients/{acrossThePractice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/clients/{mine.Id}")).StatusCode);
        Assert.DoesNotContain(mine.Id, await b.GetStringAsync("/api/v1/clients"), StringComparison.Ordinal);
        // The owner sees everyone.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);

        var users = await app.GetAsync<List<UserResponse>>("/api/v1/users");
        var grantee = await IdOfAsync(app, b);
        var noReason = await app.PostAsync($"/api/v1/clients/{mine.Id}/access-grants", new AccessGrantRequest(grantee, 2, ""));
        Assert.Contains("reason", (await noReason.ProblemFieldsAsync()).Keys);
        var tooLong = await app.PostAsync($"/api/v1/clients/{mine.Id}/access-grants", new AccessGrantRequest(grantee, 200, "Covering while A is away"));
        Assert.Contains("hours", (await tooLong.ProblemFieldsAsync()).Keys);
        var ownerAsGrantee = await app.PostAsync($"/api/v1/clients/{mine.Id}/access-grants", new AccessGrantRequest(users.Single(u => u.Role == "owner").Id, 2, "Covering while A is away"));
        Assert.Contains("userId", (await ownerAsGrantee.ProblemFieldsAsync()).Keys);

        var granted = await (await app.PostAsync($"/api/v1/clients/{mine.Id}/access-grants", new AccessGrantRequest(grantee, 2, "Covering while A is away")))
            .ReadAsync<AccessGrantResponse>(HttpStatusCode.Created);
        Assert.Equal(clock.GetUtcNow().AddHours(2), granted.ExpiresAt);
        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/clients/{acrossThePractice.Id}")).StatusCode);

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);

        await app.FlushAuditAsync();
        var clientId = Guid.Parse(mine.Id);
        var glass = await app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "break-glass"));
        Assert.Equal(clientId, glass.ClientId);
        Assert.Contains("for 2 h: Covering while A is away", glass.What, StringComparison.Ordinal);
        var granteeId = Guid.Parse(grantee);
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.ClientId == clientId && e.Action == "read" && e.Outcome == "200" && e.UserId == granteeId)));

        // Turned off again: every practitioner sees every client.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PutAsJsonAsync("/api/v1/practice/access", new { practitionersSeeOwnClientsOnly = false })).StatusCode);
        var b2 = app.Anonymous;
        b2.DefaultRequestHeaders.Authorization = b.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await b2.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);
    }

    private static async Task<string> IdOfAsync(CupwiseApp app, HttpClient caller)
    {
        var tokens = await caller.GetFromJsonAsync<List<TokenResponse>>("/api/v1/tokens", CupwiseApp.Json);
        var tokenId = Guid.Parse(tokens!.Single().Id);
        return (await app.QueryAsync(db => db.ApiTokens.Where(t => t.Id == tokenId).Select(t => t.UserId).SingleAsync())).ToString();
    }

    [Fact]
    public async Task TheOwnerGrantsBreakGlassFromTheChartAndTheSettingFromSettings()
    {
        await using var app = await CupwiseApp.StartAsync();
        await app.AddUserAsync(app.PracticeId, "b@my-practice.test", UserRole.Practitioner);
        var client = await app.NewClientAsync("Covered", "Client");
        using var owner = app.NewBrowser();
        await owner.SignInAsync("owner@my-practice.test", CupwiseApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync("/settings", "access", new() { ["OwnClientsOnly"] = "true" })).StatusCode);
        Assert.True(await app.QueryAsync(db => db.Practices.Where(p => p.Id == app.PracticeId).Select(p => p.PractitionersSeeOwnClientsOnly).SingleAsync()));

        using var b = app.NewBrowser();
        await b.SignInAsync("b@my-practice.test", CupwiseApp.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Http.GetAsync($"/clients/{client.Id}")).StatusCode);

        var bId = (await app.GetAsync<List<UserResponse>>("/api/v1/users")).Single(u => u.Email == "b@my-practice.test").Id;
        var refused = await owner.PostFormAsync($"/clients/{client.Id}/access", "break-glass", new() { ["GrantUser"] = bId, ["GrantHours"] = "4", ["GrantReason"] = "" });
        Assert.Contains("Not granted: Reason is required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var granted = await owner.PostFormAsync($"/clients/{client.Id}/access", "break-glass", new() { ["GrantUser"] = bId, ["GrantHours"] = "4", ["GrantReason"] = "Covering an absence" });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Contains("Covering an absence", await owner.Http.GetStringAsync($"/clients/{client.Id}/access"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await b.Http.GetAsync($"/clients/{client.Id}")).StatusCode);
    }

    [Fact]
    public async Task ALinkedPractitionerKeepsTheClientsTheyHaveAlreadyTreated()
    {
        await using var app = await CupwiseApp.StartAsync();
        var practitioner = await app.NewPractitionerAsync();
        var treated = await app.NewClientAsync("Treated", "Before");
        await app.NewCompletedSessionAsync(treated.Id, practitioner.Id);
        var unknown = await app.PostAsync("/api/v1/users", new UserRequest("x@my-practice.test", "practitioner", CupwiseApp.Password, null, Guid.NewGuid().ToString()));
        Assert.Contains("practitionerId", (await unknown.ProblemFieldsAsync()).Keys);
        var linked = await (await app.PostAsync("/api/v1/users", new UserRequest("linked@my-practice.test", "practitioner", CupwiseApp.Password, null, practitioner.Id)))
            .ReadAsync<UserResponse>(HttpStatusCode.Created);
        Assert.Equal(practitioner.Id, linked.PractitionerId);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.PutAsJsonAsync("/api/v1/practice/access", new { practitionersSeeOwnClientsOnly = true })).StatusCode);
        var asLinked = app.Anonymous;
        asLinked.DefaultRequestHeaders.Authorization = new("Bearer", await app.TokenForAsync("linked@my-practice.test"));
        Assert.Equal(HttpStatusCode.OK, (await asLinked.GetAsync($"/api/v1/clients/{treated.Id}")).StatusCode);
        var unlinked = await app.ClientAsAsync(UserRole.Practitioner);
        Assert.Equal(HttpStatusCode.NotFound, (await unlinked.GetAsync($"/api/v1/clients/{treated.Id}")).StatusCode);
    }
}
