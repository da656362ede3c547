using Cupwise.Api;
using Cupwise.Mail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cupwise.Accounts;

public sealed record InvitationResponse(LoginResponse Login,
    [property: System.ComponentModel.Description("The link the mail carries: it sets the login's password, once, within 7 days. Pass it on only to its owner.")] string Link);

/// <summary>The owner's actions on logins and the practice's mail, over <see cref="LoginCommands"/> and <see cref="MailCommands"/>.</summary>
public static class LoginsApi
{
    public static void MapLogins(this IEndpointRouteBuilder api)
    {
        var logins = api.MapGroup("/logins").WithTags("Accounts").RequireAuthorization(Access.Owner);
        logins.MapGet("/", ListLogins).WithName(nameof(ListLogins)).WithSummary("The practice's logins with their status, two-step sign-in, last sign-in and open browsers.");
        logins.MapPost("/invitations", InviteLogin).WithName(nameof(InviteLogin))
            .WithSummary("Adds a login without a password and mails it a link to choose one (7 days, once).");
        logins.MapPost("/{id}/password-link", SendPasswordLink).WithName(nameof(SendPasswordLink))
            .WithSummary("Mails a new link: the invitation again, or, for a login that has a password, a link to choose a new one. Earlier links stop working.");
        logins.MapPost("/{id}/disable", DisableLogin).WithName(nameof(DisableLogin)).WithSummary("Stops a login signing in, signs it out everywhere and revokes its tokens.");
        logins.MapPost("/{id}/enable", EnableLogin).WithName(nameof(EnableLogin)).WithSummary("Lets a disabled login sign in again.");
        logins.MapPost("/{id}/sign-out", SignOutLogin).WithName(nameof(SignOutLogin)).WithSummary("Signs a login out of every browser.");
        logins.MapPost("/{id}/reset-two-step", ResetTwoStep).WithName(nameof(ResetTwoStep))
            .WithSummary("Turns off two-step sign-in for a login that lost its authenticator, and signs it out.");

        var mail = api.MapGroup("/mail").WithTags("Mail").RequireAuthorization(Access.Owner);
        mail.MapGet("/settings", GetMailSettings).WithName(nameof(GetMailSettings)).WithSummary("The practice's SMTP server (never its password).");
        mail.MapPut("/settings", PutMailSettings).WithName(nameof(PutMailSettings)).WithSummary("Sets the practice's SMTP server.");
        mail.MapGet("/client-mail", GetClientMail).WithName(nameof(GetClientMail)).WithSummary("What clients are mailed (reminders, visit changes, aftercare) and the words used.");
        mail.MapPut("/client-mail", PutClientMail).WithName(nameof(PutClientMail)).WithSummary("Sets what clients are mailed and the words used.");
        mail.MapPost("/test", SendTestMail).WithName(nameof(SendTestMail)).WithSummary("Queues a test mail to an address.");
        mail.MapGet("/", ListMail).WithName(nameof(ListMail)).WithSummary("The practice's latest 50 mails: what, to whom, and whether sent.");
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    public static async Task<Ok<List<LoginResponse>>> ListLogins(LoginCommands logins, CancellationToken cancellationToken) =>
        TypedResults.Ok((await logins.ListAsync(cancellationToken)).Select(LoginCommands.Response).ToList());

    public static async Task<Results<Created<InvitationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> InviteLogin(InviteRequest request, LoginCommands logins,
        HttpContext http, CancellationToken cancellationToken)
    {
        var result = await logins.InviteAsync(request, BaseUrl(http), cancellationToken);
        if (!result.IsDone)
        {
            return result.Status == CommandStatus.Invalid ? TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.") : ApiResults.StateConflict(result.Describe());
        }
        return TypedResults.Created($"/api/v1/logins/{result.Value.User.Id}", await InvitationAsync(logins, result.Value, cancellationToken));
    }

    public static async Task<Results<Ok<InvitationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SendPasswordLink(string id, LoginCommands logins,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return TypedResults.NotFound();
        }
        var result = await logins.ResendAsync(userId, BaseUrl(http), cancellationToken);
        if (!result.IsDone)
        {
            return result.Status == CommandStatus.NotFound ? TypedResults.NotFound() : ApiResults.StateConflict(result.Describe());
        }
        return TypedResults.Ok(await InvitationAsync(logins, result.Value, cancellationToken));
    }

    private static async Task<InvitationResponse> InvitationAsync(LoginCommands logins, (Data.Accounts.CupwiseUser User, string Link) value, CancellationToken cancellationToken)
    {
        var row = (await logins.ListAsync(cancellationToken, value.User.Id)).Single();
        return new InvitationResponse(LoginCommands.Response(row), value.Link);
    }

    public static Task<Results<Ok<LoginResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DisableLogin(string id, LoginCommands logins, CancellationToken cancellationToken) =>
        ActAsync(id, logins, logins.DisableAsync, cancellationToken);

    public static Task<Results<Ok<LoginResponse>, NotFound, ValidationProblem, ProblemHttpResult>> EnableLogin(string id, LoginCommands logins, CancellationToken cancellationToken) =>
        ActAsync(id, logins, logins.EnableAsync, cancellationToken);

    public static Task<Results<Ok<LoginResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SignOutLogin(string id, LoginCommands logins, CancellationToken cancellationToken) =>
        ActAsync(id, logins, logins.EndSessionsAsync, cancellationToken);

    public static Task<Results<Ok<LoginResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ResetTwoStep(string id, LoginCommands logins, CancellationToken cancellationToken) =>
        ActAsync(id, logins, logins.ResetTwoStepAsync, cancellationToken);

    private static async Task<Results<Ok<LoginResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ActAsync<T>(string id, LoginCommands logins,
        Func<Guid, CancellationToken, Task<CommandResult<T>>> act, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var userId))
        {
            return TypedResults.NotFound();
        }
        var result = await act(userId, cancellationToken);
        if (!result.IsDone)
        {
            return result.ToOk(_ => (LoginResponse)null!);
        }
        var row = (await logins.ListAsync(cancellationToken, userId)).Single();
        return TypedResults.Ok(LoginCommands.Response(row));
    }

    public static async Task<Ok<MailSettingsResponse>> GetMailSettings(MailCommands mail, CancellationToken cancellationToken) =>
        TypedResults.Ok(MailCommands.Describe(await mail.PracticeAsync(cancellationToken)));

    public static async Task<Results<Ok<MailSettingsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PutMailSettings(MailSettingsRequest request, MailCommands mail,
        CancellationToken cancellationToken) =>
        (await mail.SaveSettingsAsync(request, cancellationToken)).ToOk(MailCommands.Describe);

    public static async Task<Ok<ClientMailResponse>> GetClientMail(MailCommands mail, CancellationToken cancellationToken) =>
        TypedResults.Ok(MailCommands.DescribeClientMail(await mail.PracticeAsync(cancellationToken)));

    public static async Task<Results<Ok<ClientMailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PutClientMail(ClientMailRequest request, MailCommands mail,
        CancellationToken cancellationToken) =>
        (await mail.SaveClientMailAsync(request, cancellationToken)).ToOk(MailCommands.DescribeClientMail);

    public sealed record TestMailRequest([property: System.ComponentModel.Description("Where the test mail goes.")] string? To);

    public static async Task<Results<Ok<OutgoingMailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SendTestMail(TestMailRequest request, MailCommands mail,
        CancellationToken cancellationToken) =>
        (await mail.SendTestAsync(request.To, cancellationToken)).ToOk(MailCommands.Response);

    public static async Task<Ok<List<OutgoingMailResponse>>> ListMail(MailCommands mail, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mail.RecentAsync(cancellationToken: cancellationToken)).Select(MailCommands.Response).ToList());
}
