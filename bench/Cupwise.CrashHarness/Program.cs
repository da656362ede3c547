using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// The crash harness (issue 15): `cupwise serve` is killed with SIGKILL, again and again, while concurrent writers
// post clients and charted sessions through the API. After every kill the server is started again, and at the end
// every write it acknowledged (answered 201) is looked for, with its audit entry; then the database's own integrity
// check and the audit chain. Exit 0 only if nothing acknowledged was lost.
//
//   cupwise-crash --exe src/Cupwise/bin/Debug/net10.0/cupwise --cycles 100 [--writers 4] [--postgres "Host=…;Username=…"]
//   cupwise-crash --two-instances --exe … --postgres "Host=…" [--nginx /usr/sbin/nginx]   (TwoInstances.cs)
//
// With --postgres, a fresh database is made on that server for the run and dropped after it; without, an SQLite file
// in a fresh folder.

if (args is ["--two-instances", "--exe", var twoExe, "--postgres", var twoPostgres, .. var rest])
{
    return await TwoInstances.RunAsync(Path.GetFullPath(twoExe), twoPostgres, rest is ["--nginx", var nginxPath] ? nginxPath : "/usr/sbin/nginx");
}
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: cupwise-crash --exe PATH --cycles N [--writers N] [--postgres CONNECTION]");
    return 2;
}
var run = new CrashRun(options);
try
{
    return await run.RunAsync();
}
finally
{
    await run.CleanUpAsync();
}

internal sealed record Options(string Exe, int Cycles, int Writers, string? Postgres)
{
    public static Options? Parse(string[] args)
    {
        string? exe = null, postgres = null;
        int cycles = 10, writers = 4;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--exe": exe = args[i + 1]; break;
                case "--cycles": cycles = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--writers": writers = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default: return null;
            }
        }
        return exe is null || cycles is < 1 or > 1000 || writers is < 1 or > 32 ? null : new Options(Path.GetFullPath(exe), cycles, writers, postgres);
    }
}

internal sealed class CrashRun(Options options)
{
    private const string Password = "crash-harbour-lantern-quiet";
    private readonly string _folder = Directory.CreateTempSubdirectory("cupwise-crash-").FullName;
    private readonly string? _database = options.Postgres is null ? null : $"cupwise_crash_{Guid.NewGuid():N}"[..28];
    private readonly List<(string Kind, Guid Id, double AckedBeforeKillSeconds)> _acknowledged = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _firstWrite = new();
    private int _faults;
    private int _cycleWrites;

    private string[] DatabaseArgs => _database is null
        ? ["--data", _folder]
        : ["--db", new NpgsqlConnectionStringBuilder(options.Postgres) { Database = _database, Pooling = false }.ToString()];

    private string Label => _database is null ? "SQLite" : "PostgreSQL";

    public async Task<int> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        if (_database is not null)
        {
            await AdminAsync($"CREATE DATABASE {_database}");
        }
        await CliAsync(null, "practice", "add", "Crash practice");
        await CliAsync(Password + "\n", "user", "add", "--practice", "Crash practice", "--email", "owner@crash.test", "--role", "owner", "--password-stdin");
        var token = (await CliAsync(null, "token", "create", "--email", "owner@crash.test", "--name", "crash")).Trim();

        Guid? clientId = null, practitionerId = null;
        var random = new Random(15);
        var kills = 0;
        for (var cycle = 1; cycle <= options.Cycles; cycle++)
        {
            var port = FreePort();
            var server = Serve(port);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await WaitHealthyAsync(http, server);
            clientId ??= await CreateAsync(http, "/api/v1/clients", ClientBody(0), "client");
            practitionerId ??= await CreateAsync(http, "/api/v1/practitioners", new { displayName = "Crash practitioner" }, "practitioner");

            using var stop = new CancellationTokenSource();
            var killAt = new TaskCompletionSource<DateTimeOffset>();
            _firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _cycleWrites = 0;
            var writers = Enumerable.Range(0, options.Writers).Select(w => WriteAsync(http, w, clientId.Value, practitionerId.Value, killAt.Task, stop.Token)).ToList();
            // A fresh server spends its first seconds compiling: the kill falls at a random moment once writes flow
            // (two acknowledged per writer).
            await _firstWrite.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromMilliseconds(200 + random.Next(1000)));
            killAt.SetResult(DateTimeOffset.UtcNow);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            kills++;
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Console.WriteLine($"{Label}: cycle {cycle}/{options.Cycles} — {Count()} acknowledged writes so far");
        }

        // Once more, to let the last start chain what the last kill left in the outbox, and then stop it cleanly.
        var final = Serve(FreePort(), out var finalPort);
        using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{finalPort}") })
        {
            await WaitHealthyAsync(http, final);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        final.Kill(entireProcessTree: false);
        await final.WaitForExitAsync();
        return await CheckAsync(kills, clock.Elapsed);
    }

    private int Count()
    {
        lock (_gate)
        {
            return _acknowledged.Count;
        }
    }

    private async Task<int> CheckAsync(int kills, TimeSpan elapsed)
    {
        var database = _database is null
            ? DatabaseSettings.Resolve(null, _folder)
            : DatabaseSettings.Resolve(new NpgsqlConnectionStringBuilder(options.Postgres) { Database = _database }.ToString(), null);
        await using var db = database.CreateContext(new PracticeScope());
        var clients = (await db.Clients.IgnoreQueryFilters().Select(c => c.Id).ToListAsync()).ToHashSet();
        var sessions = (await db.Sessions.IgnoreQueryFilters().Select(s => s.Id).ToListAsync()).ToHashSet();
        var chained = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "create").Select(e => e.What).ToListAsync();
        var waiting = await db.AuditOutbox.AsNoTracking().Where(e => e.Action == "create").Select(e => e.What).ToListAsync();
        var recorded = string.Join('\n', chained.Concat(waiting));

        List<(string Kind, Guid Id, double Before)> acknowledged;
        lock (_gate)
        {
            acknowledged = [.. _acknowledged];
        }
        var lostRows = acknowledged.Where(a => !(a.Kind == "client" ? clients : sessions).Contains(a.Id)).ToList();
        var lostEntries = acknowledged.Where(a => !recorded.Contains(a.Id.ToString(), StringComparison.Ordinal)).ToList();
        var lastSecond = acknowledged.Count(a => a.Before is >= 0 and < 1);

        var integrity = database.Provider == DatabaseProvider.Sqlite
            ? await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync() is [var only] ? only : "several problems"
            : "ok (PostgreSQL)";
        var chain = await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable());
        var outbox = await db.AuditOutbox.CountAsync();

        Console.WriteLine();
        Console.WriteLine($"{Label}: {kills} kill -9 cycles, {options.Writers} writers, {elapsed.TotalSeconds:0} s");
        Console.WriteLine($"  acknowledged writes:            {acknowledged.Count} ({acknowledged.Count(a => a.Kind == "client")} clients, {acknowledged.Count(a => a.Kind == "session")} sessions; {lastSecond} in the last second before a kill)");
        Console.WriteLine($"  acknowledged writes lost:       {lostRows.Count}");
        Console.WriteLine($"  their audit entries lost:       {lostEntries.Count}");
        Console.WriteLine($"  integrity check:                {integrity}");
        Console.WriteLine($"  audit chain:                    {(chain.Break is { } broken ? "BROKEN: " + broken.Problem : $"intact, {chain.Count} entries")}");
        Console.WriteLine($"  left in the outbox at the end:  {outbox}");
        foreach (var lost in lostRows.Concat(lostEntries).Take(10))
        {
            Console.WriteLine($"  lost: {lost.Kind} {lost.Id}, acknowledged {lost.Before:0.000} s before the kill");
        }
        var ok = lostRows.Count == 0 && lostEntries.Count == 0 && integrity.StartsWith("ok", StringComparison.Ordinal) && chain.Break is null && outbox == 0 && acknowledged.Count > 0;
        Console.WriteLine(ok ? "  PASSED" : "  FAILED");
        // In the form the test command counts: one check per database.
        Console.WriteLine($"  succeeded: {(ok ? 1 : 0)}");
        Console.WriteLine($"  failed: {(ok ? 0 : 1)}");
        return ok ? 0 : 1;
    }

    private async Task WriteAsync(HttpClient http, int writer, Guid clientId, Guid practitionerId, Task<DateTimeOffset> killed, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            n++;
            var session = (writer + n) % 2 == 0;
            try
            {
                var response = session
                    ? await http.PostAsJsonAsync("/api/v1/sessions", SessionBody(clientId, practitionerId, n), stop)
                    : await http.PostAsJsonAsync("/api/v1/clients", ClientBody(writer * 100_000 + n), stop);
                if (response.StatusCode != System.Net.HttpStatusCode.Created)
                {
                    if ((int)response.StatusCode < 500)
                    {
                        throw new InvalidOperationException($"a write was refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(stop)}");
                    }
                    if (Interlocked.Increment(ref _faults) <= 3)
                    {
                        Console.Error.WriteLine($"  a write failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(stop)}");
                    }
                    continue;
                }
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetGuid();
                var at = DateTimeOffset.UtcNow;
                lock (_gate)
                {
                    _acknowledged.Add((session ? "session" : "client", id, double.NaN));
                }
                if (Interlocked.Increment(ref _cycleWrites) >= 2 * options.Writers)
                {
                    _firstWrite.TrySetResult();
                }
                _ = killed.ContinueWith(t =>
                {
                    lock (_gate)
                    {
                        var i = _acknowledged.FindLastIndex(a => a.Id == id);
                        _acknowledged[i] = _acknowledged[i] with { AckedBeforeKillSeconds = (t.Result - at).TotalSeconds };
                    }
                }, TaskScheduler.Default);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or JsonException or IOException)
            {
                // The server is gone: nothing was acknowledged. Wait for the next one.
                if (killed.IsCompleted)
                {
                    return;
                }
            }
        }
    }

    private static object ClientBody(int n) => new { familyName = $"Crash{n}", givenName = "Test", dateOfBirth = "1980-01-01", sex = "unknown" };

    private static object SessionBody(Guid clientId, Guid practitionerId, int n)
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero).AddMinutes(n % 500);
        string[] sides = ["left", "right"];
        return new
        {
            clientId, practitionerId, status = "completed", startedAt = start, endedAt = start.AddMinutes(25), notes = "Crash harness",
            cups = Enumerable.Range(0, 4).Select(i => new
            {
                cupId = "glass-large", siteId = "upper-back", side = sides[i % 2], technique = "stationary", method = "fire-cotton-ball",
                plannedDurationMin = 10, appliedAt = start.AddMinutes(i), removedAt = start.AddMinutes(i + 10), markGrade = 2, sensation = "strong",
            }).ToList(),
        };
    }

    private async Task<Guid> CreateAsync(HttpClient http, string path, object body, string kind)
    {
        var response = await http.PostAsJsonAsync(path, body);
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (kind == "client")
        {
            lock (_gate)
            {
                _acknowledged.Add((kind, id, double.NaN));
            }
        }
        return id;
    }

    private Process Serve(int port) => Serve(port, out _);

    private Process Serve(int port, out int used)
    {
        used = port;
        var start = new ProcessStartInfo(options.Exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["serve", "--urls", $"http://127.0.0.1:{port}", .. DatabaseArgs])
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) { Console.Error.WriteLine("  serve: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process server)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"cupwise serve ended with {server.ExitCode} before it answered");
            }
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("cupwise serve did not answer /healthz within 60 s");
    }

    private async Task<string> CliAsync(string? input, params string[] args)
    {
        var start = new ProcessStartInfo(options.Exe) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args.Concat(DatabaseArgs))
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"cupwise {string.Join(' ', args)}: {error}");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Postgres) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task CleanUpAsync()
    {
        if (_database is not null)
        {
            try
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"The database {_database} could not be dropped: {e.Message}");
            }
        }
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
