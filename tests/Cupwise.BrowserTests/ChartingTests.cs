using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>What a practitioner clicks: create a client, chart a session on the maps, run the timers, see it on the chart.</summary>
public sealed class ChartingTests
{
    private static async Task WaitInteractiveAsync(IPage page) =>
        await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });

    private static async Task PlaceAsync(IPage page, string view, string region)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = view, Exact = true }).ClickAsync();
        var count = await page.GetByRole(AriaRole.Row).CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = region, Exact = true }).ClickAsync();
        // Wait until the new cup's row is there.
        await Assertions.Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(Math.Max(count + 1, 2));
    }

    [Fact]
    public async Task APractitionerChartsSixCupsAndSeesThemOnTheChart()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await BrowserApp.StartAsync(demo: false, clock);
        var page = await app.OpenAsync("/clients/new");

        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Robin");
        await page.GetByLabel("Date of birth").FillAsync("1984-03-02");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByLabel("Condition 1", new() { Exact = true }).FillAsync("Neck and upper-back pain");
        await page.GetByLabel("ICD-10 code of condition 1").FillAsync("M54.2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]{36}$"));
        Assert.Equal("Robin Example", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());

        await page.GetByLabel("Your name (first practitioner)").FillAsync("Test practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await WaitInteractiveAsync(page);

        await page.GetByLabel("Pain before (0–10)").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record pain before" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: 7")).ToBeVisibleAsync();

        foreach (var region in new[] { "Upper back, beside the spine, left", "Upper back, beside the spine, right", "Shoulder blade, left", "Shoulder blade, right", "Back of neck" })
        {
            await PlaceAsync(page, "Body, back", region);
        }
        await PlaceAsync(page, "Body, front", "Side of neck, left");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Cups" }).GetByRole(AriaRole.Row);
        await Assertions.Expect(rows).ToHaveCountAsync(7);

        // A planned cup can be moved: choose Move, then the new place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move cup 6" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Side of neck, right", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 6" })).ToContainTextAsync("Side of neck, right");

        // Range of motion where relevant.
        await page.GetByLabel("Degrees").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record range of motion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Range of motion recorded" })).ToContainTextAsync("cervical spine, rotation left: 30° (before)");
        await BrowserApp.ScreenshotAsync(page, "session-planned");

        for (var n = 1; n <= 6; n++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Apply cup {n}", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = $"Time left for cup {n}" })).ToBeVisibleAsync();
        }
        // The first cup's timer counts down from 10 min; an injected clock stands in for the wait.
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for cup 1" })).ToContainTextAsync("10:00");
        await BrowserApp.ScreenshotAsync(page, "session-running");
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(5));
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for cup 1" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("due"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the alert for cup 1" }).ClickAsync();

        // The timers survive a reload: the applied time is stored, not kept in the page.
        await page.ReloadAsync();
        await WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for cup 2" })).ToBeVisibleAsync();

        var grades = new[] { 2, 3, 2, 2, 1, 0 };
        for (var n = 1; n <= 6; n++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true }).ClickAsync();
            var picker = page.GetByRole(AriaRole.Group, new() { Name = $"Mark grade for cup {n}" });
            await picker.GetByRole(AriaRole.Button, new() { Name = $"Grade {grades[n - 1]}:" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Record removal of cup {n}" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true })).ToHaveCountAsync(0);
        }
        await page.GetByLabel("Pain after (0–10)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record pain after" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: 3")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "← Robin Example's chart" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cups on the body and face" })).ToBeVisibleAsync();
        var back = page.GetByRole(AriaRole.Group, new() { Name = "Body, back map" });
        Assert.Equal(5, await back.Locator("g.cup").CountAsync());
        var front = page.GetByRole(AriaRole.Group, new() { Name = "Body, front map" });
        Assert.Equal(1, await front.Locator("g.cup").CountAsync());
        await Assertions.Expect(page.GetByText("Pain was 7 at the start. In the latest session it went from 7 to 3.", new() { Exact = true })).ToBeVisibleAsync();
        // The marks just left: each site says when it may be cupped again.
        var again = page.GetByRole(AriaRole.Table, new() { Name = "When can we cup again" });
        await Assertions.Expect(again.GetByRole(AriaRole.Row)).ToHaveCountAsync(7);
        await Assertions.Expect(again).ToContainTextAsync("mark forecast to clear");
        await BrowserApp.ScreenshotAsync(page, "client-chart");

        // Book the next visit: times once the marked sites are clear and the practitioner is free.
        await page.GetByRole(AriaRole.Button, new() { Name = "Find times" }).ClickAsync();
        var firstSlot = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Book ") }).First;
        await Assertions.Expect(firstSlot).ToBeVisibleAsync();
        await firstSlot.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Upcoming appointments" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        // A site's history, from the map.
        await back.GetByRole(AriaRole.Link, new() { Name = "Shoulder blade, left" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "History of Shoulder blade, left" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Site history" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task AFacialSessionIsChartedWithMovingCupsAndNoMarks()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000b1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await WaitInteractiveAsync(page);
        await PlaceAsync(page, "Face", "Cheek, left");
        await PlaceAsync(page, "Face", "Jawline, right");
        await Assertions.Expect(page.GetByText("no set time (moving or flash)").First).ToBeVisibleAsync();
        // Facial cups glide: each shows its pathway and passes on the face map.
        await Assertions.Expect(page.Locator("svg.map-face g.glide")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("Passes for cup 1")).ToHaveValueAsync("3");
        for (var n = 1; n <= 2; n++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Apply cup {n}", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true }).ClickAsync();
            // Facial and moving cups default to grade 0: the removal can be recorded at once.
            await page.GetByRole(AriaRole.Button, new() { Name = $"Record removal of cup {n}" }).ClickAsync();
        }
        await BrowserApp.ScreenshotAsync(page, "facial-session");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();
        var marks = page.GetByRole(AriaRole.Table, new() { Name = "Cups" }).GetByText("none, or fades within minutes");
        await Assertions.Expect(marks).ToHaveCountAsync(2);

        // A completed session is amended with a reason, and shows its history.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save amendment" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Reason for the amendment: is required.");
        await page.GetByLabel("Mark grade, cup 1").SelectOptionAsync("1");
        await page.GetByLabel("Reason for the amendment (required)").FillAsync("Faint pink seen at the follow-up photo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save amendment" }).ClickAsync();
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Amendment history" });
        await Assertions.Expect(history).ToContainTextAsync("Faint pink seen at the follow-up photo");
        await Assertions.Expect(history).ToContainTextAsync("Cup 1, mark grade: 0 → 1");
    }

    [Fact]
    public async Task TodayShowsTheDemoPracticesOpenWork()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/");
        Assert.StartsWith("Today", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        await BrowserApp.ScreenshotAsync(page, "today");
        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000c1");
        await Assertions.Expect(chart.GetByText(new Regex(@"^Pain before a session went from 6 to \d+ over 4 visits\. In the latest session it went from \d+ to \d+\.$"))).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(chart, "client-chart-demo");
    }

    [Fact]
    public async Task AFormWithMistakesSaysWhatIsWrongNextToEachField()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Given name").FillAsync("Sam");
        await page.GetByLabel("Date of birth").FillAsync("2090-01-01");
        await page.GetByLabel("Sex").SelectOptionAsync("male");
        await page.GetByLabel("Weeks of pregnancy").FillAsync("20");
        await page.GetByLabel("Pregnant").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Please correct the fields marked below; nothing was saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Required.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("Must not be in the future"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex("cannot be recorded for a client whose sex is male"))).ToBeVisibleAsync();
        // What was typed is kept.
        await Assertions.Expect(page.GetByLabel("Given name")).ToHaveValueAsync("Sam");
        await BrowserApp.ScreenshotAsync(page, "client-form-errors");
    }

    [Fact]
    public async Task ABlockedCupCannotBeAppliedAndAnOverrideNeedsAReason()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Alex");
        await page.GetByLabel("Date of birth").FillAsync("1960-05-05");
        await page.GetByLabel("Sex").SelectOptionAsync("female");
        await page.GetByLabel("Medicine 1", new() { Exact = true }).FillAsync("Warfarin");
        await page.GetByLabel("Dose of medicine 1").FillAsync("3 mg");
        await page.GetByLabel("Site of finding 1").SelectOptionAsync("calf");
        await page.GetByLabel("Side of finding 1").SelectOptionAsync("left");
        await page.GetByLabel("Kind of finding 1").SelectOptionAsync("varicose-veins");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]{36}$"));
        await page.GetByLabel("Your name (first practitioner)").FillAsync("Test practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await WaitInteractiveAsync(page);

        await PlaceAsync(page, "Body, back", "Calf, left");
        await PlaceAsync(page, "Body, back", "Upper back, beside the spine, right");
        // The calf has varicose veins: blocked, whatever is recorded.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true })).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Safety findings for cup 1" })).ToContainTextAsync("Varicose veins at this site");
        // Warfarin: cups wait for a recorded reason.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 2", Exact = true })).ToBeDisabledAsync();
        await page.GetByLabel("Reason to go ahead: Anticoagulant or antiplatelet medicine").FillAsync("INR stable; GP agreed to light cupping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Reason recorded by {app.Owner.Email}: INR stable; GP agreed to light cupping")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 2", Exact = true })).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true })).ToBeDisabledAsync();
        await BrowserApp.ScreenshotAsync(page, "session-screening");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for cup 2" })).ToBeVisibleAsync();

        // The blocked cup never went on: it comes off the plan, and the session completes with what was done.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove cup 2", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Grade 1: light pink" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record removal of cup 2" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cup 1 was planned but never applied");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take off plan, cup 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Cups" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        // The same site a second time, the same day: its mark has not cleared, so the cup waits for a reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Alex Example's chart" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await WaitInteractiveAsync(page);
        await PlaceAsync(page, "Body, back", "Upper back, beside the spine, right");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Safety findings for cup 1" })).ToContainTextAsync("was last cupped on");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true })).ToBeDisabledAsync();
        await page.GetByLabel(new System.Text.RegularExpressions.Regex("^Reason to go ahead with cup 1: Upper back, beside the spine, right was last cupped on")).FillAsync("Flash cupping only, well away from the mark");
        await page.GetByRole(AriaRole.Row, new() { Name = "Cup 1" }).GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Reason recorded by {app.Owner.Email}: Flash cupping only, well away from the mark")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true })).ToBeDisabledAsync();
        var screening = page.GetByRole(AriaRole.Region, new() { Name = "Safety screening" });
        await screening.GetByLabel("Reason to go ahead: Anticoagulant or antiplatelet medicine").FillAsync("INR stable; GP agreed to light cupping");
        await screening.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true })).ToBeEnabledAsync();
    }

    [Fact]
    public async Task VitalSignsTakenAtTheStartDecideWhetherCupsMayGoOn()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Sam");
        await page.GetByLabel("Date of birth").FillAsync("1970-02-02");
        await page.GetByLabel("Sex").SelectOptionAsync("male");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]{36}$"));
        await page.GetByLabel("Your name (first practitioner)").FillAsync("Test practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await WaitInteractiveAsync(page);
        await PlaceAsync(page, "Body, back", "Upper back, beside the spine, right");
        var screening = page.GetByRole(AriaRole.Region, new() { Name = "Safety screening" });
        var apply = page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true });
        await Assertions.Expect(apply).ToBeEnabledAsync();

        // Half a blood pressure is refused by the field's name, and nothing is kept.
        await page.GetByLabel("Blood pressure, upper (mmHg)").FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record vital signs" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Blood pressure, lower: a blood pressure needs both numbers");
        await Assertions.Expect(screening.GetByRole(AriaRole.List, new() { Name = "Vital signs" })).ToHaveCountAsync(0);

        // 186/104 blocks the cup until a second reading after rest.
        await page.GetByLabel("Temperature (°C)").FillAsync("36.9");
        await page.GetByLabel("Blood pressure, upper (mmHg)").FillAsync("186");
        await page.GetByLabel("Blood pressure, lower (mmHg)").FillAsync("104");
        await page.GetByLabel("Pulse (a minute)").FillAsync("88");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record vital signs" }).ClickAsync();
        await Assertions.Expect(screening.GetByRole(AriaRole.List, new() { Name = "Vital signs" })).ToContainTextAsync("36.9 °C · 186/104 mmHg · pulse 88");
        await Assertions.Expect(screening).ToContainTextAsync("Blood pressure 180/120 mmHg or higher today: do not cup");
        await Assertions.Expect(screening).Not.ToContainTextAsync("160/100"); // the lesser finding would ask for a reason that cannot help
        await Assertions.Expect(apply).ToBeDisabledAsync();
        await BrowserApp.ScreenshotAsync(page, "session-vitals");

        await page.GetByLabel("Blood pressure, upper (mmHg)").FillAsync("164");
        await page.GetByLabel("Blood pressure, lower (mmHg)").FillAsync("96");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record another reading" }).ClickAsync();
        await Assertions.Expect(screening.GetByRole(AriaRole.List, new() { Name = "Vital signs" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await Assertions.Expect(screening).Not.ToContainTextAsync("do not cup");
        await Assertions.Expect(apply).ToBeDisabledAsync();
        await screening.GetByLabel("Reason to go ahead: Blood pressure 160/100 mmHg or higher today").FillAsync("Usual for this client; GP review booked");
        await screening.GetByRole(AriaRole.Button, new() { Name = "Record reason" }).ClickAsync();
        await Assertions.Expect(apply).ToBeEnabledAsync();

        // A reason given on one reading does not cover the next: 172/104 asks again.
        await page.GetByLabel("Blood pressure, upper (mmHg)").FillAsync("172");
        await page.GetByLabel("Blood pressure, lower (mmHg)").FillAsync("104");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record another reading" }).ClickAsync();
        await Assertions.Expect(screening.GetByLabel("Reason to go ahead: Blood pressure 160/100 mmHg or higher today")).ToBeVisibleAsync();
        await Assertions.Expect(apply).ToBeDisabledAsync();

        // A fever taken now stops everything, and the cup says so rather than asking for a reason.
        await page.GetByLabel("Temperature (°C)").FillAsync("38.3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record another reading" }).ClickAsync();
        await Assertions.Expect(screening).ToContainTextAsync("Fever: do not cup");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 1" })).ToContainTextAsync("Cup 1 cannot be applied: Fever");
        await Assertions.Expect(apply).ToBeDisabledAsync();

        // A value no body shows is refused beside the fields.
        await page.GetByLabel("Temperature (°C)").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record another reading" }).ClickAsync();
        await Assertions.Expect(screening.GetByRole(AriaRole.Alert)).ToContainTextAsync("Temperature: must be a body temperature between 30 and 45 °C");
    }
}
