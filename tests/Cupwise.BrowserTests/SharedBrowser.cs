using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Cupwise.BrowserTests.SharedBrowser))]

namespace Cupwise.BrowserTests;

/// <summary>
/// One Debian Chromium for the whole test run: each <see cref="BrowserApp"/> opens its own browser profiles
/// (contexts) in it and closes them when it stops, so no cookie or storage passes between tests, while the
/// second-long browser start is paid once.
/// </summary>
public sealed class SharedBrowser : IAsyncLifetime
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The run's browser, started here if the assembly fixture has not (a test run from elsewhere).</summary>
    internal static async Task<IBrowser> GetAsync()
    {
        if (_browser is { IsConnected: true }) return _browser;
        _playwright ??= await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return _browser;
    }

    public async ValueTask InitializeAsync() => await GetAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _browser = null;
        _playwright = null;
    }
}
