using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

public sealed class PlanPageTests
{
    [Fact]
    public async Task ThePractitionerSeesThatTheStiffNeckIsDoneAndWhatTheStudiesFound()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000a1");
        await chart.GetByRole(AriaRole.Link, new() { Name = "Acute stiff neck after sleeping awkwardly" }).ClickAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Acute stiff neck after sleeping awkwardly");
        await Assertions.Expect(chart.GetByRole(AriaRole.Status)).ToContainTextAsync("resolved after 2 session(s)");
        var measures = chart.GetByRole(AriaRole.Table, new() { Name = "Measures" });
        await Assertions.Expect(measures).ToContainTextAsync("cervical spine rotation left");
        await Assertions.Expect(chart.GetByText("not been shown to be clearly better than sham cupping", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(chart, "plan-progress");

        var back = await app.OpenAsync("/plans/c0ffee00-0000-4000-8000-0000000000c2");
        await Assertions.Expect(back.GetByRole(AriaRole.Table, new() { Name = "Measures" })).ToContainTextAsync("95 % CI");
    }
}
