using System.Text.RegularExpressions;
using Cupwise.Data;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>
/// A practitioner's day, clicked through as a person would, on SQLite and (when the test script runs it) on
/// PostgreSQL: a new client with history, edited; six cups charted with a mistake corrected; applied, timed,
/// removed and graded; completed; amended; the next visit booked; and all of it on the chart after a reload.
/// </summary>
public sealed class DayWalkThroughTests
{
    public static TheoryData<string> Databases()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (BrowserApp.PostgresServer is not null)
        {
            data.Add("postgresql");
        }
        return data;
    }

    private static async Task WaitInteractiveAsync(IPage page) =>
        await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    private static async Task PlaceAsync(IPage page, string region)
    {
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Cups" }).GetByRole(AriaRole.Row);
        var count = await rows.CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = region, Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(Math.Max(count + 1, 2));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task APractitionersDayWorksFromNewClientToTheNextBooking(string database)
    {
        // The sign-in cookie's lifetime is read off the real clock, so the injected one starts now and only moves ahead.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        DatabaseSettings? settings = database == "postgresql" ? await BrowserApp.NewPostgresDatabaseAsync() : null;
        await using var app = await BrowserApp.StartAsync(demo: false, clock, settings);

        // The day starts on Today: find the client list, and add a new client from it.
        var page = await app.OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Clients");
        await page.GetByRole(AriaRole.Link, new() { Name = "New client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New client");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Morgan");
        await page.GetByLabel("Date of birth").FillAsync("1979-04-12");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByLabel("E-mail").FillAsync("morgan@example.org");
        await page.GetByLabel("Condition 1", new() { Exact = true }).FillAsync("Upper-back pain");
        await page.GetByLabel("ICD-10 code of condition 1").FillAsync("M54.6");
        await page.GetByLabel("Medicine 1", new() { Exact = true }).FillAsync("Ibuprofen");
        await page.GetByLabel("Dose of medicine 1").FillAsync("400 mg as needed");
        await page.GetByLabel("How medicine 1 is taken").FillAsync("by mouth");
        await page.GetByLabel("Site of finding 1").SelectOptionAsync("calf");
        await page.GetByLabel("Side of finding 1").SelectOptionAsync("left");
        await page.GetByLabel("Kind of finding 1").SelectOptionAsync("varicose-veins");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        var chart = page.Url;

        // Edit it: a phone number and a past condition with a note; everything else stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.GetByLabel("Phone").FillAsync("+44 20 7946 0123");
        await page.GetByLabel("Condition 2", new() { Exact = true }).FillAsync("Whiplash");
        await page.GetByLabel("Status of condition 2").SelectOptionAsync("resolved");
        await page.GetByLabel("Onset of condition 2").FillAsync("2019");
        await page.GetByLabel("Notes on condition 2").FillAsync("no symptoms since");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(chart);

        // A session: six cups on the back, one put on the wrong site and taken off the plan, one moved.
        await page.GetByLabel("Your name (first practitioner)").FillAsync("Day practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await WaitInteractiveAsync(page);
        await page.GetByLabel("Pain before (0–10)").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record pain before" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: 6")).ToBeVisibleAsync();
        foreach (var region in new[] { "Upper back, beside the spine, left", "Upper back, beside the spine, right", "Mid back, beside the spine, left",
                                       "Lower back, beside the spine, left", "Shoulder blade, left", "Shoulder blade, right" })
        {
            await PlaceAsync(page, region);
        }
        // Cup 4 went on the lower back by mistake: off the plan, and the right site placed instead (it gets number 7).
        await page.GetByRole(AriaRole.Button, new() { Name = "Take off plan, cup 4" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 4" })).ToHaveCountAsync(0);
        await PlaceAsync(page, "Mid back, beside the spine, right");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 7" })).ToContainTextAsync("Mid back, beside the spine, right");
        // Cup 3 is moved a little higher: Move, then the new place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move cup 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upper back, beside the spine, left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 3" })).ToContainTextAsync("Upper back, beside the spine, left");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move cup 3" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mid back, beside the spine, left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 3" })).ToContainTextAsync("Mid back, beside the spine, left");
        // Five minutes for the first session (the screening's default for a new client).
        await page.GetByLabel("Planned minutes for cup 1").FillAsync("5");
        await page.GetByLabel("Planned minutes for cup 1").BlurAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 1" })).ToContainTextAsync("5 min planned");
        await page.GetByLabel("Notes", new() { Exact = true }).FillAsync("Tight on the left side");
        await page.GetByLabel("Adjunct treatment").SelectOptionAsync("massage");
        await page.GetByLabel("What was done").FillAsync("5 min effleurage before cupping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(page, "day-planned");

        var cups = new[] { 1, 2, 3, 5, 6, 7 };
        foreach (var n in cups)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Apply cup {n}", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = $"Time left for cup {n}" })).ToBeVisibleAsync();
        }
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for cup 1" })).ToHaveClassAsync(new Regex("due"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the alert for cup 1" }).ClickAsync();
        var grades = new Dictionary<int, int> { [1] = 2, [2] = 2, [3] = 1, [5] = 3, [6] = 2, [7] = 1 };
        foreach (var n in cups)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = $"Mark grade for cup {n}" }).GetByRole(AriaRole.Button, new() { Name = $"Grade {grades[n]}:" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Record removal of cup {n}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true })).ToHaveCountAsync(0);
        }
        await page.GetByLabel("Pain after (0–10)").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record pain after" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: 2")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();

        // Amend: cup 5 was darker when looked at again; the reason is kept with who and when.
        await page.GetByLabel("Mark grade, cup 5").SelectOptionAsync("4");
        await page.GetByLabel("Reason for the amendment (required)").FillAsync("Darker at the end of the visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save amendment" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Amendment history" });
        await Assertions.Expect(history).ToContainTextAsync("Cup 5, mark grade: 3 → 4");
        await Assertions.Expect(history).ToContainTextAsync(app.Owner.Email);

        // Book the next visit from the chart: the first free time once the sites have cleared.
        await page.GotoAsync(chart);
        await page.GetByLabel("Practitioner", new() { Exact = true }).Last.SelectOptionAsync(new SelectOptionValue { Label = "Day practitioner" });
        await page.GetByLabel("Minutes", new() { Exact = true }).FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find times" }).ClickAsync();
        var slot = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Book ") }).First;
        var slotText = (await slot.TextContentAsync())!.Trim()[5..];
        await slot.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Upcoming appointments" })).ToContainTextAsync(slotText);

        // After a reload the chart shows the whole day.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Morgan Example");
        Assert.Equal(6, await page.GetByRole(AriaRole.Group, new() { Name = "Body, back map" }).Locator("g.cup").CountAsync());
        await Assertions.Expect(page.GetByText("Pain was 6 at the start. In the latest session it went from 6 to 2.", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Upcoming appointments" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "When can we cup again" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(7);
        // The visit is on Today's list of what was done, and opens from there and from the chart's sessions.
        await page.GetByRole(AriaRole.Table, new() { Name = "Sessions" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Session with Morgan Example");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sessions/", StringComparison.Ordinal));
        await page.Locator("table a[href^='/sessions/']").Filter(new() { HasText = "Morgan Example" }).First.ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Session with Morgan Example");
        await page.GotoAsync(chart + "/edit");
        await Assertions.Expect(page.GetByLabel("Phone")).ToHaveValueAsync("+44 20 7946 0123");
        await Assertions.Expect(page.GetByLabel("Status of condition 2")).ToHaveValueAsync("resolved");
        await Assertions.Expect(page.GetByLabel("Side of finding 1")).ToHaveValueAsync("left");
    }
}
