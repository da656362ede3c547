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
        await page.GetByLabel("Sites (site:side, comma-separated)").FillAsync("calf:left, calf:right");
        await page.GetByLabel("Technique").SelectOptionAsync("moving");
        await page.GetByLabel("Suction").SelectOptionAsync("squeeze");
        await page.GetByLabel("Cup", new() { Exact = true }).SelectOptionAsync("silicone-body-50");
        await page.GetByLabel("Minutes (stationary) or passes (moving)").FillAsync("6");
        await page.GetByLabel("What the studies found", new() { Exact = false }).FillAsync("Cupping flushes toxins out of tired muscles.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add protocol" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("makes a claim Cupwise never makes");

        await page.GetByLabel("Name").FillAsync("Runner's calves");
        await page.GetByLabel("Sites (site:side, comma-separated)").FillAsync("calf:left, calf:right");
        await page.GetByLabel("Technique").SelectOptionAsync("moving");
        await page.GetByLabel("Suction").SelectOptionAsync("squeeze");
        await page.GetByLabel("Cup", new() { Exact = true }).SelectOptionAsync("silicone-body-50");
        await page.GetByLabel("Minutes (stationary) or passes (moving)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add protocol" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        await Assertions.Expect(table).ToContainTextAsync("Runner's calves (this practice's)");
        await Assertions.Expect(table).ToContainTextAsync("No controlled evidence found.");

        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000b1");
        await Assertions.Expect(chart.GetByLabel("Protocol").Locator("option", new() { HasText = "Runner's calves" })).ToHaveCountAsync(1);
    }
}
