using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>
/// Two <c>cupwise serve</c> on one PostgreSQL database behind Debian's nginx (docs/deploy.md): a person signs in
/// through nginx, charts a session, the server that took it is killed with SIGKILL, and the same browser goes on
/// through the other server — same cookie, the record there, one audit chain.
/// </summary>
internal static partial class TwoInstances
{
    private const string Password = "two-servers-harbour-quiet";
    private const string Email = "owner@two.test";

    public static async Task<int> RunAsync(string exe, string postgres, string nginx)
    {
        var folder = Directory.CreateTempSubdirectory("cupwise-two-").FullName;
        var name = $"cupwise_two_{Guid.NewGuid():N}"[..26];
        var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = name, Pooling = false }.ToString();
        var servers = new List<Process>();
        Process? proxy = null;
        var problems = new List<string>();
        try
        {
            await AdminAsync(postgres, $"CREATE DATABASE {name}");
            await CliAsync(exe, connection, null, "practice", "add", "Two servers");
            await CliAsync(exe, connection, Password + "\n", "user", "add", "--practice", "Two servers", "--email", Email, "--role", "owner", "--password-stdin");

            var ports = new[] { FreePort(), FreePort() };
            var front = FreePort();
            var publicUrl = $"http://127.0.0.1:{front}";
            foreach (var port in ports)
            {
                servers.Add(Serve(exe, port, connection, publicUrl));
            }
            foreach (var port in ports)
            {
                await WaitHealthyAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
            }
            proxy = StartNginx(nginx, folder, front, ports);
            await WaitHealthyAsync(new Uri($"{publicUrl}/healthz"));

            var cookies = new CookieContainer();
            using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(publicUrl) };
            var login = await browser.GetStringAsync("/login");
            var token = WebUtility.HtmlDecode(Antiforgery().Match(login).Groups[1].Value);
            var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Form.Email"] = Email, ["Form.Password"] = Password, ["Form.Code"] = "",
            }));
            Check(problems, signedIn.StatusCode == HttpStatusCode.Redirect, $"signing in through nginx answered {(int)signedIn.StatusCode}");

            var client = await CreateAsync(browser, "/api/v1/clients", new { familyName = "Twofold", givenName = "Test", dateOfBirth = "1980-01-01", sex = "unknown" });
            var practitioner = await CreateAsync(browser, "/api/v1/practitioners", new { displayName = "Two servers" });
            var first = await browser.PostAsJsonAsync("/api/v1/sessions", Session(client, practitioner, 0));
            var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var upstream = first.Headers.TryGetValues("X-Upstream", out var v) ? v.Single() : "";
            var charted = Array.FindIndex(ports, p => upstream.EndsWith($":{p}", StringComparison.Ordinal));
            Check(problems, charted >= 0, $"nginx did not say which server answered ({upstream})");
            Console.WriteLine($"Two servers: signed in through nginx and charted session {firstId} on the server at {upstream}; killing it.");

            servers[Math.Max(charted, 0)].Kill(entireProcessTree: true);
            await servers[Math.Max(charted, 0)].WaitForExitAsync();

            var chart = await browser.GetAsync($"/clients/{client}");
            Check(problems, chart.StatusCode == HttpStatusCode.OK, $"the chart through the other server answered {(int)chart.StatusCode}");
            Check(problems, (await chart.Content.ReadAsStringAsync()).Contains("Twofold", StringComparison.Ordinal), "the chart through the other server does not show the client");
            var again = await browser.GetAsync($"/api/v1/sessions/{firstId}");
            Check(problems, again.StatusCode == HttpStatusCode.OK, $"the session charted before the kill answered {(int)again.StatusCode} through the other server");
            var second = await browser.PostAsJsonAsync("/api/v1/sessions", Session(client, practitioner, 60));
            Check(problems, second.StatusCode == HttpStatusCode.Created, $"charting on the other server answered {(int)second.StatusCode}");
            var otherUpstream = second.Headers.TryGetValues("X-Upstream", out var w) ? w.Single() : "";
            Check(problems, otherUpstream != upstream && otherUpstream.Length > 0, $"the second session was answered by {otherUpstream}, not by the other server");
            var secondId = second.StatusCode == HttpStatusCode.Created ? (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : Guid.Empty;

            // The survivor chains what is left in the outbox with its next batch; give it a moment.
            var database = DatabaseSettings.Resolve(new NpgsqlConnectionStringBuilder(postgres) { Database = name }.ToString(), null);
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(40))
            {
                await using var db = database.CreateContext(new PracticeScope());
                if (await db.AuditOutbox.CountAsync() == 0)
                {
                    break;
                }
                await Task.Delay(500);
            }
            await using (var db = database.CreateContext(new PracticeScope()))
            {
                var creates = await db.AuditEntries.AsNoTracking().Where(e => e.Action == "create").Select(e => e.What).ToListAsync();
                Check(problems, creates.Any(w => w.Contains(firstId.ToString(), StringComparison.Ordinal)), "the audit entry of the session charted before the kill is missing");
                Check(problems, creates.Any(w => w.Contains(secondId.ToString(), StringComparison.Ordinal)), "the audit entry of the session charted after the kill is missing");
                var chain = await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable());
                Check(problems, chain.Break is null, $"the audit chain is broken: {chain.Break?.Problem}");
                Check(problems, await db.AuditOutbox.CountAsync() == 0, "entries were left in the outbox");
                Console.WriteLine($"Two servers: after the kill the other server showed the chart, the first session and took a second; the audit chain has {chain.Count} entries{(chain.Break is null ? ", intact" : ", BROKEN")}.");
            }
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TimeoutException or NpgsqlException)
        {
            problems.Add(e.Message);
        }
        finally
        {
            foreach (var server in servers.Where(s => !s.HasExited))
            {
                server.Kill(entireProcessTree: true);
            }
            if (proxy is { HasExited: false })
            {
                proxy.Kill(entireProcessTree: true);
                await proxy.WaitForExitAsync();
            }
            try
            {
                NpgsqlConnection.ClearAllPools();
                await AdminAsync(postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
            catch (NpgsqlException e)
            {
                Console.Error.WriteLine($"The database {name} could not be dropped: {e.Message}");
            }
            Directory.Delete(folder, recursive: true);
        }
        foreach (var problem in problems)
        {
            Console.WriteLine("  FAILED: " + problem);
        }
        Console.WriteLine($"  succeeded: {(problems.Count == 0 ? 1 : 0)}");
        Console.WriteLine($"  failed: {(problems.Count == 0 ? 0 : 1)}");
        return problems.Count == 0 ? 0 : 1;
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }

    private static object Session(Guid client, Guid practitioner, int minutes)
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero).AddMinutes(minutes);
        return new
        {
            clientId = client, practitionerId = practitioner, status = "completed", startedAt = start, endedAt = start.AddMinutes(25),
            cups = new[]
            {
                new { cupId = "glass-large", siteId = "upper-back", side = "left", technique = "stationary", method = "fire-cotton-ball", plannedDurationMin = 10, appliedAt = start, removedAt = start.AddMinutes(10), markGrade = 2, sensation = "strong" },
            },
        };
    }

    private static async Task<Guid> CreateAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{path} through nginx: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Process StartNginx(string nginx, string folder, int front, int[] ports)
    {
        var conf = Path.Combine(folder, "nginx.conf");
        // The configuration of docs/deploy.md, on loopback and without TLS; X-Upstream says which server answered.
        File.WriteAllText(conf, $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                upstream cupwise {
                    ip_hash;
                    server 127.0.0.1:{{ports[0]}} max_fails=1 fail_timeout=10s;
                    server 127.0.0.1:{{ports[1]}} max_fails=1 fail_timeout=10s;
                }
                server {
                    listen 127.0.0.1:{{front}};
                    client_max_body_size 17m;
                    location / {
                        proxy_pass http://cupwise;
                        proxy_next_upstream error timeout;
                        proxy_http_version 1.1;
                        proxy_set_header Host $host:$server_port;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        add_header X-Upstream $upstream_addr always;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", folder, "-c", conf, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(a);
        }
        return Process.Start(start)!;
    }

    private static Process Serve(string exe, int port, string connection, string publicUrl)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "serve", "--urls", $"http://127.0.0.1:{port}", "--db", connection, "--public-url", publicUrl })
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(Uri url)
    {
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} did not answer within 60 s");
    }

    private static async Task CliAsync(string exe, string connection, string? input, params string[] args)
    {
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args.Concat(["--db", connection]))
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cupwise {string.Join(' ', args)}: {error}");
        }
    }

    private static async Task AdminAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
