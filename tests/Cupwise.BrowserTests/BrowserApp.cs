using Cupwise.Accounts;
using Cupwise.Data;
using Cupwise.Data.Accounts;
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
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private IBrowserContext? _signedIn;

    public const string Password = "tidal-heron-copper-lantern";

    private BrowserApp(WebApplication app, IBrowser browser, string baseUrl)
    {
        _app = app;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The login <see cref="OpenAsync"/> signs in with: the demo's owner, or the owner of "My practice".</summary>
    public (string Email, string Password) Owner { get; private set; }

    public Guid PracticeId { get; private set; }

    /// <param name="clock">An injected clock, so that timers can run without waiting real minutes.</param>
    /// <param name="database">The database to serve; a new SQLite file when not given.</param>
    public static async Task<BrowserApp> StartAsync(bool demo, TimeProvider? clock = null, DatabaseSettings? database = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cupwise-browser-tests", Guid.NewGuid().ToString("N"));
        var app = await CupwiseWebApp.BuildAsync(new ServeOptions(database ?? DatabaseSettings.Resolve(null, directory), "http://127.0.0.1:0", demo, clock),
            builder => builder.Logging.ClearProviders());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var started = new BrowserApp(app, await SharedBrowser.GetAsync(), address);
        if (demo)
        {
            var owner = app.Services.GetRequiredService<DemoLogins>().For(UserRole.Owner);
            started.Owner = (owner.Email, owner.Password);
            started.PracticeId = DemoPractice.PracticeId;
        }
        else
        {
            started.PracticeId = await started.AddPracticeAsync("My practice");
            started.Owner = (await started.AddUserAsync(started.PracticeId, "owner@my-practice.test", UserRole.Owner), Password);
        }
        return started;
    }

    /// <summary>The PostgreSQL server the test script started (CUPWISE_TEST_POSTGRES), or null when there is none.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("CUPWISE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>A new, empty database on the test script's PostgreSQL server.</summary>
    public static async Task<DatabaseSettings> NewPostgresDatabaseAsync()
    {
        var server = PostgresServer ?? throw new InvalidOperationException("CUPWISE_TEST_POSTGRES is not set: run ./test.sh, which starts a PostgreSQL server.");
        var name = $"cupwise_browser_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        return DatabaseSettings.Resolve(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), null);
    }

    public async Task<Guid> AddPracticeAsync(string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().AddPracticeAsync(name);
        return result.Value?.Id ?? throw new InvalidOperationException(result.Error);
    }

    public async Task<string> AddUserAsync(Guid practiceId, string email, UserRole role, Guid? clientId = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().AddUserAsync(practiceId, email, role, Password, clientId);
        return result.Succeeded ? email : throw new InvalidOperationException(result.Error);
    }

    /// <summary>Opens a page signed in as the owner (signing in once, through the login page, on first use).</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        if (_signedIn is null)
        {
            var (context, _) = await SignInAsync(Owner.Email, Owner.Password);
            _signedIn = context;
        }
        var page = await _signedIn.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        return page;
    }

    /// <summary>A page in a fresh profile that has not signed in.</summary>
    public async Task<IPage> OpenAnonymousAsync(string path)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        return page;
    }

    /// <summary>A fresh browser profile signed in through the login page; returns it and the page it landed on.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string email, string password)
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return (context, page);
    }

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        _contexts.Add(context);
        return context;
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
        foreach (var context in _contexts) await context.CloseAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
