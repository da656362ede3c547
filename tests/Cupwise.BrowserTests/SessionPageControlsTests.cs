using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>The charting page's controls that the longer walk-throughs do not reach, each used as a person would.</summary>
public sealed class SessionPageControlsTests
{
    private static async Task<IPage> NewSessionAsync(BrowserApp app, string given)
    {
        var page = await app.OpenAsync("/clients/new");
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync(given);
        await page.GetByLabel("Date of birth").FillAsync("1982-02-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        var practitioner = page.GetByLabel("Your name (first practitioner)");
        if (await practitioner.CountAsync() > 0)
        {
            await practitioner.FillAsync("Controls practitioner");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        return page;
    }

    [Fact]
    public async Task ADraftThatWillNotGoAheadIsDiscardedAndLeavesTheListOfSessionsToFinish()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await NewSessionAsync(app, "Dana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upper back, beside the spine, left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 1" })).ToBeVisibleAsync();

        // Second thoughts are allowed: the first click only asks.
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep the draft" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Planned", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        await page.GetByLabel("Why (optional)").FillAsync("Client cancelled at the door");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard this draft" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Discarded", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"This draft was discarded by {app.Owner.Email}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Client cancelled at the door");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dana Example" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task APlannedCupIsChangedFieldByFieldAndPlacedFromTheSiteList()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await NewSessionAsync(app, "Eli");
        // The list beside the map places a cup without the map.
        await page.GetByRole(AriaRole.Button, new() { Name = "Body, front", Exact = true }).ClickAsync();
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Front of thigh, left" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add cup" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "Cup 1" });
        await Assertions.Expect(row).ToContainTextAsync("Front of thigh, left");

        await page.GetByLabel("Cup for cup 1").SelectOptionAsync(new SelectOptionValue { Label = "Valve (pump) cup, 40 mm" });
        await page.GetByLabel("Method for cup 1").SelectOptionAsync("pump");
        await page.GetByLabel("Pump strokes for cup 1").FillAsync("6");
        await page.GetByLabel("Pump strokes for cup 1").BlurAsync();
        await Assertions.Expect(page.GetByLabel("Pump strokes for cup 1")).ToHaveValueAsync("6");
        await page.GetByLabel("Technique for cup 1").SelectOptionAsync("moving");
        await page.GetByLabel("Passes for cup 1").FillAsync("4");
        await page.GetByLabel("Passes for cup 1").BlurAsync();
        await Assertions.Expect(page.GetByLabel("Passes for cup 1")).ToHaveValueAsync("4");
        await page.GetByLabel("Notes for cup 1").FillAsync("glide towards the knee");
        await page.GetByLabel("Notes for cup 1").BlurAsync();
        await page.ReloadAsync();
        await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        await Assertions.Expect(page.GetByLabel("Notes for cup 1")).ToHaveValueAsync("glide towards the knee");
        await Assertions.Expect(page.GetByLabel("Technique for cup 1")).ToHaveValueAsync("moving");
        await Assertions.Expect(page.GetByLabel("Pump strokes for cup 1")).ToHaveValueAsync("6");

        // A refused value says so and changes nothing.
        await page.GetByLabel("Pump strokes for cup 1").FillAsync("99");
        await page.GetByLabel("Pump strokes for cup 1").BlurAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Pump strokes:");
        await page.GetByRole(AriaRole.Button, new() { Name = "Face", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Face map" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMeasurementAddedToACompletedSessionNeedsAReasonAndIsKeptAsAnAmendment()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await NewSessionAsync(app, "Flo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Shoulder blade, right", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove cup 1", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Grade 2: red" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record removal of cup 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();

        await page.GetByLabel("Pain after (0–10)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record pain after" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Reason for adding it afterwards: is required");
        await page.GetByLabel("Reason for adding it afterwards (required)").FillAsync("Pain score given at the desk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record pain after" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Recorded: 3")).ToBeVisibleAsync();

        await page.GetByLabel("Reason for adding it afterwards (required)").FillAsync("Measured after the session");
        await page.GetByLabel("Joint").FillAsync("shoulder");
        await page.GetByLabel("Direction").FillAsync("flexion");
        await page.GetByLabel("Degrees").FillAsync("150");
        await page.GetByLabel("When").SelectOptionAsync("after-session");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record range of motion" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Range of motion recorded" })).ToContainTextAsync("shoulder, flexion: 150° (after)");

        var history = page.GetByRole(AriaRole.Table, new() { Name = "Amendment history" });
        await Assertions.Expect(history).ToContainTextAsync("Measurement added: — → pain after the session: 3");
        await Assertions.Expect(history).ToContainTextAsync("Pain score given at the desk");
        await Assertions.Expect(history).ToContainTextAsync("range of motion, shoulder flexion after the session: 150°");

        // The notes of a completed session change only through an amendment.
        await page.GetByLabel("Notes", new() { Exact = true }).FillAsync("Felt lighter afterwards");
        await page.GetByLabel("Reason for the amendment (required)").FillAsync("Client's message the next day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save amendment" }).ClickAsync();
        await Assertions.Expect(history).ToContainTextAsync("Notes: — → Felt lighter afterwards");
    }
}
