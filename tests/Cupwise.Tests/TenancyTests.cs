using System.Net;
using System.Net.Http.Json;
using Cupwise.Clients;
using Cupwise.Data.Accounts;
using Cupwise.Marks;
using Cupwise.Outcomes;
using Cupwise.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

/// <summary>Two practices on one server: neither reaches the other's records by any id — 404, never 403, nothing written.</summary>
public sealed class TenancyTests
{
    [Fact]
    public async Task AnotherPracticesRecordsAreNotFoundAndCannotBeChanged()
    {
        await using var app = await CupwiseApp.StartAsync();
        // Practice A (the app's own): a client with a session, an outcome, an appointment and a photo.
        var client = await app.NewClientAsync("Private", "Person");
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var outcome = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("pain", 6, "before-session", session.Id, session.StartedAt) { Reason = "Charted afterwards" }))
            .ReadAsync<OutcomeResponse>(HttpStatusCode.Created);
        var appointment = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), 45, "Room 1", [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var photo = await (await app.Client.PostAsync($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(PhotoFiles.Png(8, 8), "back.png", ("siteId", "upper-back"), ("side", "left"))))
            .ReadAsync<MarkPhotoResponse>(HttpStatusCode.Created);
        var before = await Counts(app);

        // Practice B's owner, and B's own client.
        var other = await app.AddPracticeAsync("Other practice");
        var b = await app.ClientAsAsync(UserRole.Owner, other);
        var own = await (await b.PostAsJsonAsync("/api/v1/clients", Requests.Client("Theirs", "Only"), CupwiseApp.Json)).ReadAsync<ClientResponse>(HttpStatusCode.Created);

        string[] reads =
        [
            $"/api/v1/clients/{client.Id}", $"/api/v1/clients/{client.Id}/sessions", $"/api/v1/sessions/{session.Id}",
            $"/api/v1/clients/{client.Id}/outcomes", $"/api/v1/clients/{client.Id}/sites/eligibility", $"/api/v1/clients/{client.Id}/photos",
            $"/api/v1/photos/{photo.Id}", $"/api/v1/clients/{client.Id}/plans", $"/api/v1/clients/{client.Id}/next-slots",
            $"/api/v1/practitioners/{practitioner.Id}/appointments", $"/api/v1/clients/{client.Id}/adverse-events", $"/api/v1/clients/{client.Id}/mark-observations",
            $"/clients/{client.Id}", $"/clients/{client.Id}/summary", $"/clients/{client.Id}/edit", $"/sessions/{session.Id}",
        ];
        foreach (var path in reads)
        {
            var response = await b.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var changed = Requests.Client("Changed", "ByB") with { Version = client.Version };
        var writes = new (string Path, HttpContent Body, HttpMethod Method)[]
        {
            ($"/api/v1/clients/{client.Id}", JsonContent.Create(changed, options: CupwiseApp.Json), HttpMethod.Put),
            ($"/api/v1/clients/{client.Id}/outcomes", JsonContent.Create(new OutcomeRequest("pain", 0, "before-session", null, session.StartedAt), options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/sessions/{session.Id}/amendments", JsonContent.Create(new { version = session.Version, amendedBy = "B", reason = "test", notes = "changed" }, options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/sessions/{session.Id}/entered-in-error", JsonContent.Create(new { version = session.Version, amendedBy = "B", reason = "test" }, options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/appointments/{appointment.Id}/move", JsonContent.Create(new MoveAppointmentRequest(appointment.Version, appointment.Start.AddDays(1), 45, null), options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/appointments/{appointment.Id}/cancel", JsonContent.Create(new CancelAppointmentRequest("by B"), options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/photos/{photo.Id}/entered-in-error", JsonContent.Create(new EnteredInErrorRequest("by B"), options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/clients/{client.Id}/photos", PhotoFiles.Form(PhotoFiles.Png(8, 8), "x.png", ("siteId", "upper-back"), ("side", "left")), HttpMethod.Post),
            ($"/api/v1/appointments", JsonContent.Create(new AppointmentRequest(client.Id, practitioner.Id, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), 45, null, []), options: CupwiseApp.Json), HttpMethod.Post),
            ($"/api/v1/sessions", JsonContent.Create(Requests.CompletedSession(client.Id, practitioner.Id, 1, session.StartedAt!.Value.AddDays(3)), options: CupwiseApp.Json), HttpMethod.Post),
        };
        foreach (var (path, body, method) in writes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            var response = await b.SendAsync(request);
            // Someone else's client is as unknown as a client that does not exist: 404 (or, where the id is in the body, a refusal naming the field).
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(before, await Counts(app));
        var list = await b.GetStringAsync("/api/v1/clients");
        Assert.Contains(own.Id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Id, list, StringComparison.Ordinal);
        // A's record is as it was.
        var unchanged = await app.GetAsync<ClientResponse>($"/api/v1/clients/{client.Id}");
        Assert.Equal(("Private", client.Version), (unchanged.FamilyName, unchanged.Version));
        Assert.Equal(outcome.Id, (await app.GetAsync<List<OutcomeResponse>>($"/api/v1/clients/{client.Id}/outcomes")).Single().Id);
    }

    [Fact]
    public async Task AClientLoginSeesItsOwnRecordAndNoOneElses()
    {
        await using var app = await CupwiseApp.StartAsync();
        var mine = await app.NewClientAsync("Own", "Record");
        var someoneElse = await app.NewClientAsync("Someone", "Else");
        var me = await app.ClientAsAsync(UserRole.Client, clientId: Guid.Parse(mine.Id));
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/api/v1/clients/{mine.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync($"/clients/{mine.Id}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/v1/clients/{someoneElse.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync($"/api/v1/clients/{someoneElse.Id}/sessions")).StatusCode);
        var notMine = await me.GetAsync($"/clients/{someoneElse.Id}/summary");
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Contains("No such page, client, session or plan in this practice.", await notMine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync("/api/v1/clients")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await me.PutAsJsonAsync($"/api/v1/clients/{mine.Id}", Requests.Client() with { Version = mine.Version }, CupwiseApp.Json)).StatusCode);
    }

    private static Task<(int, int, int, int, int, int, string)> Counts(CupwiseApp app) => app.QueryAsync(async db => (
        await db.Clients.CountAsync(), await db.Sessions.CountAsync(), await db.Outcomes.CountAsync(), await db.Appointments.CountAsync(a => a.Status == Domain.Scheduling.AppointmentStatus.Booked),
        await db.MarkPhotos.CountAsync(p => !p.EnteredInError), await db.SessionAmendments.CountAsync(),
        string.Join(",", await db.Appointments.Select(a => a.Start.ToString()).ToListAsync())));
}
