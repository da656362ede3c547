using System.Net;
using Cupwise.Domain.Scheduling;
using Cupwise.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

public sealed class AppointmentsApiTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BookingsClashPerPractitionerAndPerRoom()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var a = await app.NewPractitionerAsync();
        var b = await app.NewPractitionerAsync();
        var first = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, a.Id, Tuesday.AddHours(9), 45, "Room 1", ["lower-back:left"])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        Assert.Equal(Tuesday.AddHours(9.75), first.End);

        var samePractitioner = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, a.Id, Tuesday.AddHours(9.5), 45, "Room 2", []));
        Assert.Equal(HttpStatusCode.Conflict, samePractitioner.StatusCode);
        Assert.Contains("practitioner is already booked", await samePractitioner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sameRoom = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, b.Id, Tuesday.AddHours(9.5), 45, "Room 1", []));
        Assert.Equal(HttpStatusCode.Conflict, sameRoom.StatusCode);
        var elsewhere = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, b.Id, Tuesday.AddHours(9.5), 45, "Room 2", []));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);

        var list = await app.GetAsync<List<AppointmentResponse>>($"/api/v1/practitioners/{a.Id}/appointments?from={Uri.EscapeDataString(Tuesday.ToString("O"))}");
        Assert.Equal(first.Id, Assert.Single(list).Id);
    }

    [Fact]
    public async Task AnAppointmentMovesWithItsVersionAndACancelFreesTheTime()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var booked = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, Tuesday.AddHours(9), 45, null, [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var moved = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", new MoveAppointmentRequest(booked.Version, Tuesday.AddHours(14), null, null)))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal((Tuesday.AddHours(14), Tuesday.AddHours(14.75)), (moved.Start, moved.End));
        var stale = await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", new MoveAppointmentRequest(booked.Version, Tuesday.AddHours(15), null, null));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var noReason = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/cancel", new CancelAppointmentRequest(null))).ProblemFieldsAsync();
        Assert.Contains("reason", noReason.Keys);
        var cancelled = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/cancel", new CancelAppointmentRequest("Client unwell")))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        var again = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, Tuesday.AddHours(14), 45, null, []));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task TheNextSlotsWaitUntilThePlannedSitesHaveCleared()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id, cups: 2); // grade-2 marks on the lower back, 20 Nov 09:10
        var removed = session.Cups[0].RemovedAt!.Value;

        var slots = await app.GetAsync<SlotsResponse>($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=lower-back:left,lower-back:right");
        Assert.InRange((slots.EarliestForSites - removed).TotalDays, 3, 5.5);
        Assert.NotEmpty(slots.Slots);
        Assert.All(slots.Slots, s =>
        {
            Assert.True(s >= slots.EarliestForSites);
            Assert.InRange(s.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(16.25));
            Assert.NotEqual(DayOfWeek.Saturday, s.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, s.DayOfWeek);
        });
        var unplanned = await app.GetAsync<SlotsResponse>($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=upper-trapezius:left");
        Assert.Equal(clock.GetUtcNow(), unplanned.EarliestForSites); // a site never cupped is free now
        var bad = await (await app.Client.GetAsync($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=moon:left")).ProblemFieldsAsync();
        Assert.Contains("plannedSites[0]", bad.Keys);
    }
}
