using System.Text.RegularExpressions;
using Cupwise.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

public sealed class SettingsPageTests
{
    [Fact]
    public async Task AnOwnerSetsTheTimeZoneTheIntervalAndAPractitionersHours()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/settings");
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Berlin");
        await page.GetByLabel("Days between sessions on one site").FillAsync("2");
        // The browser itself refuses fewer than 3 days before anything is sent (the server checks again).
        Assert.True(await page.GetByLabel("Days between sessions on one site").EvaluateAsync<bool>("e => e.validity.rangeUnderflow"));

        await page.GetByLabel("Days between sessions on one site").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save practice settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: practice settings");
        await Assertions.Expect(page.GetByLabel("Time zone")).ToHaveValueAsync("Europe/Berlin");
        await Assertions.Expect(page.GetByLabel("Days between sessions on one site")).ToHaveValueAsync("5");

        // The demo practitioner stops working Fridays and starts Saturdays, 10:00–14:00.
        await page.GetByLabel("Demo practitioner, Friday, from").FillAsync("");
        await page.GetByLabel("Demo practitioner, Friday, to").FillAsync("");
        await page.GetByLabel("Demo practitioner, Saturday, from").FillAsync("10:00");
        await page.GetByLabel("Demo practitioner, Saturday, to").FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours of Demo practitioner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Saturday: must be after from (10:00).");

        await page.GetByLabel("Demo practitioner, Friday, from").FillAsync("");
        await page.GetByLabel("Demo practitioner, Friday, to").FillAsync("");
        await page.GetByLabel("Demo practitioner, Saturday, from").FillAsync("10:00");
        await page.GetByLabel("Demo practitioner, Saturday, to").FillAsync("14:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save hours of Demo practitioner" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: hours of Demo practitioner");
        await Assertions.Expect(page.GetByLabel("Demo practitioner, Friday, from")).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Demo practitioner, Saturday, to")).ToHaveValueAsync("14:00");
        await BrowserApp.ScreenshotAsync(page, "settings");

        // The client chart now speaks Berlin time and the practice's interval.
        var chart = await app.OpenAsync("/clients/c0ffee00-0000-4000-8000-0000000000c1");
        await Assertions.Expect(chart.GetByText("at least 5 days between sessions on one site", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnOwnerLetsPractitionersSeeOnlyTheirOwnClients()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var practitioner = app.Services.GetRequiredService<DemoLogins>().For(UserRole.Practitioner);
        var owner = await app.OpenAsync("/clients/new");
        await owner.GetByLabel("Family name").FillAsync("Newcomer");
        await owner.GetByLabel("Given name").FillAsync("Only");
        await owner.GetByLabel("Date of birth").FillAsync("1985-04-02");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await owner.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]{36}$"));

        var (_, theirs) = await app.SignInAsync(practitioner.Email, practitioner.Password);
        await theirs.GotoAsync(app.BaseUrl + "/clients");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Link, new() { Name = "Newcomer, Only" })).ToBeVisibleAsync();

        await owner.GotoAsync(app.BaseUrl + "/settings");
        await owner.GetByLabel("Practitioners see only their own clients (those they added, charted or booked)").CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save access setting" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: access setting (practitioners see only their own clients)");
        await Assertions.Expect(owner.GetByLabel("Practitioners see only their own clients (those they added, charted or booked)")).ToBeCheckedAsync();

        // The practitioner is signed out so that it applies at once; signed in again, they see the clients they treated and not the newcomer.
        await theirs.ReloadAsync();
        await theirs.WaitForURLAsync("**/login**");
        await theirs.GetByLabel("E-mail").FillAsync(practitioner.Email);
        await theirs.GetByLabel("Password").FillAsync(practitioner.Password);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await theirs.WaitForURLAsync("**/clients");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Link, new() { Name = "Demo (stiff neck), Client A" })).ToBeVisibleAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Link, new() { Name = "Newcomer, Only" })).ToHaveCountAsync(0);

        // And back to Today from the settings.
        await owner.GetByRole(AriaRole.Link, new() { Name = "← Today" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
    }

    [Fact]
    public async Task AnOwnerOffersAServiceRetiresOneAndTheFrontDeskBooksIt()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/settings");
        var services = page.GetByRole(AriaRole.Table, new() { Name = "Services" });
        await Assertions.Expect(services).ToContainTextAsync("Facial cupping");

        // A price with three decimals is refused by name; nothing is added.
        await page.GetByLabel("Service name").FillAsync("Cupping and massage");
        await page.GetByLabel("Length (minutes)").FillAsync("75");
        await page.GetByLabel("Price (optional)").FillAsync("80.005");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Price: takes at most two decimals");
        await Assertions.Expect(services).Not.ToContainTextAsync("Cupping and massage");
        await page.GetByLabel("Service name").FillAsync("Cupping and massage");
        await page.GetByLabel("Length (minutes)").FillAsync("75");
        await page.GetByLabel("Price (optional)").FillAsync("80.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: service Cupping and massage");
        await Assertions.Expect(services.GetByRole(AriaRole.Row).Filter(new() { HasText = "Cupping and massage" })).ToContainTextAsync(new Regex(@"75\s*80\.00"));

        // The same name again is refused; retiring takes a service off the list.
        await page.GetByLabel("Service name").FillAsync("cupping and massage");
        await page.GetByLabel("Length (minutes)").FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Service name: is already a service of this practice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop offering Facial cupping" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("no longer offering Facial cupping");
        await Assertions.Expect(services).Not.ToContainTextAsync("Facial cupping");

        // Booking the new service takes its 75 minutes when none are typed.
        await page.GotoAsync(app.BaseUrl + $"/calendar/book?client={Cupwise.DemoPractice.NeckClientId}&day=2027-01-05&time=10:00");
        await Assertions.Expect(page.GetByLabel("Service")).Not.ToContainTextAsync("Facial cupping");
        await page.GetByLabel("Service").SelectOptionAsync(new SelectOptionValue { Label = "Cupping and massage, 75 min, 80.00" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tue 5 Jan 10:00–11:15");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Cupping and massage");
    }

    [Fact]
    public async Task TheSettingsNoticeShowsOnlyWhatWasSavedNeverWordsFromTheAddress()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/settings?saved=your account is locked, call 555 0100 to verify it");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Practice settings" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        Assert.DoesNotContain("call 555", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync(app.BaseUrl + "/settings?saved=hours&id=not-a-practitioner");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
    }
}
