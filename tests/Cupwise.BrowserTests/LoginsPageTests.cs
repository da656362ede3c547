using System.Text.RegularExpressions;
using Cupwise.Data.Accounts;
using Cupwise.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>
/// The owner's Logins and Mail pages, against a real SMTP server on loopback: the owner sets up the practice's mail,
/// invites people who choose their own password from the mail's link, sends a new-password link, resets two-step
/// sign-in and disables a login; at 1366 px and 390 px.
/// </summary>
public sealed class LoginsPageTests
{
    private const string NewPassword = "quiet-orchard-bell-river";

    /// <summary>Fills in the Mail page's server form (the page must be open) with the test's SMTP server.</summary>
    internal static async Task SetUpMailAsync(IPage page, SmtpServer smtp)
    {
        await page.GetByLabel("Mail server").FillAsync("127.0.0.1");
        await page.GetByLabel("Port").FillAsync(smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Security").SelectOptionAsync(new SelectOptionValue { Label = "None (local relay only)" });
        await page.GetByLabel("From address").FillAsync("desk@demo-practice.test");
        await page.GetByLabel("From name").FillAsync("Demo practice desk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mail server" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mail server saved.");
    }

    private static string LinkIn(MimeKit.MimeMessage mail) =>
        Regex.Match(mail.TextBody ?? "", @"https?://\S+/invite/[0-9a-f]{64}").Value is { Length: > 0 } link ? link : throw new Xunit.Sdk.XunitException($"No link in: {mail.TextBody}");

    [Fact]
    public async Task AnOwnerSetsUpMailInvitesTheFrontDeskWhoChoosesAPasswordAndIsLaterDisabled()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await BrowserApp.StartAsync(demo: true);
        var page = await app.OpenAsync("/settings");

        // Settings leads to Mail; a wrong port is named by its label and nothing is saved.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mail: the practice's mail server →" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/mail");
        await page.GetByLabel("Mail server").FillAsync("127.0.0.1");
        await page.GetByLabel("Port").FillAsync("70000");
        await page.GetByLabel("From address").FillAsync("not an address");
        await page.Locator("form:has(#mail-port)").EvaluateAsync("f => f.noValidate = true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mail server" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Port: must be 1 to 65535");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("From address: must be an e-mail address");
        await page.ReloadAsync();
        await SetUpMailAsync(page, smtp);

        // A test mail goes out through the practice's server, from the practice.
        await page.GetByLabel("Send a test mail to").FillAsync("owner-inbox@demo-practice.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test mail" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Test mail queued");
        var test = await smtp.WaitForMailAsync("owner-inbox@demo-practice.test");
        Assert.Equal("Test mail from Cupwise demo practice", test.Subject);
        Assert.Equal("desk@demo-practice.test", test.From.Mailboxes.Single().Address);
        Assert.Equal("Demo practice desk", test.From.Mailboxes.Single().Name);
        await page.GetByRole(AriaRole.Link, new() { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Latest mail" })).ToContainTextAsync("Sent");
        await BrowserApp.ScreenshotAsync(page, "mail-1366");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ScreenshotAsync(page, "mail-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The Mail page is wider than the phone.");
        await page.SetViewportSizeAsync(1366, 800);

        // The owner invites the front desk.
        await page.GotoAsync(app.BaseUrl + "/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logins: invite, disable, sign out →" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/logins");
        await page.GetByLabel("E-mail").FillAsync("desk@demo-practice.test");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Front desk" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Invitation sent to desk@demo-practice.test.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "desk@demo-practice.test" });
        await Assertions.Expect(row).ToContainTextAsync("Front desk");
        await Assertions.Expect(row).ToContainTextAsync("Invited, not yet accepted");
        await Assertions.Expect(row).ToContainTextAsync("Never");
        await BrowserApp.ScreenshotAsync(page, "logins-1366");

        // The same e-mail again is refused, naming the field.
        await page.GetByLabel("E-mail").FillAsync("desk@demo-practice.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("E-mail: already has a login");

        // The invitation reaches the SMTP server: it names the practice and the role, and carries nothing clinical.
        var invitation = await smtp.WaitForMailAsync("desk@demo-practice.test");
        Assert.Equal("Your Cupwise login at Cupwise demo practice", invitation.Subject);
        Assert.Contains("(front desk)", invitation.TextBody, StringComparison.Ordinal);
        var first = LinkIn(invitation);

        // Sent again, the new link replaces the first.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send again to desk@demo-practice.test" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("A new link was sent to desk@demo-practice.test");
        var link = LinkIn(await smtp.WaitForMailAsync("desk@demo-practice.test", m => LinkIn(m) != first));
        var replaced = await app.OpenAnonymousAsync("/login");
        await replaced.GotoAsync(first);
        await Assertions.Expect(replaced.GetByRole(AriaRole.Alert)).ToContainTextAsync("was replaced by a newer one");

        // On a phone, the front desk opens the link, mistypes the second password, then chooses one and lands on the calendar.
        var desk = await app.OpenAnonymousAsync("/login");
        await desk.SetViewportSizeAsync(390, 844);
        await desk.GotoAsync(link);
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByText("desk@demo-practice.test")).ToBeVisibleAsync();
        await desk.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await desk.GetByLabel("New password again").FillAsync(NewPassword + "x");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not the same as the new password");
        await BrowserApp.ScreenshotAsync(desk, "invitation-390");
        await desk.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await desk.GetByLabel("New password again").FillAsync(NewPassword);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();
        await desk.WaitForURLAsync("**/calendar");
        await Assertions.Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today, ");
        await Assertions.Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Calendar" })).ToBeVisibleAsync();

        // The link works once.
        var again = await app.OpenAnonymousAsync("/login");
        await again.GotoAsync(link);
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = "This link no longer works" })).ToBeVisibleAsync();
        await again.GetByRole(AriaRole.Link, new() { Name = "Sign in →" }).ClickAsync();
        await again.WaitForURLAsync("**/login");

        // The owner, on a phone, sees the desk active and signed in, then disables it.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await Assertions.Expect(row).ToContainTextAsync("signed in on 1 browser");
        await Assertions.Expect(row).Not.ToContainTextAsync("Never");
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable desk@demo-practice.test" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("desk@demo-practice.test is disabled");
        await Assertions.Expect(row).ToContainTextAsync("Disabled");
        await BrowserApp.ScreenshotAsync(page, "logins-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "The Logins page is wider than the phone.");

        // The desk is signed out, and its password no longer signs in.
        await desk.ReloadAsync();
        await desk.WaitForURLAsync("**/login**");
        await desk.GetByLabel("E-mail").FillAsync("desk@demo-practice.test");
        await desk.GetByLabel("Password").FillAsync(NewPassword);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or the password is wrong.");

        // Enabled again, it signs in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable desk@demo-practice.test" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("desk@demo-practice.test can sign in again.");
        await desk.GetByLabel("Password").FillAsync(NewPassword);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await desk.WaitForURLAsync("**/calendar");

        // The owner cannot disable themselves: there is no button for their own row.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Disable {app.Owner.Email}" })).ToHaveCountAsync(0);

        // A server that asks for a login: the password is stored encrypted and never shown; it can be removed again.
        await page.GotoAsync(app.BaseUrl + "/settings/mail");
        await page.GetByLabel("User name (if the server asks)").FillAsync("desk-login");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("smtp-secret-words");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mail server" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mail server saved.");
        await Assertions.Expect(page.GetByLabel("User name (if the server asks)")).ToHaveValueAsync("desk-login");
        await Assertions.Expect(page.GetByLabel("Password", new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByText("One is stored, encrypted; leave this empty to keep it.")).ToBeVisibleAsync();
        Assert.DoesNotContain("smtp-secret-words", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("User name (if the server asks)").FillAsync("");
        await page.GetByLabel("Remove the stored password").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save mail server" }).ClickAsync();
        await Assertions.Expect(page.GetByText("None stored.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnOwnerResetsTwoStepAndSendsAPasswordLinkAndInvitesAClientFoundByName()
    {
        await using var smtp = await SmtpServer.StartAsync();
        await using var app = await BrowserApp.StartAsync(demo: true);
        var practitioner = app.Services.GetRequiredService<DemoLogins>().For(UserRole.Practitioner);
        var page = await app.OpenAsync("/settings/logins");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up mail →" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/mail");
        await SetUpMailAsync(page, smtp);

        // The practitioner turns on two-step sign-in: the account page shows a QR code with the key.
        var (_, theirs) = await app.SignInAsync(practitioner.Email, practitioner.Password);
        await theirs.GotoAsync(app.BaseUrl + "/account");
        var qr = theirs.GetByRole(AriaRole.Img, new() { Name = "QR code that adds Cupwise to an authenticator app" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 100"), "The QR code did not load.");
        var key = await theirs.Locator("code.key").First.TextContentAsync() ?? "";
        await theirs.GetByLabel("Code from the app").FillAsync(Authenticator.CodeNow(key));
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in is on.");

        // They lose their phone: the owner resets two-step; they are signed out and sign in with the password alone.
        await page.GotoAsync(app.BaseUrl + "/settings/logins");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = practitioner.Email });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("On");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Reset two-step sign-in of {practitioner.Email}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Two-step sign-in of {practitioner.Email} is reset");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("Off");
        await theirs.ReloadAsync();
        await theirs.WaitForURLAsync("**/login**");
        await theirs.GetByLabel("E-mail").FillAsync(practitioner.Email);
        await theirs.GetByLabel("Password").FillAsync(practitioner.Password);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await theirs.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        // Signed in again, the owner signs them out everywhere.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign out everywhere: {practitioner.Email}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"{practitioner.Email} was signed out of 1 browser.");
        await theirs.ReloadAsync();
        await theirs.WaitForURLAsync("**/login**");

        // They forget their password: the owner mails a link, and the new password replaces the old.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Send a password link to {practitioner.Email}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"A new link was sent to {practitioner.Email}");
        var mail = await smtp.WaitForMailAsync(practitioner.Email);
        Assert.StartsWith("A new password for your Cupwise login", mail.Subject, StringComparison.Ordinal);
        await theirs.GotoAsync(LinkIn(mail));
        await theirs.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await theirs.GetByLabel("New password again").FillAsync(NewPassword);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();
        await theirs.WaitForURLAsync(app.BaseUrl + "/");
        var old = await app.OpenAnonymousAsync("/login");
        await old.GetByLabel("E-mail").FillAsync(practitioner.Email);
        await old.GetByLabel("Password").FillAsync(practitioner.Password);
        await old.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(old.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or the password is wrong.");

        // A second practitioner's login, charting as the demo practitioner.
        await page.GetByLabel("E-mail").FillAsync("second@demo-practice.test");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Practitioner" });
        await page.GetByLabel("Charts as (owner or practitioner)").SelectOptionAsync(new SelectOptionValue { Label = "Demo practitioner" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Invitation sent to second@demo-practice.test.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "second@demo-practice.test" })).ToContainTextAsync("Demo practitioner");

        // A client login: a name that finds several clients is refused with their names; a full one finds one.
        await page.GetByLabel("E-mail").FillAsync("client-b@demo-practice.test");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Client" });
        await page.GetByLabel("Client (for a client login)").FillAsync("Client");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Client: 3 clients match 'Client'");
        await page.GetByLabel("E-mail").FillAsync("client-b@demo-practice.test");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Client" });
        await page.GetByLabel("Client (for a client login)").FillAsync("facial");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Invitation sent to client-b@demo-practice.test.");
        var clientRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "client-b@demo-practice.test" });
        await Assertions.Expect(clientRow).ToContainTextAsync("Client B Demo (facial cupping)");
        var clientMail = await smtp.WaitForMailAsync("client-b@demo-practice.test");
        var client = await app.OpenAnonymousAsync("/login");
        await client.SetViewportSizeAsync(390, 844);
        await client.GotoAsync(LinkIn(clientMail));
        await client.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await client.GetByLabel("New password again").FillAsync(NewPassword);
        await client.GetByRole(AriaRole.Button, new() { Name = "Save password and sign in" }).ClickAsync();
        await client.WaitForURLAsync("**/summary");
        await Assertions.Expect(client.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Client B");

        // From a client's chart: the invitation is for that client, named and fixed in the form.
        await page.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.NeckClientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite Client A Demo (stiff neck) to their own login →" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Client (for a client login)")).ToHaveValueAsync("Client A Demo (stiff neck)");
        await Assertions.Expect(page.GetByLabel("Role")).ToHaveValueAsync("client");
        await page.GetByLabel("E-mail").FillAsync("client-a@demo-practice.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Invitation sent to client-a@demo-practice.test.");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "client-a@demo-practice.test" })).ToContainTextAsync("Client A Demo (stiff neck)");
        await page.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.NeckClientId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Invite Client A Demo (stiff neck) to their own login →" })).ToHaveCountAsync(0);
    }
}
