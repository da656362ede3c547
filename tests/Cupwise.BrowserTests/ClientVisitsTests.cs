using Cupwise.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>A client's own login shows their booked and earlier visits, and cancels one a day or more ahead.</summary>
public sealed class ClientVisitsTests
{
    private static async Task BookAsync(IPage page, string date, string time)
    {
        await page.GotoAsync(page.Url.Split("/calendar")[0].Split("/clients")[0] + $"/calendar/book?client={Cupwise.DemoPractice.BackClientId}");
        await page.GetByLabel("Date").FillAsync(date);
        await page.GetByLabel("Time (UTC)").FillAsync(time);
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Booked.");
    }

    [Fact]
    public async Task AClientSeesTheirVisitsAndCancelsOneADayAheadButNotOneSoonerOnAPhone()
    {
        // Wednesday 2 Dec 2026, 08:00 UTC (the demo practice keeps UTC).
        await using var app = await BrowserApp.StartAsync(demo: true, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)));
        var owner = await app.OpenAsync("/calendar");
        await BookAsync(owner, "2026-12-02", "11:00");
        await BookAsync(owner, "2026-12-04", "10:00");

        var login = app.Services.GetRequiredService<DemoLogins>().For(UserRole.Client);
        var (_, page) = await app.SignInAsync(login.Email, login.Password);
        await page.SetViewportSizeAsync(390, 844);
        var visits = page.Locator("ul.visits");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your visits" })).ToBeVisibleAsync();
        await Assertions.Expect(visits.Locator("li").Nth(0)).ToContainTextAsync("Wednesday 2 December 2026 at 11:00 (UTC), Demo practitioner");
        await Assertions.Expect(visits.Locator("li").Nth(0)).ToContainTextAsync("Less than 24 hours away: to cancel, call the practice.");
        await Assertions.Expect(visits.Locator("li").Nth(1)).ToContainTextAsync("Friday 4 December 2026 at 10:00 (UTC)");
        await BrowserApp.ScreenshotAsync(page, "client-visits-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The client's page is wider than the phone.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the visit on Friday 4 December 2026 at 10:00 (UTC)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your visit is cancelled");
        await Assertions.Expect(visits.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel the visit on Wednesday 2 December 2026 at 11:00 (UTC)" })).ToHaveCountAsync(0);

        // The practice's calendar shows Friday free again.
        await owner.GotoAsync(app.BaseUrl + "/calendar?day=2026-12-04");
        await Assertions.Expect(owner.GetByRole(AriaRole.Link, new() { Name = "Book Demo practitioner at 10:00", Exact = true })).ToBeVisibleAsync();
    }
}
