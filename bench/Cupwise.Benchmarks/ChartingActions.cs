using System.Diagnostics;
using System.Globalization;
using Cupwise.Accounts;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Cupwise.Benchmarks;

/// <summary>
/// How long the charting page takes to answer each action, measured in the browser: from the click (or the change)
/// to the first change of the page that the server's answer makes, read with performance.now() and a
/// MutationObserver inside the page, so the test driver's own round trips are not counted. Runs a six-cup
/// session (place, change a cup's minutes, apply, remove with a grade, complete) a number of times on a real
/// `cupwise` app on SQLite, in Debian's Chromium. Not a test: it prints p50/p95/max per action.
/// Usage: dotnet run -c Release --project bench/Cupwise.Benchmarks -- charting-actions [rounds]
/// </summary>
public static class ChartingActions
{
    private const string Password = "tidal-heron-copper-lantern";

    private const string Probe = """
        window.__cw = { t0: 0, ms: [] };
        new MutationObserver(records => {
          // A running timer's tick is not an answer: only changes outside the countdowns count.
          const el = n => n.nodeType === 1 ? n : n.parentElement;
          const answer = records.some(r => !(el(r.target) && el(r.target).closest('[role=timer]')));
          if (answer && window.__cw.t0 > 0) { window.__cw.ms.push(performance.now() - window.__cw.t0); window.__cw.t0 = 0; }
        }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        """;

    public static async Task<int> RunAsync(int rounds)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cupwise-bench", Guid.NewGuid().ToString("N"));
        var app = await CupwiseWebApp.BuildAsync(new ServeOptions(DatabaseSettings.Resolve(null, directory), "http://127.0.0.1:0", false, null),
            builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var practice = await accounts.AddPracticeAsync("Bench practice");
            await accounts.AddUserAsync(practice.Value!.Id, "owner@bench.test", UserRole.Owner, Password, null);
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync("owner@bench.test");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var sites = new[] { "Upper back, beside the spine, left", "Upper back, beside the spine, right", "Mid back, beside the spine, left",
                            "Mid back, beside the spine, right", "Shoulder blade, left", "Shoulder blade, right" };
        var wall = Stopwatch.StartNew();
        // Round 0 warms up (the first render of each kind compiles code) and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            if (round == 1)
            {
                timings.Clear();
                wall.Restart();
            }
            // A new client each round: every session is a first one, on sites never cupped.
            await page.GotoAsync(baseUrl + "/clients/new");
            await page.GetByLabel("Family name").FillAsync($"Bench{round}");
            await page.GetByLabel("Given name").FillAsync("Client");
            await page.GetByLabel("Date of birth").FillAsync("1980-01-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save client" }).ClickAsync();
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/clients/[0-9a-f-]{36}$"));
            if (round == 0)
            {
                await page.GetByLabel("Your name (first practitioner)").FillAsync("Bench practitioner");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Start session" }).ClickAsync();
            await page.WaitForURLAsync("**/sessions/*");
            await page.Locator("[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
            await page.EvaluateAsync(Probe);

            for (var i = 0; i < sites.Length; i++)
            {
                var rows = page.GetByRole(AriaRole.Table, new() { Name = "Cups" }).GetByRole(AriaRole.Row);
                await TimeAsync(page, timings, "place a cup", () => page.GetByRole(AriaRole.Button, new() { Name = sites[i], Exact = true }).ClickAsync(),
                    () => Assertions.Expect(rows).ToHaveCountAsync(i + 2));
            }
            for (var n = 1; n <= 6; n++)
            {
                var minutes = page.GetByLabel($"Planned minutes for cup {n}");
                await minutes.FillAsync("5");
                await TimeAsync(page, timings, "change a planned cup", () => minutes.BlurAsync(),
                    () => Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = $"Cup {n}" })).ToContainTextAsync("5 min planned"));
            }
            for (var n = 1; n <= 6; n++)
            {
                await TimeAsync(page, timings, "apply a cup", () => page.GetByRole(AriaRole.Button, new() { Name = $"Apply cup {n}", Exact = true }).ClickAsync(),
                    () => Assertions.Expect(page.GetByRole(AriaRole.Timer, new() { Name = $"Time left for cup {n}" })).ToBeVisibleAsync());
            }
            for (var n = 1; n <= 6; n++)
            {
                await TimeAsync(page, timings, "open removal", () => page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true }).ClickAsync(),
                    () => Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = $"Mark grade for cup {n}" })).ToBeVisibleAsync());
                await TimeAsync(page, timings, "choose a grade", () => page.GetByRole(AriaRole.Group, new() { Name = $"Mark grade for cup {n}" }).GetByRole(AriaRole.Button, new() { Name = "Grade 2:" }).ClickAsync(),
                    () => Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Record removal of cup {n}" })).ToBeEnabledAsync());
                await TimeAsync(page, timings, "record a removal", () => page.GetByRole(AriaRole.Button, new() { Name = $"Record removal of cup {n}" }).ClickAsync(),
                    () => Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove cup {n}", Exact = true })).ToHaveCountAsync(0));
            }
            await page.GetByLabel("Pain after (0–10)").FillAsync("2");
            await TimeAsync(page, timings, "record pain", () => page.GetByRole(AriaRole.Button, new() { Name = "Record pain after" }).ClickAsync(),
                () => Assertions.Expect(page.GetByText("Recorded: 2")).ToBeVisibleAsync());
            await TimeAsync(page, timings, "complete the session", () => page.GetByRole(AriaRole.Button, new() { Name = "Complete session" }).ClickAsync(),
                () => Assertions.Expect(page.GetByText("Completed", new() { Exact = true })).ToBeVisibleAsync());
        }

        Console.WriteLine($"Charting page, {rounds} six-cup sessions, {wall.Elapsed.TotalSeconds:0} s; click to the page's answer, in the browser:");
        Console.WriteLine($"{"action",-22} {"n",5} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        var all = new List<double>();
        foreach (var (action, ms) in timings)
        {
            all.AddRange(ms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{action,-22} {ms.Count,5} {Percentile(ms, 50),8:0.0} {Percentile(ms, 95),8:0.0} {ms.Max(),8:0.0}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"every action",-22} {all.Count,5} {Percentile(all, 50),8:0.0} {Percentile(all, 95),8:0.0} {all.Max(),8:0.0}"));
        await app.StopAsync();
        await app.DisposeAsync();
        return 0;
    }

    private static async Task TimeAsync(IPage page, Dictionary<string, List<double>> timings, string action, Func<Task> act, Func<Task> answered)
    {
        // The click is timed in the page (its event's own timestamp), and the answer is the first change after it.
        await page.EvaluateAsync("() => { window.__cw.armed = true; }");
        await page.EvaluateAsync("""
            () => {
              const arm = e => { if (window.__cw.armed) { window.__cw.t0 = e.timeStamp; window.__cw.armed = false; } };
              if (!window.__cw.hooked) {
                for (const type of ['click', 'change']) document.addEventListener(type, arm, true);
                window.__cw.hooked = true;
              }
            }
            """);
        var before = await page.EvaluateAsync<int>("() => window.__cw.ms.length");
        await act();
        await answered();
        var after = await page.EvaluateAsync<double[]>("() => window.__cw.ms");
        if (after.Length > before)
        {
            (timings.TryGetValue(action, out var list) ? list : timings[action] = []).Add(after[before]);
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
