using Cupwise.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Cupwise.BrowserTests;

/// <summary>
/// The real Cupwise server on a free loopback port (Kestrel, SQLite file), and Debian's Chromium driven by
/// Playwright — never a downloaded browser.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserApp(WebApplication app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _app = app;
        _playwright = playwright;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <param name="clock">An injected clock, so that timers can run without waiting real minutes.</param>
    public static async Task<BrowserApp> StartAsync(bool demo, TimeProvider? clock = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cupwise-browser-tests", Guid.NewGuid().ToString("N"));
        var app = await CupwiseWebApp.BuildAsync(new ServeOptions(DatabaseSettings.Resolve(null, directory), "http://127.0.0.1:0", demo, clock),
            builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserApp(app, playwright, browser, address);
    }

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(BaseUrl + path);
        return page;
    }

    /// <summary>Saves what the page looks like, for a person to check by eye (CUPWISE_SCREENSHOTS sets the folder).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Environment.GetEnvironmentVariable("CUPWISE_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
