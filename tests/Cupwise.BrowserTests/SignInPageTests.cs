using Cupwise.Clients;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Domain.Clients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>Signing in through the real page: each practice sees its own clients, a client sees only their own record.</summary>
public sealed class SignInPageTests
{
    [Fact]
    public async Task APractitionerSeesOnlyTheirOwnPracticesClients()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var other = await app.AddPracticeAsync("Harbour Cupping");
        var theirs = await AddClientAsync(app, other, "Harbourside", "Only");
        await app.AddUserAsync(other, "owner@harbour.test", UserRole.Owner);

        var anonymous = await app.OpenAnonymousAsync("/clients");
        Assert.EndsWith("/login?ReturnUrl=%2Fclients", anonymous.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(anonymous, "sign-in");

        var (_, demo) = await app.SignInAsync(app.Owner.Email, app.Owner.Password);
        await demo.GotoAsync(app.BaseUrl + "/clients");
        Assert.True(await demo.GetByRole(AriaRole.Link, new() { Name = "Demo (stiff neck), Client A" }).IsVisibleAsync());
        Assert.Equal(0, await demo.GetByText("Harbourside").CountAsync());
        Assert.True(await demo.GetByText("Cupwise demo practice").First.IsVisibleAsync());

        var (_, harbour) = await app.SignInAsync("owner@harbour.test", BrowserApp.Password);
        await harbour.GotoAsync(app.BaseUrl + "/clients");
        Assert.True(await harbour.GetByRole(AriaRole.Link, new() { Name = "Harbourside, Only" }).IsVisibleAsync());
        Assert.Equal(0, await harbour.GetByText("Demo (stiff neck)").CountAsync());
        // The demo's client by its address: as unknown as any id.
        await harbour.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.NeckClientId}");
        Assert.True(await harbour.GetByText("No such page, client, session or plan in this practice.").IsVisibleAsync());
        Assert.Equal(0, await harbour.GetByText("Demo (stiff neck)").CountAsync());

        // Signing out ends it: the back button shows no chart.
        await harbour.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await harbour.WaitForURLAsync("**/login");
        await harbour.GotoAsync(app.BaseUrl + $"/clients/{theirs}");
        Assert.Contains("/login", harbour.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientSignsInToTheirOwnRecordAndNothingElse()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var login = app.Services.GetRequiredService<Cupwise.DemoLogins>().For(UserRole.Client);
        var (_, page) = await app.SignInAsync(login.Email, login.Password);
        Assert.EndsWith($"/clients/{Cupwise.DemoPractice.BackClientId}/summary", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "My record" }).IsVisibleAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Clients" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "← Back to the chart" }).CountAsync()); // the chart is the practice's, not theirs
        await BrowserApp.ScreenshotAsync(page, "client-own-record");
        // The logo and "My record" both lead to their own record.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cupwise", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Your cupping: a summary for Client C");
        await page.GetByRole(AriaRole.Link, new() { Name = "My record" }).ClickAsync();
        Assert.EndsWith($"/clients/{Cupwise.DemoPractice.BackClientId}/summary", page.Url, StringComparison.Ordinal);

        await page.GotoAsync(app.BaseUrl + "/clients");
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Not for this login" }).IsVisibleAsync());
        await page.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.NeckClientId}/summary");
        Assert.True(await page.GetByText("No such page, client, session or plan in this practice.").IsVisibleAsync());
    }

    [Fact]
    public async Task TheOwnerSeesTheAuditLogAndWhoSawAClient()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var practitioner = app.Services.GetRequiredService<Cupwise.DemoLogins>().For(UserRole.Practitioner);
        var (_, seen) = await app.SignInAsync(practitioner.Email, practitioner.Password);
        await seen.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.BackClientId}");
        await app.Services.GetRequiredService<Cupwise.Audit.AuditLog>().FlushAsync();

        var page = await app.OpenAsync($"/clients/{Cupwise.DemoPractice.BackClientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Who saw this record, and break-glass access →" }).ClickAsync();
        await page.WaitForURLAsync("**/access");
        // The practitioner's visit is recorded as their response finishes: look again until it is in.
        var who = page.GetByRole(AriaRole.Region, new() { Name = "Who saw this record", Exact = true });
        for (var i = 0; i < 20 && !await who.GetByText(practitioner.Email).IsVisibleAsync(); i++)
        {
            await Task.Delay(100);
            await app.Services.GetRequiredService<Cupwise.Audit.AuditLog>().FlushAsync();
            await page.ReloadAsync();
        }
        Assert.True(await who.GetByText(practitioner.Email).IsVisibleAsync());
        await BrowserApp.ScreenshotAsync(page, "who-saw");

        await page.GetByRole(AriaRole.Link, new() { Name = "the practice's audit log" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the chain" }).ClickAsync();
        Assert.True(await page.GetByText("Intact:").IsVisibleAsync());
        // Entries read as what the person did, not as the server's routes and record types.
        Assert.True(await page.GetByRole(AriaRole.Cell, new() { Name = "Signed in", Exact = true }).First.IsVisibleAsync());
        var visit = page.GetByRole(AriaRole.Row).Filter(new() { HasText = practitioner.Email }).Filter(new() { HasText = "Opened a client's chart" });
        await Assertions.Expect(visit.First).ToContainTextAsync("Client C Demo");
        await Assertions.Expect(visit.First).ToContainTextAsync("Done");
        await BrowserApp.ScreenshotAsync(page, "audit-log");

        // A period with nothing in it, then today's entries as a spreadsheet.
        await page.GetByLabel("From").FillAsync("1990-01-01");
        await page.GetByLabel("To").FillAsync("1990-01-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No entries in this period.")).ToBeVisibleAsync();
        // Yesterday to tomorrow: today in the practice's zone, whatever the hour.
        string Day(int offset) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("From").FillAsync(Day(-1));
        await page.GetByLabel("To").FillAsync(Day(1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Signed in", Exact = true }).First).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        Assert.Equal("cupwise-audit.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("sequence,at_utc,", csv, StringComparison.Ordinal);
        Assert.Contains(practitioner.Email, csv, StringComparison.Ordinal);
    }

    private static async Task<Guid> AddClientAsync(BrowserApp app, Guid practiceId, string family, string given)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PracticeScope>().Set(practiceId);
        var db = scope.ServiceProvider.GetRequiredService<CupwiseDbContext>();
        var client = Client.Create(Guid.NewGuid(), practiceId, new ClientDetails(family, given, new DateOnly(1990, 1, 1), Sex.Female, null, null, new HealthHistory()),
            TimeProvider.System);
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }
}
