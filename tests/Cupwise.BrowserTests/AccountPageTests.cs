using Cupwise.Data.Accounts;
using Cupwise.Testing;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>A login's own account page: changing the password, and two-step sign-in from the owner's requirement to the next sign-in.</summary>
public sealed class AccountPageTests
{
    private const string TwoStepRule = "Owners and practitioners must use two-step sign-in (an authenticator app's code as well as the password)";

    [Fact]
    public async Task TheOwnerRequiresTwoStepAndAPractitionerSetsItUpBeforeAnythingElseOpens()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var practitioner = await app.AddUserAsync(app.PracticeId, "practitioner@my-practice.test", UserRole.Practitioner);
        var (_, theirs) = await app.SignInAsync(practitioner, BrowserApp.Password);

        var settings = await app.OpenAsync("/settings");
        await settings.GetByLabel(TwoStepRule).CheckAsync();
        await settings.GetByRole(AriaRole.Button, new() { Name = "Save sign-in setting" }).ClickAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: sign-in setting (two-step sign-in required)");
        await Assertions.Expect(settings.GetByLabel(TwoStepRule)).ToBeCheckedAsync();

        // The practitioner, signed in without it, is signed out; signing in again opens only their account page.
        await theirs.ReloadAsync();
        await theirs.WaitForURLAsync("**/login**");
        await theirs.GetByLabel("E-mail").FillAsync(practitioner);
        await theirs.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await theirs.WaitForURLAsync("**/account");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Alert)).ToContainTextAsync("My practice requires two-step sign-in");
        // The page is styled: its stylesheet is not turned away with the rest of Cupwise.
        Assert.Equal("flex", await theirs.Locator("header.bar").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await theirs.GotoAsync(app.BaseUrl + "/clients");
        Assert.EndsWith("/account", theirs.Url, StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(theirs, "account-two-step");

        // They add Cupwise to their authenticator app with the key shown, and give a wrong code first.
        var key = await theirs.Locator("code.key").First.TextContentAsync() ?? "";
        var now = Authenticator.CodeNow(key);
        await theirs.GetByLabel("Code from the app").FillAsync(now == "000000" ? "111111" : "000000");
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Alert).Filter(new() { HasText = "That code is wrong or has expired" })).ToBeVisibleAsync();
        await theirs.GetByLabel("Code from the app").FillAsync(Authenticator.CodeNow(key));
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in is on.");
        await theirs.GotoAsync(app.BaseUrl + "/clients");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Heading, new() { Name = "Clients" })).ToBeVisibleAsync();

        // From now on signing in asks for the code as well.
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await theirs.WaitForURLAsync("**/login");
        await theirs.GetByLabel("E-mail").FillAsync(practitioner);
        await theirs.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(theirs.GetByRole(AriaRole.Alert)).ToContainTextAsync("This login needs the 6-digit code from your authenticator app.");
        await theirs.GetByLabel("Password").FillAsync(BrowserApp.Password);
        await theirs.GetByLabel("Authenticator code").FillAsync(Authenticator.CodeNow(key));
        await theirs.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await theirs.WaitForURLAsync(app.BaseUrl + "/");
        await Assertions.Expect(theirs.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
    }

    [Fact]
    public async Task ALoginChangesItsPasswordAndItsOtherBrowsersAreSignedOut()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var (_, elsewhere) = await app.SignInAsync(app.Owner.Email, app.Owner.Password);
        var page = await app.OpenAsync("/account");
        await page.GetByLabel("Current password").FillAsync("not-the-password-at-all");
        await page.GetByLabel("New password").FillAsync("amber-otter-willow-canyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not changed: the current password is wrong.");

        await page.GetByLabel("Current password").FillAsync(app.Owner.Password);
        await page.GetByLabel("New password").FillAsync("amber-otter-willow-canyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Password changed. 1 other browser signed in as you was signed out, 0 API tokens were revoked.");

        // The notice is the app's own words: a sentence put in the address is not shown as one.
        await page.GotoAsync(app.BaseUrl + "/account?done=Your account was compromised. Call 0800 123 456.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("compromised")).ToHaveCountAsync(0);

        await elsewhere.ReloadAsync();
        await elsewhere.WaitForURLAsync("**/login**");
        await elsewhere.GetByLabel("E-mail").FillAsync(app.Owner.Email);
        await elsewhere.GetByLabel("Password").FillAsync(app.Owner.Password);
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(elsewhere.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail or the password is wrong.");
        await elsewhere.GetByLabel("Password").FillAsync("amber-otter-willow-canyon");
        await elsewhere.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await elsewhere.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWrongCurrentPasswordsStopFurtherGuessesOnTheAccountPage()
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var page = await app.OpenAsync("/account");
        for (var i = 1; i <= 5; i++)
        {
            await page.GetByLabel("Current password").FillAsync($"guess-number-{i}-of-five");
            await page.GetByLabel("New password").FillAsync("amber-otter-willow-canyon");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(i < 5 ? "the current password is wrong." : "wrong 5 times in a row");
        }
        // Now even the right password does not change it, and the old one still signs in after the wait only.
        await page.GetByLabel("Current password").FillAsync(app.Owner.Password);
        await page.GetByLabel("New password").FillAsync("amber-otter-willow-canyon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be changed for 15 minutes");
    }
}
