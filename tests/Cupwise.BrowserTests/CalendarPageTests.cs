using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>The front desk's day: the calendar, booking from a free time, moving, checking in, a no-show, a cancellation.</summary>
public sealed class CalendarPageTests
{
    // Wednesday 2 Dec 2026, 08:00 UTC (the demo practice keeps UTC): the demo's low-back client was cupped yesterday.
    private static FakeTimeProvider Wednesday() => new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    private static async Task<(BrowserApp App, IPage Page)> DeskAsync(TimeProvider clock)
    {
        var app = await BrowserApp.StartAsync(demo: true, clock);
        var desk = await app.AddUserAsync(app.PracticeId, "desk@demo.cupwise.invalid", Cupwise.Data.Accounts.UserRole.FrontDesk);
        var (_, page) = await app.SignInAsync(desk, BrowserApp.Password);
        return (app, page);
    }

    private static async Task BookAsync(IPage page, string slot, string client)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = slot, Exact = true }).ClickAsync();
        await page.GetByLabel("Client").FillAsync(client);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Matching clients" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
    }

    /// <summary>Books although a site has not cleared or the time is outside working hours, when the page asks.</summary>
    private static async Task ConfirmIfAskedAsync(IPage page)
    {
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Booked.");
    }

    [Fact]
    public async Task TheFrontDeskBooksAFreeTimeMovesItAndSeesItInTheWeek()
    {
        var (app, page) = await DeskAsync(Wednesday());
        await using var _ = app;
        // The front desk starts on the calendar, today, with the practitioner's column.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Today, Wednesday 2 December 2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Visits on Wednesday 2 December 2026" }).Locator(".cal-head")).ToHaveTextAsync("Demo practitioner");
        await BrowserApp.ScreenshotAsync(page, "calendar-day");

        // Choosing 10:00 opens the booking form at that time; the sites cupped yesterday have not cleared, so it asks first.
        await BookAsync(page, "Book Demo practitioner at 10:00", "low-back");
        await Assertions.Expect(page.GetByLabel("Time (UTC)")).ToHaveValueAsync("10:00");
        // The front desk learns when, never which sites were cupped.
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The marks from the client's last cupping will not all have faded by then");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).Not.ToContainTextAsync("Lower back");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The first good time is");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Booked.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Wed 2 Dec 10:00–10:45");

        // Back on the calendar the visit sits in the 10:00 rows, under the client's name.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Calendar" }).ClickAsync();
        var visit = page.Locator("a.cal-visit");
        await Assertions.Expect(visit).ToContainTextAsync("10:00–10:45");
        await Assertions.Expect(visit).ToContainTextAsync("low-back");

        // Move it to Thursday 11:00, 60 minutes, in room 2.
        await visit.ClickAsync();
        await page.GetByLabel("New date").FillAsync("2026-12-03");
        await page.GetByLabel("New time (UTC)").FillAsync("11:00");
        await page.GetByLabel("Minutes").FillAsync("60");
        await page.GetByLabel("Room (optional)").FillAsync("Room 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Move anyway" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Move anyway" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Moved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thu 3 Dec 11:00–12:00");
        await BrowserApp.ScreenshotAsync(page, "calendar-visit");

        // The week shows it on Thursday; the next week is empty; going to a date opens that day.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Calendar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thursday 3 December 2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Week", Exact = true }).ClickAsync();
        var week = page.GetByRole(AriaRole.Table, new() { Name = "Visits this week" });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Week of Monday 30 November 2026");
        await Assertions.Expect(week.GetByRole(AriaRole.Cell).Filter(new() { HasText = "11:00" })).ToContainTextAsync("low-back");
        await BrowserApp.ScreenshotAsync(page, "calendar-week");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next week →" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Week of Monday 7 December 2026");
        await Assertions.Expect(week).Not.ToContainTextAsync("low-back");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Previous week" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Week of Monday 30 November 2026");
        await week.GetByRole(AriaRole.Link, new() { Name = "Thu 3 Dec" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thursday 3 December 2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Week", Exact = true }).ClickAsync();
        // Each page has the same links: wait for the new one before using them, or the click lands on the old one.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Week of Monday 30 November 2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Day", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thursday 3 December 2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Today, Wednesday 2 December 2026");
        await page.GetByLabel("Go to date").FillAsync("2026-12-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thursday 3 December 2026");
        await Assertions.Expect(page.Locator("a.cal-visit")).ToContainTextAsync("11:00–12:00");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Previous day" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Today, Wednesday 2 December 2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Next day →" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thursday 3 December 2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Today", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Today, Wednesday 2 December 2026");

        // On a phone the page keeps to the screen; the day's grid scrolls inside its own box.
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/calendar", "/calendar?view=week", "/calendar/book", "/calendar/book?client=" + Cupwise.DemoPractice.BackClientId })
        {
            await page.GotoAsync(app.BaseUrl + path);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, $"{path} is wider than a 390 px phone.");
        }
        await BrowserApp.ScreenshotAsync(page, "calendar-book-390");
        await page.GotoAsync(app.BaseUrl + "/calendar?day=2026-12-03");
        await page.Locator("a.cal-visit").ClickAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "The visit page is wider than a 390 px phone.");
        await BrowserApp.ScreenshotAsync(page, "calendar-visit-390");
    }

    [Fact]
    public async Task TheFrontDeskChecksAClientInMarksANoShowAndCancelsWithAReason()
    {
        var (app, page) = await DeskAsync(Wednesday());
        await using var _ = app;

        // 09:00 today, an hour from now: the client can be checked in.
        await BookAsync(page, "Book Demo practitioner at 09:00", "neck");
        await ConfirmIfAskedAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Did not come" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Client has arrived" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Checked in: the client has arrived.");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Arrived");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel visit" })).ToHaveCountAsync(0);

        // A visit that has started and nobody came (08:00, before the practitioner's hours): marked, its time free again.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Calendar" }).ClickAsync();
        await BookAsync(page, "Book Demo practitioner at 08:00 (outside working hours)", "facial");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("outside Demo practitioner's working hours");
        await ConfirmIfAskedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Did not come" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the client did not come");
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Did not come");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Calendar" }).ClickAsync();
        await Assertions.Expect(page.Locator("a.cal-visit.no-show")).ToContainTextAsync("(Did not come)");
        await Assertions.Expect(page.Locator("a.cal-visit.arrived")).ToContainTextAsync("(Arrived)");

        // A visit later today is cancelled with a reason: it leaves the calendar, the reason stays on the visit.
        await BookAsync(page, "Book Demo practitioner at 15:00", "neck");
        await ConfirmIfAskedAsync(page);
        await page.GetByLabel("Reason for cancelling").FillAsync("The client called: unwell");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel visit" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-status]")).ToHaveTextAsync("Cancelled: The client called: unwell");
        await page.GetByRole(AriaRole.Link, new() { Name = "← Calendar" }).ClickAsync();
        await Assertions.Expect(page.Locator("a.cal-visit")).ToHaveCountAsync(2);

        // A clash is refused by name; the time outside working hours asks first.
        // (The 09:00 rows hold the arrived visit: no free time is offered there, so the time is typed.)
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Book Demo practitioner at 09:00", Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Book Demo practitioner at 10:00", Exact = true }).ClickAsync();
        await page.GetByLabel("Client").FillAsync("facial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await page.GetByRole(AriaRole.List, new() { Name = "Matching clients" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByLabel("Time (UTC)").FillAsync("09:15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The practitioner is already booked from 09:00 to 09:45");
        await page.GetByLabel("Time (UTC)").FillAsync("18:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("outside Demo practitioner's working hours");
        await page.GetByLabel("Minutes").FillAsync("500");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        // The browser holds the form back and says why; nothing is booked.
        Assert.False(await page.GetByLabel("Minutes").EvaluateAsync<bool>("e => e.checkValidity()"));
        Assert.NotEmpty(await page.GetByLabel("Minutes").EvaluateAsync<string>("e => e.validationMessage"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Cupwise.Data.CupwiseDbContext>();
        var statuses = await db.Appointments.IgnoreQueryFilters().Select(a => a.Status).ToListAsync();
        Assert.Equal(3, statuses.Count);
    }

    [Fact]
    public async Task TheFrontDeskAddsAClientWithContactDetailsChangesThemAndBooksFromThere()
    {
        var (app, page) = await DeskAsync(Wednesday());
        await using var _ = app;
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Clients", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Health history" })).ToHaveCountAsync(0);
        await page.GetByLabel("Family name").FillAsync("Deskett");
        await page.GetByLabel("Given name").FillAsync("Noor");
        await page.GetByLabel("Date of birth").FillAsync("1988-03-14");
        await page.GetByLabel("Phone").FillAsync("+44 20 7946 0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByText("No visit booked.")).ToBeVisibleAsync();

        // The demo's low-back client: the front desk changes the phone; the health history stays as it was.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Clients" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("low-back") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Health history" })).ToHaveCountAsync(0);
        await page.GetByLabel("Phone").FillAsync("+44 20 7946 0999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByLabel("Phone")).ToHaveValueAsync("+44 20 7946 0999");
        await BrowserApp.ScreenshotAsync(page, "client-contact-front-desk");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cupwise.Data.CupwiseDbContext>();
            var client = await db.Clients.IgnoreQueryFilters().SingleAsync(c => c.Id == Cupwise.DemoPractice.BackClientId);
            Assert.Equal("+44 20 7946 0999", client.Phone);
            Assert.NotEmpty(client.HealthHistory.Conditions);
        }

        // A bad e-mail is refused beside its field, and nothing is saved.
        await page.GetByLabel("E-mail").FillAsync("not an e-mail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("nothing was saved");

        // Booking from the client's page starts with the client chosen.
        await page.GetByRole(AriaRole.Link, new() { Name = "Book a visit" }).ClickAsync();
        await Assertions.Expect(page.GetByText("choose another client")).ToBeVisibleAsync();
        await page.GetByLabel("With").SelectOptionAsync(new SelectOptionValue { Label = "Demo practitioner" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-12-03");
        await page.GetByLabel("Time (UTC)").FillAsync("16:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
        await ConfirmIfAskedAsync(page);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("contact details$") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Booked visits" })).ToContainTextAsync("Thu 3 Dec 16:00");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Calendar", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next day →" }).ClickAsync();
        await Assertions.Expect(page.Locator("a.cal-visit")).ToContainTextAsync("16:00–16:45");
    }

    [Fact]
    public async Task AMistypedAddressShowsAPageNotAnErrorInEveryRole()
    {
        var (app, desk) = await DeskAsync(Wednesday());
        await using var _ = app;
        var owner = await app.OpenAsync("/");
        foreach (var page in new[] { desk, owner })
        {
            foreach (var path in new[] { "/nonexistent-page", "/clients/not-a-guid" })
            {
                var response = await page.GotoAsync(app.BaseUrl + path);
                Assert.Equal(404, response!.Status);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
            }
            var book = await page.GotoAsync(app.BaseUrl + "/calendar/book?client=garbage&practitioner=nobody");
            Assert.Equal(200, book!.Status);
            await Assertions.Expect(page.GetByLabel("Client")).ToBeVisibleAsync();
            await page.GotoAsync(app.BaseUrl + "/calendar?day=garbage");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Today, Wednesday 2 December 2026");
        }
        // The Not found page leads back to where each login starts: Today for the owner, the calendar for the desk.
        await owner.GotoAsync(app.BaseUrl + "/not-found");
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
        await BrowserApp.ScreenshotAsync(owner, "not-found");
        await owner.GetByRole(AriaRole.Link, new() { Name = "Back to the start" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
        await desk.SetViewportSizeAsync(390, 844);
        await desk.GotoAsync(app.BaseUrl + "/nonexistent-page");
        Assert.True(await desk.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "The Not found page is wider than a 390 px phone.");
        await BrowserApp.ScreenshotAsync(desk, "not-found-390");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Back to the start" }).ClickAsync();
        await desk.WaitForURLAsync("**/calendar");
        // Another answer without a page of its own says so in words.
        await owner.GotoAsync(app.BaseUrl + "/status/400");
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not possible");

        // The start of the app is the front desk's calendar, not a page the login may not open.
        await desk.GotoAsync(app.BaseUrl + "/");
        await desk.WaitForURLAsync("**/calendar");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Cupwise", Exact = true }).ClickAsync();
        await desk.WaitForURLAsync("**/calendar");
    }
}
