using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

public sealed class ClientListPageTests
{
    [Fact]
    public async Task ThePractitionerSeesTheDemoClientsAndCanSearchThem()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/clients");

        Assert.Equal("Clients · Cupwise", await page.TitleAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Clients", Level = 1 }).IsVisibleAsync());
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Clients" }).GetByRole(AriaRole.Row);
        Assert.Equal(4, await rows.CountAsync()); // header and three demo clients
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Demo (low-back pain), Client C" }).IsVisibleAsync());
        await BrowserApp.ScreenshotAsync(page, "clients-demo");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search clients by name" }).FillAsync("facial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        Assert.DoesNotContain("facial", page.Url, StringComparison.Ordinal); // names stay out of addresses
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Demo (facial cupping), Client B" }).IsVisibleAsync());
    }

    [Fact]
    public async Task AnEmptyPracticeSaysHowToBegin()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients");
        Assert.True(await page.GetByText("No clients yet").IsVisibleAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Table).CountAsync());
    }

    [Fact]
    public async Task TheFrontDeskFindsAClientAndOpensTheirContactDetailsNotTheChart()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var desk = await app.AddUserAsync(app.PracticeId, "desk@demo.cupwise.invalid", Cupwise.Data.Accounts.UserRole.FrontDesk);
        var (_, page) = await app.SignInAsync(desk, BrowserApp.Password);
        Assert.EndsWith("/calendar", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Clients" });
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search clients by name" }).FillAsync("facial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync("Demo (facial cupping), Client B");
        await BrowserApp.ScreenshotAsync(page, "clients-front-desk");
        // Names and birth dates only: how often and when someone was treated is not the front desk's.
        await Assertions.Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Name", "Date of birth"]);
        // The name opens the client's contact details and visits: never the chart, which would answer "Not for this login".
        await table.GetByRole(AriaRole.Link, new() { Name = "Demo (facial cupping), Client B" }).ClickAsync();
        await page.WaitForURLAsync("**/edit");
        await Assertions.Expect(page.GetByLabel("Family name")).ToHaveValueAsync("Demo (facial cupping)");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Health history" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Not for this login")).ToHaveCountAsync(0);

        // The logo leads back to the calendar, not to Today, which is not theirs.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cupwise", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/calendar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
    }

    [Fact]
    public async Task AFullNameFindsTheClientWhicheverWayItIsWritten()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/clients");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Clients" });
        foreach (var typed in new[] { "Client B Demo (facial", "Demo (facial cupping), Client B", "facial\tclient" })
        {
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search clients by name" }).FillAsync(typed.Replace("\\t", "\t", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
            await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
            await Assertions.Expect(table).ToContainTextAsync("Demo (facial cupping), Client B");
        }
    }
}
