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
        await Assertions.Expect(chart.Locator("figure.chart svg")).ToHaveCountAsync(2); // pain and rotation, each with its goal line
        await BrowserApp.ScreenshotAsync(chart, "plan-progress");

        var back = await app.OpenAsync("/plans/c0ffee00-0000-4000-8000-0000000000c2");
        await Assertions.Expect(back.GetByRole(AriaRole.Table, new() { Name = "Measures" })).ToContainTextAsync("95 % CI");
    }

    [Fact]
    public async Task TheOwnerReadsThePracticeReportAndCanDownloadIt()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Outcomes by indication" });
        await Assertions.Expect(table).ToContainTextAsync("Chronic low-back pain");
        await Assertions.Expect(table).ToContainTextAsync("Neck pain / stiff neck");
        await Assertions.Expect(page.Locator(".chart svg")).ToHaveCountAsync(1); // one plan per indication: responders, but no interval yet
        await Assertions.Expect(page.GetByText("so no mean change is shown", new() { Exact = false })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "reports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        Assert.Equal("cupwise-outcomes.csv", download.SuggestedFilename);

        // A year no practice can have reached is refused with the range; an empty period shows nothing.
        await page.GetByLabel("From").FillAsync("2099-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("From must be a date as yyyy-MM-dd between 1900-01-01 and five years from now");
        await page.GetByLabel("From").FillAsync("1990-01-01");
        await page.GetByLabel("To").FillAsync("1990-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No sessions linked to a treatment plan in this period.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("To")).ToHaveValueAsync("1990-12-31");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Today" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
    }

    [Fact]
    public async Task APractitionerStartsAPlanFromTheChartAndEndsIt()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000b1"); // the facial client has no plan yet
        await chart.GetByLabel("Condition").FillAsync("Morning puffiness");
        await chart.GetByLabel("Protocol").SelectOptionAsync(new SelectOptionValue { Label = "Facial cupping for appearance" });
        await chart.GetByLabel("ICD-10 (optional)").FillAsync("puffy");
        await chart.GetByRole(AriaRole.Button, new() { Name = "Start plan" }).ClickAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Alert)).ToContainTextAsync("ICD-10: must be an ICD-10 code");

        await chart.GetByLabel("Condition").FillAsync("Morning puffiness");
        await chart.GetByLabel("Protocol").SelectOptionAsync(new SelectOptionValue { Label = "Facial cupping for appearance" });
        await chart.GetByLabel("Done when pain is at most").FillAsync("1");
        await chart.GetByRole(AriaRole.Button, new() { Name = "Start plan" }).ClickAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Morning puffiness");
        await Assertions.Expect(chart.GetByText("pain ≤ 1", new() { Exact = false }).First).ToBeVisibleAsync();
        await Assertions.Expect(chart.GetByText("No controlled evidence found for facial cupping and the appearance of the skin.")).ToBeVisibleAsync();
        await Assertions.Expect(chart.GetByText("0 session(s) of up to 6", new() { Exact = false })).ToBeVisibleAsync();

        await chart.GetByLabel("End the plan as").SelectOptionAsync("stopped");
        await chart.GetByLabel("Reason").FillAsync("Client chose to stop");
        await chart.GetByRole(AriaRole.Button, new() { Name = "End plan" }).ClickAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Status)).ToContainTextAsync("The plan is stopped: Client chose to stop");
        await Assertions.Expect(chart.GetByRole(AriaRole.Button, new() { Name = "End plan" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheClientGetsAPrintableSummaryWithTheEvidenceAndWhenToComeBack()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000c1");
        await chart.GetByRole(AriaRole.Link, new() { Name = "Summary for the client" }).ClickAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Your cupping: a summary for Client C");
        await Assertions.Expect(chart.GetByRole(AriaRole.Table, new() { Name = "Sessions" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        await Assertions.Expect(chart.GetByText("What the studies found:", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Heading, new() { Name = "When you can be cupped again" })).ToBeVisibleAsync();
        await Assertions.Expect(chart.GetByText("Lower back, beside the spine, left: from", new() { Exact = false })).ToBeVisibleAsync(); // yesterday's marks
        await Assertions.Expect(chart.GetByText("Cupping does not replace medical care", new() { Exact = false })).ToBeVisibleAsync();
        await chart.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(chart.Locator("header.bar")).ToBeHiddenAsync();
        await chart.EmulateMediaAsync(new() { Media = Media.Screen });
        await BrowserApp.ScreenshotAsync(chart, "client-summary");

        // "Print" opens the browser's print dialog (counted here, since a headless browser shows none).
        await chart.EvaluateAsync("() => { window.printed = 0; window.print = () => { window.printed++; }; }");
        await chart.GetByRole(AriaRole.Button, new() { Name = "Print" }).ClickAsync();
        Assert.Equal(1, await chart.EvaluateAsync<int>("() => window.printed"));
        await chart.GetByRole(AriaRole.Link, new() { Name = "← Back to the chart" }).ClickAsync();
        await Assertions.Expect(chart.GetByRole(AriaRole.Link, new() { Name = "Summary for the client" })).ToBeVisibleAsync();
    }
}
