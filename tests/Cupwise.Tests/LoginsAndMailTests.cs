using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Cupwise.Accounts;
using Cupwise.Data.Accounts;
using Cupwise.Mail;
using Cupwise.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

/// <summary>
/// Logins managed by the owner and the practice's mail, through the API and against a real SMTP server on loopback:
/// invitations that set a password once, mail that waits, retries and survives a restart, and disabling.
/// </summary>
public sealed class LoginsAndMailTests
{
    private const string Chosen = "harbour-lantern-copper-tide";

    private static MailSettingsRequest Settings(int port) => new("127.0.0.1", port, "none", null, null, "desk@my-practice.test", "My practice desk");

    private static string Secret(MimeKit.MimeMessage mail) => Regex.Match(mail.TextBody ?? "", "/invite/([0-9a-f]{64})").Groups[1].Value;

    [Fact]
    public async Task AnInvitationMailedThroughTheSmtpServerSetsThePasswordOnce()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await CupwiseApp.StartAsync();
        var saved = await (await app.PutAsync("/api/v1/mail/settings", Settings(smtp.Port))).ReadAsync<MailSettingsResponse>(HttpStatusCode.OK);
        Assert.Equal("none", saved.Security);
        Assert.False(saved.HasPassword);

        var practitioner = await app.NewPractitionerAsync();
        var invited = await (await app.PostAsync("/api/v1/logins/invitations", new InviteRequest("Ana@Example.org", "practitioner", practitioner.Id.ToString())))
            .ReadAsync<InvitationResponse>(HttpStatusCode.Created);
        Assert.Equal("invited", invited.Login.Status);
        Assert.Equal(practitioner.DisplayName, invited.Login.LinkedTo);
        Assert.Null(invited.Login.LastSignInAt);

        var mail = await smtp.WaitForMailAsync("ana@example.org");
        Assert.Equal("Your Cupwise login at My practice", mail.Subject);
        Assert.Equal("desk@my-practice.test", mail.From.Mailboxes.Single().Address);
        var secret = Secret(mail);
        Assert.EndsWith(secret, invited.Link, StringComparison.Ordinal);
        // Only the hash of the link's secret is kept.
        Assert.False(await app.QueryAsync(db => db.LoginInvitations.AnyAsync(i => i.TokenHash == secret)));

        // Before the password is chosen the login cannot sign in, with the same answer as any wrong password.
        using var browser = app.NewBrowser();
        var early = await browser.SignInAsync("ana@example.org", "");
        Assert.Contains("The e-mail or the password is wrong.", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Two different passwords, then a short one, are refused naming the field; the link still works.
        var mismatch = await browser.PostFormAsync($"/invite/{secret}", "accept", new() { ["Password"] = Chosen, ["Confirm"] = Chosen + "!" });
        Assert.Contains("is not the same as the new password", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var weak = await browser.PostFormAsync($"/invite/{secret}", "accept", new() { ["Password"] = "short", ["Confirm"] = "short" });
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var accepted = await browser.PostFormAsync($"/invite/{secret}", "accept", new() { ["Password"] = Chosen, ["Confirm"] = Chosen });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location?.AbsolutePath);
        Assert.NotNull(browser.AuthCookie);

        // Used once, the link is gone; the login is active, signed in once.
        using var other = app.NewBrowser();
        Assert.Contains("This link no longer works", await other.Http.GetStringAsync($"/invite/{secret}"), StringComparison.Ordinal);
        var logins = await app.GetAsync<List<LoginResponse>>("/api/v1/logins");
        var ana = logins.Single(l => l.Email == "Ana@Example.org");
        Assert.Equal("active", ana.Status);
        Assert.NotNull(ana.LastSignInAt);
        Assert.Equal(1, ana.SignedInBrowsers);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync("ana@example.org", Chosen)).StatusCode);

        await app.FlushAuditAsync();
        var actions = await app.QueryAsync(db => db.AuditEntries.Where(e => e.PracticeId == app.PracticeId).Select(e => e.Action).ToListAsync());
        Assert.Contains("login-invite", actions);
        Assert.Contains("login-accept", actions);
        Assert.Contains("mail-settings", actions);
    }

    [Fact]
    public async Task MailWaitsForAServerRetriesWhenItIsDownAndSurvivesARestart()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        var database = await TestDatabase.CreateAsync();
        await using (var first = await CupwiseApp.StartAsync(database: database, clock: clock))
        {
            // No mail server yet: a test mail is refused, an invitation waits for one.
            var refused = await first.PostAsync("/api/v1/mail/test", new LoginsApi.TestMailRequest("me@example.org"));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            await (await first.PostAsync("/api/v1/logins/invitations", new InviteRequest("desk@example.org", "front-desk"))).ReadAsync<InvitationResponse>(HttpStatusCode.Created);
            await first.Services.GetRequiredService<MailSender>().SendDueAsync(CancellationToken.None);
            var waiting = Assert.Single(await first.GetAsync<List<OutgoingMailResponse>>("/api/v1/mail"));
            Assert.Equal("waiting", waiting.Status);
            Assert.Equal(MailSender.NoServer, waiting.LastError);
            Assert.Equal(0, waiting.Attempts);
        }

        // After a restart the invitation is still there; the server set up now is down, so it is tried and fails.
        var port = SmtpServer.FreePort();
        await using var second = await CupwiseApp.StartAsync(database: database, clock: clock);
        await (await second.PutAsync("/api/v1/mail/settings", Settings(port))).ReadAsync<MailSettingsResponse>(HttpStatusCode.OK);
        var sender = second.Services.GetRequiredService<MailSender>();
        // The background sender, woken by the save, may get there first: either way the mail is tried exactly once.
        var failed = await UntilAsync(second, sender, m => m.Attempts == 1);
        Assert.Equal("waiting", failed.Status);
        Assert.StartsWith("Could not reach the mail server 127.0.0.1:", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), failed.NextAttemptAt);

        // Not due again before its minute; once the server is up and the minute has passed, it goes, once.
        await using var smtp = await SmtpServer.StartAsync(port);
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        var sent = await UntilAsync(second, sender, m => m.Status == "sent");
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        var mail = await smtp.WaitForMailAsync("desk@example.org");
        Assert.Contains("(front desk)", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        Assert.Single(smtp.Received());
    }

    /// <summary>Runs the sender's rounds until the practice's one mail reads as <paramref name="done"/> (10 s at most).</summary>
    private static async Task<OutgoingMailResponse> UntilAsync(CupwiseApp app, MailSender sender, Func<OutgoingMailResponse, bool> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await sender.SendDueAsync(CancellationToken.None);
            var mail = Assert.Single(await app.GetAsync<List<OutgoingMailResponse>>("/api/v1/mail"));
            if (done(mail))
            {
                return mail;
            }
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"The mail stayed {mail.Status} after {mail.Attempts} attempt(s): {mail.LastError}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task BadMailSettingsAreRefusedNamingEachFieldAndWriteNothing()
    {
        await using var app = await CupwiseApp.StartAsync();
        var bad = await app.PutAsync("/api/v1/mail/settings", new MailSettingsRequest("smtp example org", 0, "ssl", null, null, "nobody", "Two\nlines"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"security\"", body, StringComparison.Ordinal);
        var fields = await app.PutAsync("/api/v1/mail/settings", new MailSettingsRequest("smtp example org", 0, "tls", null, null, "nobody", "Two\nlines"));
        var text = await fields.Content.ReadAsStringAsync();
        foreach (var field in new[] { "\"host\"", "\"port\"", "\"fromAddress\"", "\"fromName\"" })
        {
            Assert.Contains(field, text, StringComparison.Ordinal);
        }
        var now = await app.GetAsync<MailSettingsResponse>("/api/v1/mail/settings");
        Assert.Null(now.Host);
        Assert.Null(now.FromAddress);

        // A password is kept encrypted and never shown again.
        await (await app.PutAsync("/api/v1/mail/settings", new MailSettingsRequest("smtp.example.org", 587, "starttls", "desk", "s3cret-smtp-password", "desk@example.org", null)))
            .ReadAsync<MailSettingsResponse>(HttpStatusCode.OK);
        var stored = await app.QueryAsync(db => db.Practices.Where(p => p.Id == app.PracticeId).Select(p => p.MailPasswordProtected).SingleAsync());
        Assert.NotNull(stored);
        Assert.DoesNotContain("s3cret", stored, StringComparison.Ordinal);
        var shown = await app.Client.GetStringAsync("/api/v1/mail/settings");
        Assert.DoesNotContain("s3cret", shown, StringComparison.Ordinal);
        Assert.Contains("\"hasPassword\":true", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledLoginCannotSignInOrUseItsTokensAndTheLastOwnerStays()
    {
        await using var app = await CupwiseApp.StartAsync();
        var email = await app.AddUserAsync(app.PracticeId, "p@my-practice.test", UserRole.Practitioner);
        var token = app.NewClient(await app.TokenForAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/clients")).StatusCode);
        using var browser = app.NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, CupwiseApp.Password)).StatusCode);
        var id = (await app.GetAsync<List<LoginResponse>>("/api/v1/logins")).Single(l => l.Email == email).Id;

        var disabled = await (await app.Client.PostAsync($"/api/v1/logins/{id}/disable", null)).ReadAsync<LoginResponse>(HttpStatusCode.OK);
        Assert.Equal("disabled", disabled.Status);
        Assert.Equal(0, disabled.SignedInBrowsers);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/clients")).StatusCode);
        using var again = app.NewBrowser();
        Assert.Contains("The e-mail or the password is wrong.", await (await again.SignInAsync(email, CupwiseApp.Password)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // No new link for a disabled login.
        Assert.Equal(HttpStatusCode.Conflict, (await app.Client.PostAsync($"/api/v1/logins/{id}/password-link", null)).StatusCode);

        var enabled = await (await app.Client.PostAsync($"/api/v1/logins/{id}/enable", null)).ReadAsync<LoginResponse>(HttpStatusCode.OK);
        Assert.Equal("active", enabled.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(email, CupwiseApp.Password)).StatusCode);

        // The owner cannot disable their own login, nor another owner the last active one.
        var ownerId = (await app.GetAsync<List<LoginResponse>>("/api/v1/logins")).Single(l => l.Role == "owner").Id;
        var self = await app.Client.PostAsync($"/api/v1/logins/{ownerId}/disable", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("cannot disable your own login", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another practice's owner finds none of these logins.
        var elsewhere = await app.AddPracticeAsync("Elsewhere");
        var theirOwner = app.NewClient(await app.TokenForAsync(await app.AddUserAsync(elsewhere, "owner@elsewhere.test", UserRole.Owner)));
        Assert.Equal(HttpStatusCode.NotFound, (await theirOwner.PostAsync($"/api/v1/logins/{id}/disable", null)).StatusCode);
        Assert.DoesNotContain(await (await theirOwner.GetAsync("/api/v1/logins")).Content.ReadFromJsonAsync<List<LoginResponse>>(CupwiseApp.Json) ?? [], l => l.Email == email);
    }

    [Fact]
    public async Task AClientIsMailedWhenAVisitIsBookedMovedRemindedCancelledAndAfterASessionWithNothingClinical()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        await (await app.PutAsync("/api/v1/mail/settings", Settings(smtp.Port))).ReadAsync<MailSettingsResponse>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await app.PutAsync("/api/v1/practice/settings", new { timeZone = "Europe/Berlin" })).StatusCode);
        var client = await app.NewClientAsync("Lindqvist", "Maja");
        var practitioner = await app.NewPractitionerAsync();
        var sender = app.Services.GetRequiredService<MailSender>();
        async Task<MimeKit.MimeMessage> Next(string subject)
        {
            for (var i = 0; i < 100; i++)
            {
                await sender.SendDueAsync(CancellationToken.None);
                if (smtp.Received().FirstOrDefault(m => m.Subject == subject) is { } found)
                {
                    return found;
                }
                await Task.Delay(100);
            }
            throw new Xunit.Sdk.XunitException($"No mail '{subject}': the server holds {string.Join(" | ", smtp.Received().Select(m => m.Subject))}");
        }

        // Booked for tomorrow 09:00 UTC, 10:00 in Berlin: the confirmation, and (within 24 hours) the reminder.
        var booked = await (await app.PostAsync("/api/v1/appointments",
                new Scheduling.AppointmentRequest(client.Id, practitioner.Id, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), 45, null, ["lower-back:left"]) { Confirm = true }))
            .ReadAsync<Scheduling.AppointmentResponse>(HttpStatusCode.Created);
        var confirmation = await Next("Your visit to My practice is booked");
        Assert.Equal("client@example.org", confirmation.To.Mailboxes.Single().Address);
        Assert.Contains("Hello Maja,", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("with Test practitioner is booked for Thursday 3 December 2026 at 10:00 (Europe/Berlin).", confirmation.TextBody, StringComparison.Ordinal);
        var reminder = await Next("Reminder: your visit to My practice");
        Assert.Contains("on Thursday 3 December 2026 at 10:00 (Europe/Berlin)", reminder.TextBody, StringComparison.Ordinal);

        // Moved: a mail saying so, and a reminder for the new time; the next rounds queue no more.
        var moved = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/move",
                new Scheduling.MoveAppointmentRequest(booked.Version, new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero), null, null) { Confirm = true }))
            .ReadAsync<Scheduling.AppointmentResponse>(HttpStatusCode.OK);
        Assert.Contains("has moved to Thursday 3 December 2026 at 10:30", (await Next("Your visit to My practice has moved")).TextBody, StringComparison.Ordinal);
        for (var i = 0; i < 30 && smtp.Received().Count(m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal)) < 2; i++)
        {
            await sender.SendDueAsync(CancellationToken.None);
            await Task.Delay(100);
        }
        await sender.SendDueAsync(CancellationToken.None);
        Assert.Equal(2, smtp.Received().Count(m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal)));

        // Cancelled: a mail saying so.
        await (await app.PostAsync($"/api/v1/appointments/{moved.Id}/cancel", new Scheduling.CancelAppointmentRequest("The client is unwell")))
            .ReadAsync<Scheduling.AppointmentResponse>(HttpStatusCode.OK);
        Assert.Contains("on Thursday 3 December 2026 at 10:30 (Europe/Berlin) is cancelled", (await Next("Your visit to My practice is cancelled")).TextBody, StringComparison.Ordinal);

        // A completed session: the aftercare mail, in the practice's own words.
        await (await app.PutAsync("/api/v1/mail/client-mail", new ClientMailRequest(24, true, true, null, "Dear {client}, thank you for coming to {practice}. Marks fade in a few days.")))
            .ReadAsync<ClientMailResponse>(HttpStatusCode.OK);
        await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        Assert.Equal("Dear Maja, thank you for coming to My practice. Marks fade in a few days.", (await Next("After your visit to My practice")).TextBody?.Trim());

        // No mail names the client's conditions, medicines, sites or the reason for cancelling.
        foreach (var mail in smtp.Received())
        {
            foreach (var clinical in new[] { "Neck pain", "Apixaban", "lower-back", "Lower back", "unwell", "Lindqvist" })
            {
                Assert.DoesNotContain(clinical, mail.TextBody, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task APracticeTurnsClientMailOffAndItsTextsMayOnlyNameWhatCupwiseFillsIn()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await CupwiseApp.StartAsync();
        await (await app.PutAsync("/api/v1/mail/settings", Settings(smtp.Port))).ReadAsync<MailSettingsResponse>(HttpStatusCode.OK);
        var standard = await app.GetAsync<ClientMailResponse>("/api/v1/mail/client-mail");
        Assert.Equal(24, standard.ReminderHoursBefore);
        Assert.Equal(VisitMail.DefaultReminder, standard.ReminderTemplate);

        var refused = await app.PutAsync("/api/v1/mail/client-mail", new ClientMailRequest(200, true, true, "Your {diagnosis} visit on {when}", null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("uses {diagnosis}, which Cupwise cannot fill in", body, StringComparison.Ordinal);
        Assert.Contains("reminderHoursBefore", body, StringComparison.Ordinal);
        Assert.Equal(24, (await app.GetAsync<ClientMailResponse>("/api/v1/mail/client-mail")).ReminderHoursBefore);

        await (await app.PutAsync("/api/v1/mail/client-mail", new ClientMailRequest(0, false, false, null, null))).ReadAsync<ClientMailResponse>(HttpStatusCode.OK);
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        await (await app.PostAsync("/api/v1/appointments",
                new Scheduling.AppointmentRequest(client.Id, practitioner.Id, DateTimeOffset.UtcNow.AddHours(3), 45, null, []) { Confirm = true }))
            .ReadAsync<Scheduling.AppointmentResponse>(HttpStatusCode.Created);
        await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        await app.Services.GetRequiredService<MailSender>().SendDueAsync(CancellationToken.None);
        Assert.Empty(await app.GetAsync<List<OutgoingMailResponse>>("/api/v1/mail"));
    }
}
