using BenchmarkDotNet.Attributes;
using Cupwise.Accounts;
using Cupwise.Audit;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cupwise.Benchmarks;

/// <summary>
/// Budget (accounts issue): authentication and audit together add under 1 ms to a client-chart API request (p50).
/// Measured piece by piece on the real app (SQLite file, in-memory server): what a request pays to be authenticated
/// (bearer token, or a browser's server-side session), authorized, and recorded — including the audit writer's
/// share of appending and chaining one entry — next to the whole request for scale.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class AccessBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _token = null!;
    private Guid _clientId;
    private Guid _sessionId;
    private System.Security.Claims.ClaimsPrincipal _principal = null!;
    private CurrentUser _user = null!;
    private AuditLog _audit = null!;
    private DatabaseSettings _database = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = DatabaseSettings.Resolve(null, Path.Combine(Path.GetTempPath(), "cupwise-bench-access", Guid.NewGuid().ToString("N")));
        _app = await CupwiseWebApp.BuildAsync(new ServeOptions(_database, "http://127.0.0.1:0", Demo: false), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        });
        await _app.StartAsync();
        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var practice = (await accounts.AddPracticeAsync("Bench practice")).Value!;
        var owner = (await accounts.AddUserAsync(practice.Id, "owner@bench.test", UserRole.Owner, "quiet-harbour-lantern-9")).Value!;
        _token = (await accounts.CreateTokenAsync(owner, "bench", null, AccountService.Actor.CommandLine)).Value.Secret;
        _sessionId = (await accounts.StartSessionAsync(owner)).Id;
        _client = _app.GetTestClient();
        _client.DefaultRequestHeaders.Authorization = new("Bearer", _token);
        var created = await _client.PostAsync("/api/v1/clients", new StringContent(
            """{"familyName":"Bench","givenName":"Client","dateOfBirth":"1980-01-01","sex":"female"}""", System.Text.Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        _clientId = Guid.Parse(System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
        _principal = new System.Security.Claims.ClaimsPrincipal(Access.Identity(owner, practice, "bench", null, null));
        _user = new CurrentUser(TimeProvider.System);
        _user.Load(_principal, new PracticeScope());
        _audit = _app.Services.GetRequiredService<AuditLog>();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>For scale: the whole request, GET /api/v1/clients/{id}, authenticated, authorized and audited.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> WholeClientRequest() => (int)(await _client.GetAsync($"/api/v1/clients/{_clientId}")).StatusCode;

    /// <summary>The bearer token: its hash looked up with its login and practice (one query), in a fresh unit of work.</summary>
    [Benchmark]
    public async Task<bool> AuthenticateBearerToken()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = "Bearer " + _token;
        var result = await context.AuthenticateAsync(AccountsSetup.Scheme);
        return result.Succeeded;
    }

    /// <summary>A browser's cookie: its server-side session checked for sign-out and timeouts (one query).</summary>
    [Benchmark]
    public async Task<bool> ValidateBrowserSession()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().TouchSessionAsync(_sessionId);
    }

    /// <summary>The role policy of the endpoint.</summary>
    [Benchmark]
    public async Task<bool> AuthorizeOwnRecordPolicy()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(_principal, Access.OwnRecord)).Succeeded;
    }

    /// <summary>What the request itself pays to be recorded: handing one entry to the writer.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public void RecordAuditEntry()
    {
        for (var i = 0; i < 1000; i++)
        {
            _audit.Record(_user.UserId, _user.Name, _user.PracticeId, _clientId, "read", "GET /api/v1/clients/{id}", "200");
        }
    }

    /// <summary>The writer's share per entry: resolving, chaining (SHA-256) and appending a batch of 100 in one transaction.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public Task AppendAuditEntryInABatchOf100() => AuditWriter.AppendAsync(_database,
        [.. Enumerable.Range(0, 100).Select(_ => new AuditRecord(DateTimeOffset.UtcNow, _user.UserId, _user.Name, _user.PracticeId, _clientId, "read", "GET /api/v1/clients/{id}", "200"))]);
}
