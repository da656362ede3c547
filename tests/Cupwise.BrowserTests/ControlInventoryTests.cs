using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>
/// Every button, link and form field a screen renders, for each role that sees it, kept as an explicit table (like
/// the route × role table in SecurityTests): a control that appears or goes without the table changing fails, and
/// so does a control that no browser test uses. "#" stands for a number (cup 3 → cup #); the body map's regions
/// count as one control ("map region"), since one test clicking any of them exercises them all.
/// </summary>
/// <remarks>
/// What each screen renders is checked for every page a practitioner's day and the practice's settings use, for the
/// owner and a practitioner, and for the few pages the front desk and a client see (every other page turns them
/// away: SecurityTests). That each control is used by a test is checked for every screen in the table.
/// </remarks>
public sealed partial class ControlInventoryTests
{
    /// <summary>The header: the owner's has Settings and Audit; a practitioner's does not.</summary>
    private static readonly string[] Layout =
    [
        "link:Cupwise", "link:Today", "link:Calendar", "link:Clients", "link:Reports", "link:Settings", "link:Audit", "link:<login>", "button:Sign out",
    ];

    /// <summary>The front desk's header: the calendar and the client list.</summary>
    private static readonly string[] DeskLayout = ["link:Cupwise", "link:Calendar", "link:Clients", "link:<login>", "button:Sign out"];

    /// <summary>A client's header: their own record only.</summary>
    private static readonly string[] ClientLayout = ["link:Cupwise", "link:My record", "link:<login>", "button:Sign out"];

    private static readonly string[] AccountForm =
        ["field:Current password", "field:New password", "button:Change password", "field:Code from the app", "button:Turn on two-step sign-in"];

    private static readonly string[] OwnerOnly = ["link:Settings", "link:Audit", "link:Who saw this record, and break-glass access →", "link:Invite <client> to their own login →"];

    private static readonly string[] ChartCommon =
    [
        "link:← Clients", "link:Edit", "link:Summary for the client", "link:Who saw this record, and break-glass access →", "link:Invite <client> to their own login →", "link:map region",
        "button:Start session", "field:Condition", "field:Protocol", "field:ICD-10 (optional)", "field:Done when pain is at most", "button:Start plan",
    ];

    private static readonly string[] ClientForm =
    [
        "link:← Clients", "field:Family name", "field:Given name", "field:Date of birth", "field:Sex", "field:E-mail", "field:Phone",
        "field:Allergy #", "field:Reaction to allergy #", "field:Severity of allergy #", "field:Status of allergy #", "field:Pregnant", "field:Weeks of pregnancy",
        "field:Medicine #", "field:Dose of medicine #", "field:How medicine # is taken", "field:ATC code of medicine #", "field:Medicine # thins the blood", "field:Onset of condition #",
        "field:Condition #", "field:ICD-10 code of condition #", "field:Status of condition #", "field:Notes on condition #",
        "field:Site of finding #", "field:Side of finding #", "field:Kind of finding #", "field:Notes on finding #", "field:Notes", "button:Save client",
    ];

    private static readonly string[] SessionCommon =
    [
        "link:← <client>'s chart", "button:Body, back", "button:Body, front", "button:Face", "button:map region",
    ];

    private static readonly string[] SessionOpen =
    [
        "field:Site", "button:Add cup",
        "field:Temperature (°C)", "field:Blood pressure, upper (mmHg)", "field:Blood pressure, lower (mmHg)", "field:Pulse (a minute)", "button:Record vital signs",
        "field:Pain before (0–10)", "button:Record pain before", "field:Pain after (0–10)", "button:Record pain after",
        "field:Notes", "field:Adjunct treatment", "field:What was done", "button:Save notes",
        "field:Joint", "field:Direction", "field:Degrees", "field:When", "button:Record range of motion",
    ];

    private static readonly string[] PlannedCup =
    [
        "field:Cup for cup #", "field:Technique for cup #", "field:Method for cup #", "field:Planned minutes for cup #", "field:Notes for cup #",
        "button:Apply cup #", "button:Take off plan, cup #", "button:Move cup #",
    ];

    /// <summary>Each screen, in the state a test puts it in, with what it shows.</summary>
    private static readonly Dictionary<string, string[]> Inventory = new(StringComparer.Ordinal)
    {
        ["new client"] = [.. Layout, .. ClientForm],
        ["edit client"] = [.. Layout, .. ClientForm.Select(c => c == "link:← Clients" ? "link:← Back to the chart" : c)],
        ["session, planned"] = [.. Layout, .. SessionCommon, .. SessionOpen, .. PlannedCup, "button:Discard draft", "field:Pump strokes for cup #"],
        ["session, discarding"] = [.. Layout, .. SessionCommon, .. SessionOpen, .. PlannedCup, "field:Pump strokes for cup #",
            "field:Why (optional)", "button:Discard this draft", "button:Keep the draft"],
        ["session, a cup on the skin"] = [.. Layout, .. SessionCommon, .. SessionOpen, "button:Complete session", "button:Remove cup #"],
        ["session, removing a cup"] = [.. Layout, .. SessionCommon, .. SessionOpen, "button:Complete session", "button:mark grade", "button:Record removal of cup #"],
        ["clients"] = [.. Layout, "link:New client", "field:Search clients by name", "button:Search", "link:<client in the list>"],
        ["today"] = [.. Layout, "link:New client", "link:Find a client", "link:a session"],
        ["client chart, new"] = [.. Layout, .. ChartCommon, "field:Your name (first practitioner)"],
        ["client chart, after a session"] = [.. Layout, .. ChartCommon, "field:Practitioner", "field:Minutes", "field:site to treat", "button:Find times",
            "link:a session"],
        ["settings"] = [.. Layout, "link:← Today", "link:Logins: invite, disable, sign out →", "link:Mail: the practice's mail server →", "link:Protocols: the library and this practice's own →",
            "field:Time zone", "field:Days between sessions on one site", "button:Save practice settings",
            "field:Owners and practitioners must use two-step sign-in (an authenticator app's code as well as the password)", "button:Save sign-in setting",
            "field:Practitioners see only their own clients (those they added, charted or booked)", "button:Save access setting",
            "field:<practitioner>, <day>, from", "field:<practitioner>, <day>, to", "button:Save hours of <practitioner>",
            "field:Service name", "field:Length (minutes)", "field:Price (optional)", "button:Add service", "button:Stop offering <service>"],
        ["logins"] = [.. Layout, "link:← Settings", "link:Set up mail →", "field:E-mail", "field:Role", "field:Charts as (owner or practitioner)", "field:Client (for a client login)",
            "button:Send invitation", "button:Send a password link to <someone>", "button:Disable <someone>"],
        ["mail"] = [.. Layout, "link:← Settings", "field:Mail server", "field:Port", "field:Security", "field:User name (if the server asks)", "field:Password",
            "field:From address", "field:From name", "button:Save mail server", "field:Send a test mail to", "button:Send test mail",
            "field:Reminder, hours before the visit", "field:Tell clients when a visit is booked, moved or cancelled", "field:Send aftercare when a session is completed",
            "field:Reminder text", "field:Aftercare text", "button:Save mails to clients"],
        ["choose a password"] = ["link:Cupwise", "field:New password", "field:New password again", "button:Save password and sign in"],
        ["protocols"] = [.. Layout, "link:← Settings", "link:← Today (practitioner)", "field:Name", "field:site to treat", "field:Cup", "field:Technique", "field:Suction",
            "field:Minutes (stationary) or passes (moving)", "field:Days between sessions", "field:Sessions in a course",
            "field:What the studies found (left empty: \"No controlled evidence found.\")", "button:Add protocol"],
        ["reports"] = [.. Layout, "link:← Today", "field:From", "field:To", "field:Practitioner", "button:Show", "link:Download CSV"],
        ["audit"] = [.. Layout, "field:From", "field:To", "button:Show", "link:Download as CSV", "button:Check the chain"],
        ["account"] = [.. Layout, .. AccountForm],
        ["clients, front desk"] = [.. DeskLayout, "link:New client", "field:Search clients by name", "button:Search", "link:<client in the list>"],
        ["calendar, front desk"] = [.. DeskLayout, "link:Book a visit", "link:← Previous day", "link:Today", "link:Next day →", "link:Day", "link:Week",
            "field:Go to date", "button:Go", "link:Book <practitioner> at #:#", "link:Book <practitioner> at #:# (outside working hours)"],
        ["calendar week, front desk"] = [.. DeskLayout, "link:Book a visit", "link:← Previous week", "link:Today", "link:Next week →", "link:Day", "link:Week",
            "field:Go to date", "button:Go", "link:<day of the week>"],
        ["book a visit, front desk"] = [.. DeskLayout, "link:← Calendar", "field:Client", "button:Find"],
        ["book a visit for a client, front desk"] = [.. DeskLayout, "link:← Calendar", "link:choose another client", "field:With", "field:Service", "field:Date", "field:Time (UTC)",
            "field:Minutes", "field:Room (optional)", "button:Book"],
        ["edit client, front desk"] = [.. DeskLayout, "link:← Clients", "field:Family name", "field:Given name", "field:Date of birth", "field:Sex", "field:E-mail",
            "field:Phone", "button:Save client", "link:Book a visit"],
        ["account, front desk"] = [.. DeskLayout, .. AccountForm],
        ["own record, client"] = [.. ClientLayout, "button:Print"],
        ["account, client"] = [.. ClientLayout, .. AccountForm],
        ["plan"] = [.. Layout, "link:← <client>", "field:End the plan as", "field:Reason", "button:End plan"],
        ["client summary"] = [.. Layout, "link:← Back to the chart", "button:Print"],
        ["who saw a client"] = [.. Layout, "link:← Back to the chart", "link:the practice's audit log"],
        ["sign in"] = ["link:Cupwise", "field:E-mail", "field:Password", "field:Authenticator code", "button:Sign in"],
        ["session, completed"] = [.. Layout, .. SessionCommon,
            "field:Reason for adding it afterwards (required)", "field:Pain before (0–10)", "button:Record pain before", "field:Pain after (0–10)", "button:Record pain after",
            "field:Joint", "field:Direction", "field:Degrees", "field:When", "button:Record range of motion",
            "field:Mark grade, cup #", "field:Notes", "field:Reason for the amendment (required)", "button:Save amendment"],
    };

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^link:(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ [A-Z][a-z]{2}$")]
    private static partial Regex WeekDay();

    /// <summary>A control's name as compared: numbers as "#", so "Apply cup 3" and "Apply cup {n}" are one control.</summary>
    private static string Normal(string name) => Digits().Replace(name, "#");

    /// <summary>What the page renders: kind and accessible name of each visible control, numbers as "#", the map's regions as one.</summary>
    private static async Task<SortedSet<string>> ControlsAsync(IPage page, string login, string client, string? listedAs = null)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [role=button]')]
              .filter(e => e.offsetParent !== null || e.closest('svg'))
              .map(e => {
                const kind = e.matches('a[href]') ? 'link' : e.matches('button, [role=button]') ? 'button' : 'field';
                if (e.closest('svg.map')) return e.matches('a[href]') ? 'link:map region' : 'button:map region';
                if (e.closest('.grades[role=group]')) return 'button:mark grade';
                if (e.matches('input[type=checkbox][name=sites], input[type=checkbox][name=Sites]')) return 'field:site to treat';
                if (e.matches('a[href^="/sessions/"]') && e.closest('table')) return 'link:a session';
                const labelled = e.id ? document.querySelector(`label[for="${e.id}"]`) : null;
                const wrapping = e.closest('label');
                let name = e.getAttribute('aria-label') || (labelled && labelled.textContent) || (wrapping && wrapping.textContent) || (kind === 'field' ? '' : e.textContent) || '';
                if (labelled) { const hint = labelled.querySelector('.hint'); if (hint) name = name.replace(hint.textContent, ''); }
                return kind + ':' + name.replace(/\s+/g, ' ').trim();
              })
            """);
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            found = [.. found.Select(f => f.Replace($", {day}, ", ", <day>, ", StringComparison.Ordinal))];
        }
        found = [.. found.Select(f => f.Replace("Demo practitioner", "<practitioner>", StringComparison.Ordinal))];
        // The week's day headings link to each day: one control.
        found = [.. found.Select(f => WeekDay().IsMatch(f) ? "link:<day of the week>" : f)];
        found = [.. found.Select(f => f.StartsWith("button:Stop offering ", StringComparison.Ordinal) ? "button:Stop offering <service>" : f)];
        // The Logins page's buttons name the login they act on.
        found = [.. found.Select(f => f.StartsWith("button:", StringComparison.Ordinal) ? Email().Replace(f, "<someone>") : f)];
        // The client list names people family name first.
        var listed = listedAs ?? string.Join(", ", client.Split(' ').Reverse());
        return new SortedSet<string>(found.Select(f => Normal(f.Replace(login, "<login>", StringComparison.Ordinal)
                .Replace(listed, "<client in the list>", StringComparison.Ordinal).Replace(client, "<client>", StringComparison.Ordinal))),
            StringComparer.Ordinal);
    }

    private static void AssertShows(string screen, string role, SortedSet<string> rendered)
    {
        // "(practitioner)" marks what only a practitioner sees there; OwnerOnly what only the owner does.
        var expected = new SortedSet<string>(Inventory[screen]
            .Where(c => role == "owner" ? !c.EndsWith(" (practitioner)", StringComparison.Ordinal) : !OwnerOnly.Contains(c) && !(screen == "protocols" && c == "link:← Settings"))
            .Select(c => Normal(c.Replace(" (practitioner)", "", StringComparison.Ordinal))), StringComparer.Ordinal);
        var missing = expected.Except(rendered).ToList();
        var extra = rendered.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{screen} ({role}): the inventory says [{string.Join(", ", missing)}] and the page does not show them; the page shows [{string.Join(", ", extra)}] that the inventory lacks.");
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("practitioner")]
    public async Task EachScreenShowsExactlyTheControlsInTheInventory(string role)
    {
        await using var app = await BrowserApp.StartAsync(demo: false);
        var login = app.Owner.Email;
        IPage page;
        if (role == "practitioner")
        {
            login = await app.AddUserAsync(app.PracticeId, "practitioner@my-practice.test", Cupwise.Data.Accounts.UserRole.Practitioner);
            (_, page) = await app.SignInAsync(login, BrowserApp.Password);
            await page.GotoAsync(app.BaseUrl + "/clients/new");
        }
        else
        {
            page = await app.OpenAsync("/clients/new");
        }
        AssertShows("new client", role, await ControlsAsync(page, login, "Inventory Example"));
        await page.GetByLabel("Family name").FillAsync("Example");
        await page.GetByLabel("Given name").FillAsync("Inventory");
        await page.GetByLabel("Date of birth").FillAsync("1980-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/clients/[0-9a-f-]{36}$"));
        var chart = page.Url;
        await page.GotoAsync(chart + "/edit");
        AssertShows("edit client", role, await ControlsAsync(page, login, "Inventory Example"));

        await page.GotoAsync(chart);
        AssertShowsLater("client chart, new", role, await ControlsAsync(page, login, "Inventory Example"));
        await page.GetByLabel("Your name (first practitioner)").FillAsync("Inventory practitioner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
        await page.WaitForURLAsync("**/sessions/*");
        await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        // A pump cup on the shoulder blade, so the pump's own field shows.
        await page.GetByRole(AriaRole.Button, new() { Name = "Shoulder blade, left", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Cup 1" })).ToBeVisibleAsync();
        await page.GetByLabel("Cup for cup 1").SelectOptionAsync(new SelectOptionValue { Label = "Valve (pump) cup, 40 mm" });
        await Assertions.Expect(page.GetByLabel("Pump strokes for cup 1")).ToBeVisibleAsync();
        AssertShows("session, planned", role, await ControlsAsync(page, login, "Inventory Example"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keep the draft" })).ToBeVisibleAsync();
        AssertShows("session, discarding", role, await ControlsAsync(page, login, "Inventory Example"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep the draft" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = "Time left for cup 1" })).ToBeVisibleAsync();
        AssertShows("session, a cup on the skin", role, await ControlsAsync(page, login, "Inventory Example"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove cup 1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Mark grade for cup 1" })).ToBeVisibleAsync();
        AssertShows("session, removing a cup", role, await ControlsAsync(page, login, "Inventory Example"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Grade 1: light pink" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record removal of cup 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync();
        AssertShows("session, completed", role, await ControlsAsync(page, login, "Inventory Example"));

        await page.GotoAsync(chart);
        AssertShowsLater("client chart, after a session", role, await ControlsAsync(page, login, "Inventory Example"));
        await page.GotoAsync(app.BaseUrl + "/clients");
        AssertShowsLater("clients", role, await ControlsAsync(page, login, "Inventory Example"));
        await page.GotoAsync(app.BaseUrl + "/");
        AssertShowsLater("today", role, await ControlsAsync(page, login, "Inventory Example"));
        Assert.True(Later.Count == 0, string.Join("\n", Later));
    }

    private readonly List<string> Later = [];

    private void AssertShowsLater(string screen, string role, SortedSet<string> rendered)
    {
        try
        {
            AssertShows(screen, role, rendered);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            Later.Add(e.Message);
        }
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("practitioner")]
    public async Task TheOtherPagesShowExactlyTheControlsInTheInventory(string role)
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var login = app.Owner.Email;
        IPage page;
        if (role == "practitioner")
        {
            login = await app.AddUserAsync(app.PracticeId, "inventory-practitioner@demo.cupwise.invalid", Cupwise.Data.Accounts.UserRole.Practitioner);
            (_, page) = await app.SignInAsync(login, BrowserApp.Password);
        }
        else
        {
            page = await app.OpenAsync("/");
        }
        const string client = "Client C Demo (low-back pain)";
        var screens = new List<(string Screen, string Path, bool OwnerOnly)>
        {
            ("settings", "/settings", true), ("protocols", "/protocols", false), ("reports", "/reports", false), ("audit", "/audit", true),
            ("account", "/account", false), ("client summary", "/clients/c0ffee00-0000-4000-8000-0000000000c1/summary", false),
            ("who saw a client", "/clients/c0ffee00-0000-4000-8000-0000000000c1/access", true),
        };
        foreach (var (screen, path, ownerOnly) in screens)
        {
            if (ownerOnly && role != "owner")
            {
                continue;
            }
            await page.GotoAsync(app.BaseUrl + path);
            AssertShowsLater(screen, role, await ControlsAsync(page, login, client));
        }
        await page.GotoAsync(app.BaseUrl + "/clients/c0ffee00-0000-4000-8000-0000000000c1");
        await page.Locator("a[href^='/plans/']").First.ClickAsync();
        await page.WaitForURLAsync("**/plans/*");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chronic low back pain");
        AssertShowsLater("plan", role, await ControlsAsync(page, login, client));
        var anonymous = await app.OpenAnonymousAsync("/login");
        AssertShowsLater("sign in", role, await ControlsAsync(anonymous, login, client));
        if (role == "owner")
        {
            await page.GotoAsync(app.BaseUrl + "/settings/logins");
            AssertShowsLater("logins", role, await ControlsAsync(page, login, client));
            await page.GotoAsync(app.BaseUrl + "/settings/mail");
            AssertShowsLater("mail", role, await ControlsAsync(page, login, client));
            await page.GotoAsync(app.BaseUrl + "/settings/logins");
            await page.GetByLabel("E-mail").FillAsync("inventory-invitee@demo.cupwise.invalid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            var link = await page.Locator(".notice code.key").TextContentAsync() ?? "";
            await anonymous.GotoAsync(link);
            AssertShowsLater("choose a password", role, await ControlsAsync(anonymous, login, client));
        }
        Assert.True(Later.Count == 0, string.Join("\n", Later));
    }

    /// <summary>
    /// The front desk and a client see few pages: what each renders there. (Every other page turns them away:
    /// SecurityTests.)
    /// </summary>
    [Fact]
    public async Task TheFrontDeskAndAClientSeeExactlyTheControlsInTheInventory()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var desk = await app.AddUserAsync(app.PracticeId, "inventory-desk@demo.cupwise.invalid", Cupwise.Data.Accounts.UserRole.FrontDesk);
        var (_, page) = await app.SignInAsync(desk, BrowserApp.Password);
        const string client = "Client C Demo (low-back pain)";
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Today");
        AssertShowsLater("calendar, front desk", "front desk", await ControlsAsync(page, desk, client));
        await page.GotoAsync(app.BaseUrl + "/calendar?view=week");
        AssertShowsLater("calendar week, front desk", "front desk", await ControlsAsync(page, desk, client));
        await page.GotoAsync(app.BaseUrl + "/calendar/book");
        AssertShowsLater("book a visit, front desk", "front desk", await ControlsAsync(page, desk, client));
        await page.GotoAsync(app.BaseUrl + $"/calendar/book?client={Cupwise.DemoPractice.BackClientId}");
        AssertShowsLater("book a visit for a client, front desk", "front desk", await ControlsAsync(page, desk, client));
        await page.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.BackClientId}/edit");
        AssertShowsLater("edit client, front desk", "front desk", await ControlsAsync(page, desk, client));
        await page.GotoAsync(app.BaseUrl + "/clients");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search clients by name" }).FillAsync("low-back");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Clients" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        AssertShowsLater("clients, front desk", "front desk", await ControlsAsync(page, desk, client, listedAs: "Demo (low-back pain), Client C"));
        await page.GotoAsync(app.BaseUrl + "/account");
        AssertShowsLater("account, front desk", "front desk", await ControlsAsync(page, desk, client));

        var own = app.Services.GetRequiredService<Cupwise.DemoLogins>().For(Cupwise.Data.Accounts.UserRole.Client);
        (_, page) = await app.SignInAsync(own.Email, own.Password);
        AssertShowsLater("own record, client", "client", await ControlsAsync(page, own.Email, client));
        await page.GotoAsync(app.BaseUrl + "/account");
        AssertShowsLater("account, client", "client", await ControlsAsync(page, own.Email, client));
        Assert.True(Later.Count == 0, string.Join("\n", Later));
    }

    /// <summary>The strings the browser tests use, numbers and interpolations as "#".</summary>
    private static HashSet<string> UsedNames()
    {
        var sources = Path.Combine(Repository.Root(), "tests", "Cupwise.BrowserTests");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sources, "*.cs").Where(f => !f.EndsWith(nameof(ControlInventoryTests) + ".cs", StringComparison.Ordinal)))
        {
            foreach (Match m in Regex.Matches(File.ReadAllText(file), "\\$?\"((?:[^\"\\\\]|\\\\.)*)\""))
            {
                used.Add(Normal(Regex.Replace(m.Groups[1].Value, "\\{[^}]*\\}", "#").Replace("\\\"", "\"", StringComparison.Ordinal)));
            }
        }
        return used;
    }

    /// <summary>
    /// Whether a test uses the control: its name as a test writes it, where a "&lt;…&gt;" the page fills in (a
    /// practitioner's name, a day) matches whatever a test writes there.
    /// </summary>
    private static bool IsUsed(string control, HashSet<string> used)
    {
        if (!control.Contains('<', StringComparison.Ordinal))
        {
            return used.Contains(control);
        }
        var pattern = new Regex("^" + string.Join(".+", Regex.Split(control, "<[^>]+>").Select(Regex.Escape)) + "$");
        return used.Any(pattern.IsMatch);
    }

    [Fact]
    public void EveryControlInTheInventoryIsUsedBySomeBrowserTest()
    {
        var used = UsedNames();
        // Names that stand for what the page fills in; the tests reach them by other means.
        var standIns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["link:<login>"] = "the account link: HeaderTests clicks it by the login's own e-mail",
            ["link:← <client>'s chart"] = "ChartingTests follows it by the client's name",
            ["button:map region"] = "every charting test places cups by clicking regions",
            ["button:mark grade"] = "every charting test grades a mark by clicking \"Grade n: …\" in the picker",
            ["link:<client in the list>"] = "ClientListPageTests follows a client by the name the list shows",
            ["field:site to treat"] = "the booking form's and the protocol form's site checkboxes, named by their sites; AppointmentPageTests and ProtocolPageTests tick them",
            ["link:a session"] = "Today's rows and the chart's sessions table link each visit (by client, by date); DayWalkThroughTests opens it from both",
            ["link:map region"] = "the chart's map regions open a site's history; ChartingTests follows one",
            ["link:<day of the week>"] = "the week's day headings open that day; CalendarPageTests goes from the week to a day",
        };
        var unused = Inventory.SelectMany(screen => screen.Value).Distinct(StringComparer.Ordinal)
            .Where(c => !standIns.ContainsKey(c))
            .Where(c => !IsUsed(Normal(c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace(" (practitioner)", "", StringComparison.Ordinal)), used))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(unused.Count == 0, $"No browser test uses: {string.Join(", ", unused)}. Add a test that uses each the way a person would.");
    }
}
