using System.Net;
using Cupwise.Audit;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

/// <summary>Every access to client data is on record, in a chain that shows any edit or removal.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task ARequestTheFrameworkRefusesIsRecordedWithTheStatusItWasAnswered()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        foreach (var body in new[] { "{", "{ \"familyName\": 42 }" })
        {
            var response = await app.Client.PutAsync($"/api/v1/clients/{client.Id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        await app.FlushAuditAsync();
        var clientId = Guid.Parse(client.Id);
        var writes = await app.QueryAsync(db => db.AuditEntries.Where(e => e.ClientId == clientId && e.What == "PUT /api/v1/clients/{id}").Select(e => e.Outcome).ToListAsync());
        Assert.Equal(["400", "400"], writes);
    }

    [Fact]
    public async Task ReadsChangesAndRefusalsAreRecordedAgainstTheClient()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var clinician = await app.ClientAsAsync(UserRole.Practitioner);
        var desk = await app.ClientAsAsync(UserRole.FrontDesk);

        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/api/v1/clients/{client.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await clinician.PostAsync("/api/v1/sessions",
            System.Net.Http.Json.JsonContent.Create(Requests.CompletedSession(client.Id, practitioner.Id, 1, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)), options: CupwiseApp.Json))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync($"/api/v1/clients/{client.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync($"/clients/{client.Id}")).StatusCode);
        await app.FlushAuditAsync();

        var clientId = Guid.Parse(client.Id);
        var entries = await app.QueryAsync(db => db.AuditEntries.Where(e => e.ClientId == clientId).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Contains(entries, e => e is { Action: "read", What: "GET /api/v1/clients/{id}", Outcome: "200" } && e.Actor.StartsWith("owner@my-practice.test (token ", StringComparison.Ordinal));
        Assert.Contains(entries, e => e is { Action: "create" } && e.What.StartsWith("TreatmentSession ", StringComparison.Ordinal) && e.Actor.StartsWith("practitioner-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e is { Action: "create" } && e.What.StartsWith("CupApplication ", StringComparison.Ordinal));
        Assert.Contains(entries, e => e is { Action: "read", Outcome: "403" } && e.Actor.StartsWith("frontdesk-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e is { Action: "read", What: "GET /clients/{Id:guid}", Outcome: "200" });
        // The log page tells each entry as what the person did.
        var said = entries.Select(Cupwise.Audit.AuditWords.What).ToList();
        Assert.Contains("Read a client through the API", said);
        Assert.Contains("Opened a client's chart", said);
        Assert.Contains("Added a session", said);
        Assert.Contains("Added cup 1", said);
        // Never the query string, never a name.
        Assert.DoesNotContain(entries, e => e.What.Contains('?') || e.What.Contains("Example", StringComparison.Ordinal));

        var access = await app.GetAsync<List<ClientAccessResponse>>($"/api/v1/clients/{client.Id}/access");
        Assert.Equal(3, access.Count);
        Assert.Contains(access, a => a.Actor.StartsWith("practitioner-", StringComparison.Ordinal) && a.Writes > 0);
        var chart = await app.Client.GetStringAsync($"/clients/{client.Id}/access");
        Assert.Contains("Who saw this record", chart, StringComparison.Ordinal);
        Assert.Contains("practitioner-", chart, StringComparison.Ordinal);
        Assert.Contains("/access\">Who saw this record", await app.Client.GetStringAsync($"/clients/{client.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Who saw this record", await clinician.GetStringAsync($"/clients/{client.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync($"/clients/{client.Id}/access")).StatusCode);
    }

    [Fact]
    public async Task VerifyPassesOnAnIntactLogAndNamesTheFirstEditedOrRemovedEntry()
    {
        await using (var app = await CupwiseApp.StartAsync())
        {
            var client = await app.NewClientAsync();
            for (var i = 0; i < 5; i++)
            {
                await app.Client.GetAsync($"/api/v1/clients/{client.Id}");
            }
            await app.FlushAuditAsync();
            Assert.True(await app.QueryAsync(db => db.AuditEntries.CountAsync()) >= 6);

            var args = TestDatabase.CliArgs(app.Database);
            var intact = await Cli.RunAsync(["audit", "verify", .. args]);
            Assert.True(intact.Exit == 0, intact.Err);
            Assert.Contains("is intact", intact.Out, StringComparison.Ordinal);

            // Someone with the database file changes what entry 3 says…
            await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Outcome\" = '404' WHERE \"Sequence\" = 3"));
            var edited = await Cli.RunAsync(["audit", "verify", .. args]);
            Assert.Equal(3, edited.Exit);
            Assert.Contains("entry 3 was changed after it was written", edited.Err, StringComparison.Ordinal);

            // …or removes entry 3 and recomputes its own hash to match: the next entry still points at the original.
            await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries WHERE \"Sequence\" = 3"));
            var removed = await Cli.RunAsync(["audit", "verify", .. args]);
            Assert.Equal(3, removed.Exit);
            Assert.Contains("entry 3 is missing", removed.Err, StringComparison.Ordinal);

            var csv = await app.Client.GetStringAsync("/api/v1/audit?format=csv");
            Assert.StartsWith("sequence,at_utc,user_id,actor,practice_id,client_id,action,what,outcome,previous_hash,hash", csv, StringComparison.Ordinal);
            var badDate = await app.Client.GetAsync("/api/v1/audit?from=yesterday");
            Assert.Contains("from", (await badDate.ProblemFieldsAsync()).Keys);
        }
    }

    [Fact]
    public async Task TheChainStaysWholeUnderConcurrentRequests()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => app.Client.GetAsync($"/api/v1/clients/{client.Id}")));
        await app.FlushAuditAsync();
        var all = await app.QueryAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync());
        Assert.Null(AuditChain.Verify(all));
        Assert.True(all.Count(e => e.What == "GET /api/v1/clients/{id}") == 40);
    }

    [Fact]
    public async Task TheEntryOfAWriteIsCommittedWithItBeforeTheAnswer()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var clientId = Guid.Parse(client.Id);
        // At once, without waiting for the writer: the entry is in the database the moment the caller has the 201,
        // in the outbox if not yet chained, so a crash now would lose nothing.
        var recorded = await app.QueryAsync(async db =>
            await db.AuditOutbox.CountAsync(o => o.ClientId == clientId && o.Action == "create")
            + await db.AuditEntries.CountAsync(e => e.ClientId == clientId && e.Action == "create"));
        Assert.Equal(1, recorded);
    }

    [Fact]
    public async Task VerifyCountsWhatWaitsInTheOutboxAndTheNextStartChainsIt()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var app = await CupwiseApp.StartAsync(database: database))
        {
            await app.NewClientAsync();
            await app.FlushAuditAsync();
        }
        // As a crash right after a commit leaves it: an entry committed with its change, not yet chained.
        await using (var db = database.CreateContext(new Cupwise.Data.PracticeScope()))
        {
            db.AuditOutbox.Add(new AuditOutboxEntry { At = DateTimeOffset.UtcNow, Actor = "owner@my-practice.test", Action = "update", What = "Client left by a crash", Outcome = "ok" });
            await db.SaveChangesAsync();
        }
        var args = TestDatabase.CliArgs(database);
        var waiting = await Cli.RunAsync(["audit", "verify", .. args]);
        Assert.True(waiting.Exit == 0, waiting.Err);
        Assert.Contains("1 more entries were committed with their changes and wait in the outbox", waiting.Out, StringComparison.Ordinal);

        await using (var again = await CupwiseApp.StartAsync(database: database))
        {
            await again.FlushAuditAsync();
            Assert.Equal(0, await again.QueryAsync(db => db.AuditOutbox.CountAsync()));
            Assert.Equal(1, await again.QueryAsync(db => db.AuditEntries.CountAsync(e => e.What == "Client left by a crash")));
        }
        var chained = await Cli.RunAsync(["audit", "verify", .. args]);
        Assert.Contains("is intact", chained.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing waits in the outbox", chained.Out, StringComparison.Ordinal);
    }
}
