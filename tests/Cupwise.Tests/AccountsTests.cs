using System.Net;
using Cupwise.Testing;
using Cupwise.Accounts;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

/// <summary>Signing in and out, lockout, session timeouts, password changes, two-step sign-in and API tokens.</summary>
public sealed class AccountsTests
{
    private const string Email = "owner@my-practice.test";

    [Fact]
    public async Task SigningInGivesACookieThatOpensTheAppAndNothingOpensWithoutIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.GetAsync("/api/v1/clients")).StatusCode);
        var page = await app.Anonymous.GetAsync("/clients");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location!.AbsolutePath);

        using var browser = app.NewBrowser();
        var signIn = await browser.SignInAsync(Email, CupwiseApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/v1/clients")).StatusCode);
        var today = await browser.Http.GetStringAsync("/");
        Assert.Contains("My practice", today, StringComparison.Ordinal);
        Assert.Contains("Sign out", today, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var browser = app.NewBrowser();
        var wrongPassword = await (await browser.SignInAsync(Email, "not-the-password-at-all")).Content.ReadAsStringAsync();
        var noSuchLogin = await (await browser.SignInAsync("nobody@example.test", "not-the-password-at-all")).Content.ReadAsStringAsync();
        Assert.Contains("The e-mail or the password is wrong.", wrongPassword, StringComparison.Ordinal);
        Assert.Contains("The e-mail or the password is wrong.", noSuchLogin, StringComparison.Ordinal);
        Assert.Null(browser.AuthCookie);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheLoginEvenAgainstTheRightOne()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var browser = app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("password is wrong", await (await browser.SignInAsync(Email, $"wrong-password-{i}-xyz")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Locked now, and said in the same words as a wrong password, so that a stranger cannot tell a login from none.
        var right = await browser.SignInAsync(Email, CupwiseApp.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(browser.AuthCookie);
        Assert.True(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Email == Email && u.LockoutEnd != null)));
    }

    [Fact]
    public async Task AnIdleSessionEndsAfterFifteenMinutesAndABusyOneAfterItsLifetime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        using var idle = app.NewBrowser();
        await idle.SignInAsync(Email, CupwiseApp.Password);
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await idle.Http.GetAsync("/api/v1/clients")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.Http.GetAsync("/api/v1/clients")).StatusCode);
        // And it does not come back by being used again within the next minutes.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.Http.GetAsync("/api/v1/clients")).StatusCode);

        using var busy = app.NewBrowser();
        await busy.SignInAsync(Email, CupwiseApp.Password);
        for (var minutes = 10; minutes < 12 * 60; minutes += 10)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await busy.Http.GetAsync("/api/v1/cups")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.Http.GetAsync("/api/v1/cups")).StatusCode);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSigningOutIsWorthlessAfterIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync(Email, CupwiseApp.Password);
        var stolen = browser.AuthCookie!;

        var signOut = await browser.PostFormAsync("/logout", "logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/login", signOut.Headers.Location!.AbsolutePath);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/v1/clients");
        replay.Headers.Add("Cookie", $"cupwise.auth={stolen}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous.SendAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordSignsOutEveryOtherBrowserButNotThisOne()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var laptop = app.NewBrowser();
        using var phone = app.NewBrowser();
        await laptop.SignInAsync(Email, CupwiseApp.Password);
        await phone.SignInAsync(Email, CupwiseApp.Password);

        var tooCommon = await laptop.PostFormAsync("/account", "password", new() { ["Password.Current"] = CupwiseApp.Password, ["Password.New"] = "password1234" });
        Assert.Contains("too common", await tooCommon.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tooShort = await laptop.PostFormAsync("/account", "password", new() { ["Password.Current"] = CupwiseApp.Password, ["Password.New"] = "short pw" });
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await laptop.PostFormAsync("/account", "password", new() { ["Password.Current"] = CupwiseApp.Password, ["Password.New"] = "amber-walrus-quietly-sings" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Http.GetAsync("/api/v1/clients")).StatusCode);

        using var again = app.NewBrowser();
        Assert.Contains("password is wrong", await (await again.SignInAsync(Email, CupwiseApp.Password)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(Email, "amber-walrus-quietly-sings")).StatusCode);
    }

    [Fact]
    public async Task TwoStepSignInAsksForTheAuthenticatorsCodeOnceTurnedOn()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var browser = app.NewBrowser();
        await browser.SignInAsync(Email, CupwiseApp.Password);
        Assert.Contains("Turn on two-step sign-in", await browser.Http.GetStringAsync("/account"), StringComparison.Ordinal);
        var key = await KeyAsync(app, Email);

        var wrong = await browser.PostFormAsync("/account", "two-step", new() { ["Code"] = "000000" == Authenticator.CodeNow(key) ? "111111" : "000000" });
        Assert.Contains("wrong or has expired", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account", "two-step", new() { ["Code"] = Authenticator.CodeNow(key) })).StatusCode);

        using var next = app.NewBrowser();
        Assert.Contains("needs the 6-digit code", await (await next.SignInAsync(Email, CupwiseApp.Password)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(next.AuthCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await next.SignInAsync(Email, CupwiseApp.Password, Authenticator.CodeNow(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.Http.GetAsync("/api/v1/clients")).StatusCode);
    }

    [Fact]
    public async Task APracticeThatRequiresTwoStepSignInOpensOnlyTheAccountPageUntilItIsSetUp()
    {
        await using var app = await CupwiseApp.StartAsync();
        using var owner = app.NewBrowser();
        await owner.SignInAsync(Email, CupwiseApp.Password);
        await app.AddUserAsync(app.PracticeId, "practitioner@my-practice.test", UserRole.Practitioner);
        using var practitioner = app.NewBrowser();
        await practitioner.SignInAsync("practitioner@my-practice.test", CupwiseApp.Password);
        Assert.Equal(HttpStatusCode.OK, (await practitioner.Http.GetAsync("/api/v1/clients")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync("/settings", "two-step", new() { ["RequireTwoStep"] = "true" })).StatusCode);
        // Signed out by the change; at the next sign-in only the account page opens.
        Assert.Equal(HttpStatusCode.Unauthorized, (await practitioner.Http.GetAsync("/api/v1/clients")).StatusCode);
        var signIn = await practitioner.SignInAsync("practitioner@my-practice.test", CupwiseApp.Password);
        Assert.Equal("/account", signIn.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.Http.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.Http.GetAsync("/clients")).StatusCode);
        Assert.Contains("requires two-step sign-in", await practitioner.Http.GetStringAsync("/account"), StringComparison.Ordinal);

        var key = await KeyAsync(app, "practitioner@my-practice.test");
        Assert.Equal(HttpStatusCode.Redirect, (await practitioner.PostFormAsync("/account", "two-step", new() { ["Code"] = Authenticator.CodeNow(key) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await practitioner.Http.GetAsync("/api/v1/clients")).StatusCode);
    }

    [Fact]
    public async Task ARevokedOrExpiredTokenIsRefused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var shortLived = await app.TokenForAsync(Email, expiresDays: 1);
        var revoked = await app.TokenForAsync(Email);
        Assert.Equal(HttpStatusCode.OK, (await Get(app, "/api/v1/clients", revoked)).StatusCode);

        var id = await app.QueryAsync(db => db.ApiTokens.Where(t => t.TokenHash == ApiToken.Hash(revoked)).Select(t => t.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<AccountService>().RevokeTokenAsync(id, app.PracticeId, AccountService.Actor.CommandLine));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(app, "/api/v1/clients", revoked)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Get(app, "/api/v1/clients", shortLived)).StatusCode);
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(app, "/api/v1/clients", shortLived)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(app, "/api/v1/clients", "cwt_" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(app, "/api/v1/clients", "not-a-token")).StatusCode);
    }

    [Fact]
    public async Task TheCommandLineMakesTheFirstOwnerAndATokenThatWorks()
    {
        var database = await TestDatabase.CreateAsync();
        var args = TestDatabase.CliArgs(database);
        Assert.Equal(0, (await Cli.RunAsync(["practice", "add", "Harbour Cupping", .. args])).Exit);
        var duplicate = await Cli.RunAsync(["practice", "add", "Harbour Cupping", .. args]);
        Assert.Equal(2, duplicate.Exit);
        Assert.Contains("already exists", duplicate.Err, StringComparison.Ordinal);

        var common = await CliWithInput("password1234\n", ["user", "add", "--practice", "Harbour Cupping", "--email", "owner@harbour.test", "--role", "owner", "--password-stdin", .. args]);
        Assert.Equal(2, common.Exit);
        Assert.Contains("too common", common.Err, StringComparison.Ordinal);
        var badRole = await CliWithInput("x\n", ["user", "add", "--practice", "Harbour Cupping", "--email", "owner@harbour.test", "--role", "boss", "--password-stdin", .. args]);
        Assert.Contains("--role: one of owner, practitioner, front-desk, client", badRole.Err, StringComparison.Ordinal);
        var notAPractitioner = await CliWithInput("driftwood-lantern-ocean-45\n", ["user", "add", "--practice", "Harbour Cupping", "--email", "p@harbour.test", "--role", "practitioner", "--practitioner", Guid.NewGuid().ToString(), "--password-stdin", .. args]);
        Assert.Contains("--practitioner: must be the id of a practitioner of this practice", notAPractitioner.Err, StringComparison.Ordinal);
        var added = await CliWithInput("driftwood-lantern-ocean-45\n", ["user", "add", "--practice", "Harbour Cupping", "--email", "owner@harbour.test", "--role", "owner", "--password-stdin", .. args]);
        Assert.Equal(0, added.Exit);

        var token = await Cli.RunAsync(["token", "create", "--email", "owner@harbour.test", "--expires-days", "30", .. args]);
        Assert.Equal(0, token.Exit);
        var secret = token.Out.Trim();
        Assert.StartsWith(ApiToken.Prefix, secret, StringComparison.Ordinal);
        Assert.Contains("shown only now", token.Err, StringComparison.Ordinal);

        await using var app = await CupwiseApp.StartAsync(database: database);
        var client = app.Anonymous;
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var settings = await client.GetStringAsync("/api/v1/practice/settings");
        Assert.Contains("Harbour Cupping", settings, StringComparison.Ordinal);
        // Only the hash is stored.
        Assert.False(await app.QueryAsync(db => db.ApiTokens.AnyAsync(t => t.TokenHash == secret)));
    }

    [Fact]
    public async Task AnOwnerGivesALockedOutLoginANewPasswordOnTheCommandLine()
    {
        var database = await TestDatabase.CreateAsync();
        var args = TestDatabase.CliArgs(database);
        Assert.Equal(0, (await Cli.RunAsync(["practice", "add", "Harbour Cupping", .. args])).Exit);
        Assert.Equal(0, (await CliWithInput("driftwood-lantern-ocean-45\n", ["user", "add", "--practice", "Harbour Cupping", "--email", "p@harbour.test", "--role", "practitioner", "--password-stdin", .. args])).Exit);
        var token = (await Cli.RunAsync(["token", "create", "--email", "p@harbour.test", .. args])).Out.Trim();
        await using (var app = await CupwiseApp.StartAsync(database: database))
        {
            using var browser = app.NewBrowser();
            for (var i = 0; i < 5; i++)
            {
                await browser.SignInAsync("p@harbour.test", "wrong-password-number-" + i);
            }
            // Locked: the right password is refused too.
            Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync("p@harbour.test", "driftwood-lantern-ocean-45")).StatusCode);
        }

        var weak = await CliWithInput("password1234\n", ["user", "set-password", "--email", "p@harbour.test", "--password-stdin", .. args]);
        Assert.Equal(2, weak.Exit);
        Assert.Contains("password: ", weak.Err, StringComparison.Ordinal);
        var nobody = await CliWithInput("harbour-heron-morning-77\n", ["user", "set-password", "--email", "nobody@harbour.test", "--password-stdin", .. args]);
        Assert.Contains("--email: no login has this e-mail.", nobody.Err, StringComparison.Ordinal);
        var set = await CliWithInput("harbour-heron-morning-77\n", ["user", "set-password", "--email", "p@harbour.test", "--password-stdin", .. args]);
        Assert.Equal(0, set.Exit);
        Assert.Contains("1 API token(s) revoked; it may sign in now.", set.Out, StringComparison.Ordinal);

        await using var after = await CupwiseApp.StartAsync(database: database);
        using var again = after.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync("p@harbour.test", "harbour-heron-morning-77")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(after, "/api/v1/clients", token)).StatusCode);
    }

    [Fact]
    public async Task TheDemoPrintsLoginsForItsOwnPracticeOnly()
    {
        await using var app = await CupwiseApp.StartAsync(demo: true);
        var logins = app.Services.GetRequiredService<DemoLogins>().All;
        Assert.Equal([UserRole.Owner, UserRole.Practitioner, UserRole.Client], logins.Select(l => l.Role));
        using var browser = app.NewBrowser();
        var practitioner = logins.Single(l => l.Role == UserRole.Practitioner);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(practitioner.Email, practitioner.Password)).StatusCode);
        Assert.Contains("Cupwise demo practice", await browser.Http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.True(await app.QueryAsync(db => db.Users.AllAsync(u => u.PracticeId == DemoPractice.PracticeId)));
    }

    private static async Task<HttpResponseMessage> Get(CupwiseApp app, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        return await app.Anonymous.SendAsync(request);
    }

    private static async Task<(int Exit, string Out, string Err)> CliWithInput(string input, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Cupwise.Cli.CupwiseCli.RunAsync(args, output, error, new StringReader(input));
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<string> KeyAsync(CupwiseApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CupwiseUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }

    [Fact]
    public async Task ServeRefusesASessionTimeoutOutsideItsRange()
    {
        var tooShort = await Cli.RunAsync(["serve", "--idle-minutes", "1", "--data", TestDatabase.NewDirectory()]);
        Assert.Equal(2, tooShort.Exit);
        Assert.Contains("--idle-minutes: 5 to 240.", tooShort.Err, StringComparison.Ordinal);
        var tooLong = await Cli.RunAsync(["serve", "--session-hours", "48", "--data", TestDatabase.NewDirectory()]);
        Assert.Contains("--session-hours: 1 to 24.", tooLong.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShorterIdleTimeoutIsKept()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock, sessions: new SessionLifetime(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)));
        using var browser = app.NewBrowser();
        await browser.SignInAsync(Email, CupwiseApp.Password);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/v1/clients")).StatusCode);
    }
}
