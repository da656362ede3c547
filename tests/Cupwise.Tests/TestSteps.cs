using System.Net;
using Cupwise.Clients;
using Cupwise.Practitioners;
using Cupwise.Sessions;

namespace Cupwise.Tests;

public static class TestSteps
{
    public static async Task<ClientResponse> NewClientAsync(this CupwiseApp app, string family = "Example", string given = "Client") =>
        await (await app.PostAsync("/api/v1/clients", Requests.Client(family, given))).ReadAsync<ClientResponse>(HttpStatusCode.Created);

    public static async Task<PractitionerResponse> NewPractitionerAsync(this CupwiseApp app) =>
        await (await app.PostAsync("/api/v1/practitioners", new PractitionerRequest("Test practitioner", "Physiotherapist")))
            .ReadAsync<PractitionerResponse>(HttpStatusCode.Created);

    public static async Task<SessionResponse> NewCompletedSessionAsync(this CupwiseApp app, string clientId, string practitionerId, int cups = 2)
    {
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        return await (await app.PostAsync("/api/v1/sessions", Requests.CompletedSession(clientId, practitionerId, cups, start)))
            .ReadAsync<SessionResponse>(HttpStatusCode.Created);
    }
}

/// <summary>Runs the <c>cupwise</c> command line in-process with captured output.</summary>
public static class Cli
{
    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Cupwise.Cli.CupwiseCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
