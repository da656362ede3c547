using System.Net.Http.Json;
using System.Text.Json;
using Cupwise.Api;
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

    private CupwiseApp(WebApplication app, DatabaseSettings database)
    {
        _app = app;
        Database = database;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }
    public DatabaseSettings Database { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<CupwiseApp> StartAsync(bool demo = false, DatabaseSettings? database = null, TimeProvider? clock = null)
    {
        database ??= await TestDatabase.CreateAsync();
        var app = await CupwiseWebApp.BuildAsync(new ServeOptions(database, "http://127.0.0.1:0", demo, clock), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new CupwiseApp(app, database);
    }

    /// <summary>Runs a query as the serving practice, for assertions on what was (not) written.</summary>
    public async Task<T> QueryAsync<T>(Func<CupwiseDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CupwiseDbContext>());
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
        await _app.StopAsync();
        await _app.DisposeAsync();
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
