using Cupwise.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>
/// What clients are mailed, set by the owner on the Mail page, and what a client then receives when the front desk
/// books them: the confirmation and the reminder in the practice's words, read back from a real SMTP server.
/// </summary>
public sealed class ClientMailPageTests
{
    [Fact]
    public async Task TheOwnerWritesTheReminderAndAClientBookedByTheFrontDeskReceivesItWithTheConfirmation()
    {
        await using var smtp = await SmtpServer.StartAsync();
        // Wednesday 2 Dec 2026, 08:00 UTC (the demo practice keeps UTC).
        await using var app = await BrowserApp.StartAsync(demo: true, new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero)));
        var page = await app.OpenAsync("/settings/mail");
        await LoginsPageTests.SetUpMailAsync(page, smtp);

        // A text naming something Cupwise cannot fill in is refused, by the field's label, and nothing changes.
        await page.GetByLabel("Reminder, hours before the visit").FillAsync("48");
        await page.GetByLabel("Reminder text").FillAsync("Hello {client}, your {condition} visit is on {when}.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mails to clients" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Reminder text: uses {condition}, which Cupwise cannot fill in");
        await page.GetByLabel("Reminder text").FillAsync("Hello {client}, we look forward to seeing you at {practice} on {when}. Bring comfortable clothes.");
        await page.GetByLabel("Tell clients when a visit is booked, moved or cancelled").CheckAsync();
        await page.GetByLabel("Send aftercare when a session is completed").UncheckAsync();
        await page.GetByLabel("Aftercare text").FillAsync("Hello {client}, marks fade in a few days.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mails to clients" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mails to clients saved.");
        await Assertions.Expect(page.GetByLabel("Reminder, hours before the visit")).ToHaveValueAsync("48");
        await Assertions.Expect(page.GetByLabel("Send aftercare when a session is completed")).Not.ToBeCheckedAsync();
        await BrowserApp.ScreenshotAsync(page, "client-mail-1366");

        // The front desk, on a phone, adds the client's e-mail and books them at 10:00.
        var desk = await app.AddUserAsync(app.PracticeId, "desk@demo.cupwise.invalid", Cupwise.Data.Accounts.UserRole.FrontDesk);
        var (_, front) = await app.SignInAsync(desk, BrowserApp.Password);
        await front.SetViewportSizeAsync(390, 844);
        await front.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.BackClientId}/edit");
        await front.GetByLabel("E-mail").FillAsync("client-c@demo-practice.test");
        await front.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await Assertions.Expect(front.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await front.GetByRole(AriaRole.Link, new() { Name = "Book a visit" }).ClickAsync();
        await front.GetByLabel("Time (UTC)").FillAsync("10:00");
        await front.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await front.Locator("[role=status], [role=alert]").First.WaitForAsync();
        if (await front.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).CountAsync() > 0)
        {
            await front.GetByRole(AriaRole.Button, new() { Name = "Book anyway" }).ClickAsync();
        }
        await Assertions.Expect(front.GetByRole(AriaRole.Status)).ToHaveTextAsync("Booked.");

        // The client's inbox: the confirmation, and the reminder in the practice's words, both in practice time.
        var confirmation = await smtp.WaitForMailAsync("client-c@demo-practice.test", m => m.Subject == "Your visit to Cupwise demo practice is booked");
        Assert.Contains("is booked for Wednesday 2 December 2026 at 10:00 (UTC).", confirmation.TextBody, StringComparison.Ordinal);
        var reminder = await smtp.WaitForMailAsync("client-c@demo-practice.test", m => m.Subject == "Reminder: your visit to Cupwise demo practice");
        Assert.Equal("Hello Client C, we look forward to seeing you at Cupwise demo practice on Wednesday 2 December 2026 at 10:00 (UTC). Bring comfortable clothes.",
            reminder.TextBody?.Trim());
        Assert.DoesNotContain("low back", reminder.TextBody + confirmation.TextBody, StringComparison.OrdinalIgnoreCase);

        // The owner sees both as sent.
        await page.GotoAsync(app.BaseUrl + "/settings/mail");
        var latest = page.GetByRole(AriaRole.Table, new() { Name = "Latest mail" });
        await Assertions.Expect(latest).ToContainTextAsync("Visit reminder");
        await Assertions.Expect(latest).ToContainTextAsync("Booking confirmation");
    }
}
