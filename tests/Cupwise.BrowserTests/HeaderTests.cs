using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>The header on every page: where each link leads, for the owner and for a practitioner.</summary>
public sealed class HeaderTests
{
    [Fact]
    public async Task TheOwnersHeaderLeadsToEachPartOfThePractice()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/clients");
        // Nothing a page asks for is missing (the icon included).
        var failed = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) { failed.Add($"{r.Status} {r.Url}"); } };
        var header = page.GetByRole(AriaRole.Banner);
        foreach (var (link, heading) in new[] { ("Today", "Today"), ("Reports", "Outcomes"), ("Settings", "Practice settings"), ("Audit", "Audit log"), ("Clients", "Clients") })
        {
            await header.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        }
        await header.GetByRole(AriaRole.Link, new() { Name = "Cupwise", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
        Assert.Empty(failed);
        await header.GetByRole(AriaRole.Link, new() { Name = app.Owner.Email, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/login**");
    }

    [Fact]
    public async Task APractitionersHeaderHasNoSettingsAndNoAudit()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var email = await app.AddUserAsync(app.PracticeId, "practitioner@my-practice.test", Cupwise.Data.Accounts.UserRole.Practitioner);
        var (_, page) = await app.SignInAsync(email, BrowserApp.Password);
        var header = page.GetByRole(AriaRole.Banner);
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Settings", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(header.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OnAPhoneTheHeaderWrapsAndNoPracticePageIsWiderThanTheScreen()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/");
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/", "/clients", "/calendar", "/calendar?view=week", "/calendar/book", "/settings", "/protocols", "/audit", "/reports", "/account",
                     $"/clients/{Cupwise.DemoPractice.BackClientId}", $"/clients/{Cupwise.DemoPractice.BackClientId}/access" })
        {
            await page.GotoAsync(app.BaseUrl + path);
            // Wide tables scroll inside their own box; the page itself stays 390 px wide.
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, $"{path} is wider than a 390 px phone.");
        }
        var header = page.GetByRole(AriaRole.Banner);
        await header.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Audit log");
        await BrowserApp.ScreenshotAsync(page, "audit-390");
    }
}
