using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cupwise.Data.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>
/// Every page of the demo practice, in every role, as a person reads it: the visible text and every label a screen
/// reader speaks (aria-label, title, placeholder, alt, options, the maps' region names). None may show a record id,
/// a catalogue or rule slug ("fire-cotton-ball", "site.broken-skin"), a field path ("cups[2].markGrade"), a type
/// or route name, or a file name ("SCIENCE.md"). The pages are found by following the links each role sees, from
/// where it lands, plus the screens only a click reaches (a form with mistakes, a session with a cup on a site).
/// </summary>
public sealed partial class PageScanTests
{
    /// <summary>At most this many pages per role, and this many addresses that differ only in their query.</summary>
    private const int PagesPerRole = 60;
    private const int VariantsPerPath = 2;

    [Fact]
    public async Task NoPageInAnyRoleShowsAnIdASlugAFieldPathOrAFileName()
    {
        await using var app = await BrowserApp.StartAsync(demo: true);
        var slugs = Slugs();
        var findings = new List<string>();
        var logins = app.Services.GetRequiredService<DemoLogins>();
        var desk = await app.AddUserAsync(app.PracticeId, "scan-desk@demo.cupwise.invalid", UserRole.FrontDesk);
        var scanned = 0;
        foreach (var (role, email, password) in new[]
                 {
                     ("owner", logins.For(UserRole.Owner).Email, logins.For(UserRole.Owner).Password),
                     ("practitioner", logins.For(UserRole.Practitioner).Email, logins.For(UserRole.Practitioner).Password),
                     ("front desk", desk, BrowserApp.Password),
                     ("client", logins.For(UserRole.Client).Email, logins.For(UserRole.Client).Password),
                 })
        {
            var (_, page) = await app.SignInAsync(email, password);
            async Task ScanAsync(string what) => findings.AddRange(Check(await ReadableTextAsync(page), slugs).Select(f => $"{role}, {what}: {f}"));

            var visited = new HashSet<string>(StringComparer.Ordinal);
            var variants = new Dictionary<string, int>(StringComparer.Ordinal);
            var queue = new Queue<string>([new Uri(page.Url).PathAndQuery]);
            while (queue.Count > 0 && visited.Count < PagesPerRole)
            {
                var path = queue.Dequeue();
                var bare = path.Split('?')[0];
                if (!visited.Add(path) || (variants[bare] = variants.GetValueOrDefault(bare) + 1) > VariantsPerPath)
                {
                    continue;
                }
                var response = await page.GotoAsync(app.BaseUrl + path);
                if (response is null || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
                {
                    continue;
                }
                await ScanAsync(path);
                foreach (var href in await page.EvalOnSelectorAllAsync<string[]>("a[href]:not([download])", "links => links.map(a => a.getAttribute('href'))"))
                {
                    if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/api/", StringComparison.Ordinal)
                        && !href.StartsWith("/logout", StringComparison.Ordinal) && !Regex.IsMatch(href, @"\.(csv|ics|json|png|jpe?g|webp|pdf)(\?|$)"))
                    {
                        queue.Enqueue(href.Split('#')[0]);
                    }
                }
            }
            scanned += visited.Count;

            // What only a click shows.
            if (role is "owner" or "practitioner")
            {
                await page.GotoAsync(app.BaseUrl + "/clients/new");
                await page.GetByLabel("Family name").FillAsync("Scan");
                await page.GetByLabel("Date of birth").FillAsync("2999-01-01");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
                await page.Locator("[role=alert], .field-error").First.WaitForAsync();
                await ScanAsync("a new client with mistakes");

                await page.GotoAsync(app.BaseUrl + $"/clients/{Cupwise.DemoPractice.NeckClientId}");
                await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
                await page.WaitForURLAsync("**/sessions/*");
                await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.GetByRole(AriaRole.Button, new() { Name = "Back of neck", Exact = true }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Upper back, beside the spine, left", Exact = true }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply cup 2" })).ToBeVisibleAsync();
                await ScanAsync("a session with two cups planned");
                await page.GetByRole(AriaRole.Button, new() { Name = "Discard draft" }).ClickAsync();
                await page.GetByLabel("Why (optional)").FillAsync("Scanned the page");
                await page.GetByRole(AriaRole.Button, new() { Name = "Discard this draft" }).ClickAsync();
                await ScanAsync("a discarded draft");
            }
            if (role is "owner" or "front desk")
            {
                await page.GotoAsync(app.BaseUrl + $"/calendar/book?client={Cupwise.DemoPractice.BackClientId}&time=07:00");
                await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
                await page.Locator("[role=status], [role=alert]").First.WaitForAsync();
                await ScanAsync("a booking outside working hours");
            }
        }
        Assert.True(scanned >= 40, $"Only {scanned} pages were reached; the crawl lost its way.");
        Assert.True(findings.Count == 0, $"{findings.Count} places show what people do not say:\n" + string.Join("\n", findings.Distinct()));
    }

    /// <summary>What a person sees or hears on the page, one piece per line.</summary>
    private static async Task<string> ReadableTextAsync(IPage page) => await page.EvaluateAsync<string>("""
        () => {
          const parts = [document.title];
          // Each piece of text on its own (so that two neighbouring buttons do not run together), hidden or not: a closed
          // section opens with a click.
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || el.closest('script, style, template, noscript')) continue;
            if (n.textContent.trim()) parts.push(n.textContent);
          }
          for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]'))
            for (const a of ['title', 'aria-label', 'placeholder', 'alt']) { const v = el.getAttribute(a); if (v) parts.push(v); }
          for (const el of document.querySelectorAll('option, svg title, svg text')) parts.push(el.textContent);
          return parts.join('\n');
        }
        """);

    /// <summary>Words that are fine although they look like code: units and product names.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal) { "mmHg", "iCalendar", "PostgreSQL", "SQLite", "OpenAPI", "JavaScript" };

    private static IEnumerable<string> Check(string text, IReadOnlySet<string> slugs)
    {
        // Addresses are shown on purpose (logins, the invitation link, the practice's site).
        text = EmailOrUrl().Replace(text, " ");
        // Time zones are picked by their usual names, "Europe/London", as in every operating system.
        text = ZoneName().Replace(text, " ");
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct())
        {
            foreach (Match m in Guid().Matches(line)) yield return $"an id \"{m.Value}\" in \"{Cut(line)}\"";
            foreach (Match m in FieldPath().Matches(line)) yield return $"a field path \"{m.Value}\" in \"{Cut(line)}\"";
            foreach (Match m in CamelCase().Matches(line).Where(m => !Allowed.Contains(m.Value))) yield return $"a code name \"{m.Value}\" in \"{Cut(line)}\"";
            foreach (Match m in FileName().Matches(line)) yield return $"a file name \"{m.Value}\" in \"{Cut(line)}\"";
            foreach (Match m in Route().Matches(line)) yield return $"a route \"{m.Value}\" in \"{Cut(line)}\"";
            foreach (Match m in SlugLike().Matches(line).Where(m => slugs.Contains(m.Value))) yield return $"a slug \"{m.Value}\" in \"{Cut(line)}\"";
        }
    }

    private static string Cut(string line) => line.Length > 160 ? line[..160] + "…" : line;

    /// <summary>
    /// Every id in Cupwise's own data files (sites, cups, protocols, rules, conditions, medicines) and every API name
    /// of its choices, where it could not pass for a word: those with a hyphen or a dot.
    /// </summary>
    private static HashSet<string> Slugs()
    {
        var domain = Path.Combine(Repository.Root(), "src", "Cupwise.Domain");
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(domain, "*.json", SearchOption.AllDirectories).Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            Collect(JsonNode.Parse(File.ReadAllText(file)), slugs);
        }
        foreach (var type in typeof(Cupwise.Domain.Sessions.Technique).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic))
        {
            foreach (var name in Enum.GetNames(type))
            {
                slugs.Add(JsonNamingPolicy.KebabCaseLower.ConvertName(name));
            }
        }
        slugs.RemoveWhere(s => !s.Contains('-') && !s.Contains('.'));
        return slugs;
    }

    private static void Collect(JsonNode? node, HashSet<string> slugs)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key is "id" or "cup" && value is JsonValue v && v.TryGetValue<string>(out var id)) slugs.Add(id);
                    Collect(value, slugs);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, slugs);
                break;
        }
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+|https?://\S+")]
    private static partial Regex EmailOrUrl();

    [GeneratedRegex(@"\b(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[\w/+-]+")]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-|\b[0-9a-f]{8}-…")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\b[a-z][A-Za-z]*\[\d+\](\.[a-z][A-Za-z]*)?")]
    private static partial Regex FieldPath();

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[\w-]+\.(md|json|cs|razor|txt|ya?ml|dll|db|sqlite)\b|§")]
    private static partial Regex FileName();

    [GeneratedRegex(@"\b(GET|POST|PUT|PATCH|DELETE) /|\{\w+:\w+\}")]
    private static partial Regex Route();

    [GeneratedRegex(@"(?<![\w.-])[a-z0-9]+(?:[-.][a-z0-9]+)+(?![\w-])")]
    private static partial Regex SlugLike();
}
