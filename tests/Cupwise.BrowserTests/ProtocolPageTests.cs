using Cupwise.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

public sealed class ProtocolPageTests
{
    [Fact]
    public async Task APracticeAddsItsOwnProtocolButNotAClaim()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Protocols: the library and this practice's own →" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Protocols" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(7);

        await page.GetByLabel("Name").FillAsync("Runner's calves");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Calf, left", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Calf, right", Exact = true }).CheckAsync();
        await page.GetByLabel("Technique").SelectOptionAsync(new SelectOptionValue { Label = "Moving (gliding)" });
        await page.GetByLabel("Suction").SelectOptionAsync(new SelectOptionValue { Label = "Squeeze" });
        await page.GetByLabel("Cup", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Silicone body cup, 50 mm" });
        await page.GetByLabel("Minutes (stationary) or passes (moving)").FillAsync("6");
        await page.GetByLabel("What the studies found (left empty: \"No controlled evidence found.\")").FillAsync("Cupping flushes toxins out of tired muscles.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add protocol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("makes a claim Cupwise never makes");

        await page.GetByLabel("Name").FillAsync("Runner's calves");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Calf, left", Exact = true })).ToBeCheckedAsync();
        await page.GetByLabel("Technique").SelectOptionAsync(new SelectOptionValue { Label = "Moving (gliding)" });
        await page.GetByLabel("Suction").SelectOptionAsync(new SelectOptionValue { Label = "Squeeze" });
        await page.GetByLabel("Cup", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Silicone body cup, 50 mm" });
        await page.GetByLabel("Minutes (stationary) or passes (moving)").FillAsync("6");
        await page.GetByLabel("Days between sessions").FillAsync("10");
        await page.GetByLabel("Sessions in a course").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add protocol" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Runner's calves" })).ToContainTextAsync("every 10 days, up to 5 sessions");
        await Assertions.Expect(table).ToContainTextAsync("Runner's calves (this practice's)");
        await Assertions.Expect(table).ToContainTextAsync("No controlled evidence found.");
        // The library reads in words: sites by name and side, cups by their label.
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Runner's calves" })).ToContainTextAsync("Calf, left; Calf, right");
        await Assertions.Expect(table.GetByRole(AriaRole.Row, new() { Name = "Chronic low-back pain" })).ToContainTextAsync("Lower back, beside the spine, left; Lower back, beside the spine, right");

        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000b1");
        await Assertions.Expect(chart.GetByLabel("Protocol").Locator("option", new() { HasText = "Runner's calves" })).ToHaveCountAsync(1);

        // The owner came from Settings and goes back there; a practitioner, who has no Settings, goes back to Today.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Practice settings");
        var practitioner = app.Services.GetRequiredService<DemoLogins>().For(UserRole.Practitioner);
        var (_, theirs) = await app.SignInAsync(practitioner.Email, practitioner.Password);
        await theirs.GotoAsync(app.BaseUrl + "/protocols");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Table, new() { Name = "Protocols" })).ToContainTextAsync("Runner's calves (this practice's)");
        await theirs.GetByRole(AriaRole.Link, new() { Name = "← Today" }).ClickAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
    }
}
