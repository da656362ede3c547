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
        var header = page.GetByRole(AriaRole.Banner);
        foreach (var (link, heading) in new[] { ("Today", "Today"), ("Reports", "Outcomes"), ("Settings", "Practice settings"), ("Audit", "Audit log"), ("Clients", "Clients") })
        {
            await header.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        }
        await header.GetByRole(AriaRole.Link, new() { Name = "Cupwise", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
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
}
