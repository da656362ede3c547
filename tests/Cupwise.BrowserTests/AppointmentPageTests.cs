using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

public sealed partial class AppointmentPageTests
{
    private const string BackClient = "/clients/c0ffee00-0000-4000-8000-0000000000c1";

    [Fact]
    public async Task AVisitIsBookedMovedAndCancelledFromTheClientsChart()
    {
        // Wednesday 2 Dec 2026, 08:00 UTC: the demo's low-back client was cupped yesterday.
        await using var app = await BrowserApp.StartAsync(demo: true, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)));
        var page = await app.OpenAsync(BackClient);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find times" }).ClickAsync();
        var first = page.GetByRole(AriaRole.Button, new() { NameRegex = BookButton() }).First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await first.ClickAsync();
        var upcoming = page.GetByRole(AriaRole.Table, new() { Name = "Upcoming appointments" });
        await Assertions.Expect(upcoming.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);

        // Move it to Monday 7 Dec at 10:30.
        await upcoming.GetByLabel(NewTime()).FillAsync("2026-12-07T10:30");
        await upcoming.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Assertions.Expect(upcoming).ToContainTextAsync("Mon 7 Dec 10:30–11:15");

        // A clash is refused with the reason: book a second visit, then try to move it onto the first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Find times" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = BookButton() }).First.ClickAsync();
        await Assertions.Expect(upcoming.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        var other = upcoming.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByLabel(NewTime()), HasNotText = "10:30" });
        await other.GetByLabel(NewTime()).FillAsync("2026-12-07T10:45");
        await other.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("already booked from 10:30 to 11:15");

        // Cancel the Monday visit with a reason: it leaves the list.
        var monday = upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mon 7 Dec 10:30" });
        await monday.GetByPlaceholder("Reason").FillAsync("Client away that week");
        await monday.GetByRole(AriaRole.Button, new() { Name = "Cancel visit" }).ClickAsync();
        await Assertions.Expect(upcoming.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Assertions.Expect(upcoming).Not.ToContainTextAsync("Mon 7 Dec 10:30");

        // A Saturday is outside the practitioner's hours: the page says so, names the first good time, and moves it
        // only when asked again.
        await upcoming.GetByLabel(NewTime()).FillAsync("2026-12-12T10:00");
        await upcoming.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sat 12 Dec 10:00–10:45 is outside");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The first good time is");
        await Assertions.Expect(upcoming).Not.ToContainTextAsync("Sat 12 Dec");
        await upcoming.GetByRole(AriaRole.Button, new() { Name = "Move anyway" }).ClickAsync();
        await Assertions.Expect(upcoming).ToContainTextAsync("Sat 12 Dec 10:00–10:45");
    }

    [GeneratedRegex("^Book ")]
    private static partial Regex BookButton();

    [GeneratedRegex("^New time for the visit on")]
    private static partial Regex NewTime();
}
