using System.Net.Http.Json;
using System.Text.Json;
using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data.Accounts;
using Cupwise.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cupwise.Tests;

/// <summary>
/// A fresh database for one test: an SQLite file in a temporary directory, or, when the test script sets
/// CUPWISE_TEST_POSTGRES, a new database on its throwaway PostgreSQL cluster.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "CUPWISE_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static async Task<DatabaseSettings> CreateAsync()
    {
        if (PostgresServer is { } server)
        {
            var name = $"cupwise_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                await command.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            return DatabaseSettings.Resolve(builder.ToString(), null);
        }
        return DatabaseSettings.Resolve(null, NewDirectory());
    }

    /// <summary>The command-line options that point <c>cupwise</c> at <paramref name="database"/>.</summary>
    public static string[] CliArgs(DatabaseSettings database) =>
        database.Provider == DatabaseProvider.PostgreSql
            ? ["--db", database.ConnectionString]
            : ["--data", Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource)!];

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cupwise-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>
/// The real Cupwise web app — the same builder as <c>cupwise serve</c>, with migrations, catalogue and (optionally)
/// the demo — on a real database, served in memory. A fresh app per test.
/// </summary>
public sealed class CupwiseApp : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private readonly WebApplication _app;

    public const string Password = "tidal-heron-copper-lantern";

    private readonly List<HttpClient> _clients = [];

    private CupwiseApp(WebApplication app, DatabaseSettings database)
    {
        _app = app;
        Database = database;
        Client = app.GetTestClient();
    }

    /// <summary>Signed in as the practice's owner (an API token), so that every endpoint of the practice is open.</summary>
    public HttpClient Client { get; }

    /// <summary>The same server with no credentials at all.</summary>
    public HttpClient Anonymous => Track(_app.GetTestClient());

    public DatabaseSettings Database { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>The practice <see cref="Client"/> acts for: the demo practice, or "My practice" made for the test.</summary>
    public Guid PracticeId { get; private set; }

    public static async Task<CupwiseApp> StartAsync(bool demo = false, DatabaseSettings? database = null, TimeProvider? clock = null, SessionLifetime? sessions = null,
        Uri? publicUrl = null)
    {
        database ??= await TestDatabase.CreateAsync();
        var app = await CupwiseWebApp.BuildAsync(new ServeOptions(database, "http://127.0.0.1:0", demo, clock, sessions, publicUrl), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            if (Environment.GetEnvironmentVariable("CUPWISE_TEST_LOG") is { Length: > 0 })
            {
                builder.Logging.AddConsole();
            }
        });
        await app.StartAsync();
        var started = new CupwiseApp(app, database);
        if (demo)
        {
            started.PracticeId = DemoPractice.PracticeId;
            started.Client.DefaultRequestHeaders.Authorization = new("Bearer", await started.TokenForAsync(DemoPractice.OwnerEmail));
        }
        else
        {
            // A restart on the same database finds the practice and its owner already there.
            await using var scope = app.Services.CreateAsyncScope();
            var existing = await scope.ServiceProvider.GetRequiredService<AccountService>().FindPracticeAsync("My practice");
            var practice = existing?.Id ?? await started.AddPracticeAsync("My practice");
            started.PracticeId = practice;
            var owner = existing is null ? await started.AddUserAsync(practice, "owner@my-practice.test", UserRole.Owner) : "owner@my-practice.test";
            started.Client.DefaultRequestHeaders.Authorization = new("Bearer", await started.TokenForAsync(owner));
        }
        return started;
    }

    public async Task<Guid> AddPracticeAsync(string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().AddPracticeAsync(name);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!.Id;
    }

    public async Task<string> AddUserAsync(Guid practiceId, string email, UserRole role, Guid? clientId = null, string password = Password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().AddUserAsync(practiceId, email, role, password, clientId);
        Assert.True(result.Succeeded, result.Error);
        return email;
    }

    public async Task<string> TokenForAsync(string email, int? expiresDays = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(email, "tests", expiresDays, AccountService.Actor.CommandLine);
        Assert.True(result.Succeeded, result.Error);
        return result.Value.Secret;
    }

    /// <summary>A client of this server that acts as a new login with <paramref name="role"/> (in <paramref name="practiceId"/>, or this practice).</summary>
    public async Task<HttpClient> ClientAsAsync(UserRole role, Guid? practiceId = null, Guid? clientId = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@test.invalid";
        await AddUserAsync(practiceId ?? PracticeId, email, role, clientId);
        var client = Track(_app.GetTestClient());
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenForAsync(email));
        return client;
    }

    /// <summary>A client of this server that sends <paramref name="token"/>.</summary>
    public HttpClient NewClient(string token)
    {
        var client = Track(_app.GetTestClient());
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public TestServer Server => _app.GetTestServer();

    /// <summary>A cookie-keeping browser on this server, signed in as no one yet.</summary>
    public FormBrowser NewBrowser() => new(_app.GetTestServer());

    /// <summary>Everything recorded so far is in the audit table.</summary>
    public Task FlushAuditAsync() => _app.Services.GetRequiredService<Cupwise.Audit.AuditLog>().FlushAsync();

    /// <summary>Runs a query as this practice, for assertions on what was (not) written.</summary>
    public async Task<T> QueryAsync<T>(Func<CupwiseDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PracticeScope>().Set(PracticeId);
        return await query(scope.ServiceProvider.GetRequiredService<CupwiseDbContext>());
    }

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    public async Task<T> GetAsync<T>(string url)
    {
        var response = await Client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public Task<HttpResponseMessage> PostAsync(string url, object body) => Client.PostAsJsonAsync(url, body, Json);

    public Task<HttpResponseMessage> PutAsync(string url, object body) => Client.PutAsJsonAsync(url, body, Json);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Database.Provider == DatabaseProvider.PostgreSql)
        {
            // Close this test's idle pooled connections: the throwaway cluster has a connection limit, and a
            // finished test's database is never used again.
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}

public static class HttpAssert
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, CupwiseApp.Json)!;
    }

    /// <summary>Reads a validation problem and returns its field → messages map.</summary>
    public static async Task<Dictionary<string, string[]>> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"expected 400 but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
