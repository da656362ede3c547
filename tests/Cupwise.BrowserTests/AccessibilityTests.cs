using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>axe finds no serious or critical violations on the main pages.</summary>
public sealed class AccessibilityTests(DemoAppFixture demo) : IClassFixture<DemoAppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/clients")]
    [InlineData("/clients/new")]
    [InlineData("/clients/c0ffee00-0000-4000-8000-0000000000a1")]
    [InlineData("/clients/c0ffee00-0000-4000-8000-0000000000c1?site=lower-back&side=left")]
    [InlineData("/settings")]
    [InlineData("/reports")]
    [InlineData("/protocols")]
    [InlineData("/clients/c0ffee00-0000-4000-8000-0000000000c1/summary")]
    [InlineData("/plans/c0ffee00-0000-4000-8000-0000000000c2")]
    [InlineData("/calendar")]
    [InlineData("/calendar?view=week")]
    [InlineData("/calendar/book?client=c0ffee00-0000-4000-8000-0000000000c1")]
    [InlineData("/settings/mail")]
    [InlineData("/account")]
    public async Task AMainPageHasNoSeriousOrCriticalViolations(string path)
    {
        var page = await demo.App.OpenAsync(path);
        await AssertAccessibleAsync(page);
        await page.CloseAsync();
    }

    [Fact]
    public async Task TheLoginsPageAndAnInvitationHaveNoSeriousOrCriticalViolations()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/settings/logins");
        await page.GetByLabel("E-mail").FillAsync("axe@demo-practice.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var link = await page.Locator(".notice code.key").TextContentAsync() ?? "";
        await AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(390, 844);
        await AssertAccessibleAsync(page);
        var invited = await app.OpenAnonymousAsync("/login");
        await invited.GotoAsync(link);
        await Assertions.Expect(invited.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(invited);
    }

    [Fact]
    public async Task TheChartingPageHasNoSeriousOrCriticalViolations()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000a1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByRole(AriaRole.Button, new() { Name = "Back of neck", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AVisitPageHasNoSeriousOrCriticalViolations()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/calendar/book?client=c0ffee00-0000-4000-8000-0000000000c1&time=16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).CountAsync() > 0)
        {
            await AssertAccessibleAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Booked.");
        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
