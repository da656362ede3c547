using System.CommandLine;
using Cupwise.Accounts;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Cli;

/// <summary>
/// <c>cupwise practice add</c>, <c>cupwise user add</c> and <c>cupwise token create|revoke</c>: how the first owner
/// and every script's credentials are made, on the same Identity as the web app.
/// </summary>
internal static class AccountsCommand
{
    public static IEnumerable<Command> Build(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        yield return Practice(data, db, resolve);
        yield return User(data, db, resolve);
        yield return Token(data, db, resolve);
    }

    /// <summary>The account services on their own, without a web server.</summary>
    public static ServiceProvider Services(DatabaseSettings database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddScoped<PracticeScope>();
        // Account changes stage their audit entries in their own save; the command chains them before it ends.
        services.AddSingleton<Audit.AuditLog>();
        database.Register(services);
        services.AddCupwiseIdentity(SessionLifetime.Default);
        return services.BuildServiceProvider();
    }

    private static Command Practice(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        var name = new Argument<string>("NAME") { Description = "The practice's name, as it appears on every page." };
        var add = new Command("add", "Add a practice (a tenant: its clients and users are seen by no other practice).") { name, data, db };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var database = resolve(parse);
            await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            await using var provider = Services(database);
            await using var scope = provider.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>().AddPracticeAsync(parse.GetValue(name)!, cancellationToken);
            if (!result.Succeeded)
            {
                parse.InvocationConfiguration.Error.WriteLine($"cupwise practice add: {result.Field}: {result.Error}");
                return CupwiseCli.UsageError;
            }
            parse.InvocationConfiguration.Output.WriteLine($"Added practice '{result.Value!.Name}' ({result.Value.Id}).");
            return 0;
        });
        return new Command("practice", "Practices: add one.") { add };
    }

    private static Command User(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        var practice = new Option<string?>("--practice") { Description = "The practice's name.", HelpName = "NAME" };
        var email = new Option<string?>("--email") { Description = "The login's e-mail address.", HelpName = "E" };
        var role = new Option<string?>("--role") { Description = "owner, practitioner, front-desk or client.", HelpName = "ROLE" };
        var client = new Option<string?>("--client") { Description = "For a client login: the id of their client record.", HelpName = "ID" };
        var practitioner = new Option<string?>("--practitioner") { Description = "For a practitioner's login: their practitioner record, so that the clients they have already treated stay in their care.", HelpName = "ID" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (at least 12 characters, not a common one)." };
        var add = new Command("add", "Add a login to a practice. The password is read from standard input, never from the command line.")
        {
            practice, email, role, client, practitioner, passwordStdin, data, db,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(practice) is not { Length: > 0 } practiceName)
            {
                error.WriteLine("cupwise user add: --practice: the practice's name is required.");
                return CupwiseCli.UsageError;
            }
            if (parse.GetValue(email) is not { Length: > 0 } address)
            {
                error.WriteLine("cupwise user add: --email: the login's e-mail is required.");
                return CupwiseCli.UsageError;
            }
            if (!Access.TryParseRole(parse.GetValue(role), out var userRole))
            {
                error.WriteLine("cupwise user add: --role: one of owner, practitioner, front-desk, client.");
                return CupwiseCli.UsageError;
            }
            Guid? clientId = null;
            if (parse.GetValue(client) is { } raw)
            {
                if (!Guid.TryParse(raw, out var id))
                {
                    error.WriteLine("cupwise user add: --client: a client id (GET /api/v1/clients).");
                    return CupwiseCli.UsageError;
                }
                clientId = id;
            }
            Guid? practitionerId = null;
            if (parse.GetValue(practitioner) is { } rawPractitioner)
            {
                if (!Guid.TryParse(rawPractitioner, out var id))
                {
                    error.WriteLine("cupwise user add: --practitioner: a practitioner id (GET /api/v1/practitioners).");
                    return CupwiseCli.UsageError;
                }
                practitionerId = id;
            }
            if (!parse.GetValue(passwordStdin))
            {
                error.WriteLine("cupwise user add: --password-stdin is required: pipe the password in, so that it stays out of the shell's history.");
                return CupwiseCli.UsageError;
            }
            var password = (await CupwiseCli.StandardInput.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty;

            var database = resolve(parse);
            await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            await using var provider = Services(database);
            await using var scope = provider.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            var found = await accounts.FindPracticeAsync(practiceName, cancellationToken);
            if (found is null)
            {
                error.WriteLine($"cupwise user add: --practice: no practice named '{practiceName}' (add it with 'cupwise practice add').");
                return CupwiseCli.UsageError;
            }
            var result = await accounts.AddUserAsync(found.Id, address, userRole, password, clientId, practitionerId, cancellationToken);
            if (!result.Succeeded)
            {
                error.WriteLine($"cupwise user add: {(result.Field == "password" ? "password" : "--" + result.Field)}: {result.Error}");
                return CupwiseCli.UsageError;
            }
            await Audit.AuditWriter.AppendAsync(database, [new Audit.AuditRecord(DateTimeOffset.UtcNow, null, "cupwise (command line)", found.Id, clientId,
                "user-add", $"{Access.RoleName(userRole)} {result.Value!.Email}", "ok")]);
            parse.InvocationConfiguration.Output.WriteLine($"Added {Access.RoleName(userRole)} {result.Value.Email} to '{found.Name}'.");
            return 0;
        });
        var setEmail = new Option<string?>("--email") { Description = "The login's e-mail address.", HelpName = "E" };
        var setStdin = new Option<bool>("--password-stdin") { Description = "Read the new password from standard input (at least 12 characters, not a common one)." };
        var setPassword = new Command("set-password",
            "Give a login a new password when it forgot its own or is locked out: the lockout is lifted, its sessions end and its API tokens are revoked.")
        {
            setEmail, setStdin, data, db,
        };
        setPassword.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(setEmail) is not { Length: > 0 } address)
            {
                error.WriteLine("cupwise user set-password: --email: the login's e-mail is required.");
                return CupwiseCli.UsageError;
            }
            if (!parse.GetValue(setStdin))
            {
                error.WriteLine("cupwise user set-password: --password-stdin is required: pipe the password in, so that it stays out of the shell's history.");
                return CupwiseCli.UsageError;
            }
            var password = (await CupwiseCli.StandardInput.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? string.Empty;
            var database = resolve(parse);
            await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            await using var provider = Services(database);
            await using var scope = provider.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SetPasswordAsync(address, password, AccountService.Actor.CommandLine, cancellationToken);
            if (!result.Succeeded)
            {
                error.WriteLine($"cupwise user set-password: {(result.Field == "password" ? "password" : "--" + result.Field)}: {result.Error}");
                return CupwiseCli.UsageError;
            }
            await Audit.AuditWriter.AppendAsync(database, []);
            var (sessions, tokens) = result.Value;
            parse.InvocationConfiguration.Output.WriteLine($"New password set for {address.Trim()}; {sessions} session(s) signed out, {tokens} API token(s) revoked; it may sign in now.");
            return 0;
        });
        return new Command("user", "Logins: add one to a practice, or give one a new password.") { add, setPassword };
    }

    private static Command Token(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        var email = new Option<string?>("--email") { Description = "The login the token acts as (its practice and role).", HelpName = "E" };
        var days = new Option<int?>("--expires-days") { Description = "Days until it stops working (1–3650); without it, until revoked.", HelpName = "N" };
        var name = new Option<string?>("--name") { Description = "What it is for, e.g. \"nightly export\".", HelpName = "TEXT" };
        var create = new Command("create", "Create an API token and print it once (only its hash is kept). Use it as 'Authorization: Bearer …'.")
        {
            email, days, name, data, db,
        };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(email) is not { Length: > 0 } address)
            {
                error.WriteLine("cupwise token create: --email: the login's e-mail is required.");
                return CupwiseCli.UsageError;
            }
            var database = resolve(parse);
            await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            await using var provider = Services(database);
            await using var scope = provider.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(address, parse.GetValue(name) ?? "token", parse.GetValue(days), AccountService.Actor.CommandLine, cancellationToken);
            if (!result.Succeeded)
            {
                error.WriteLine($"cupwise token create: --{(result.Field == "expiresDays" ? "expires-days" : result.Field)}: {result.Error}");
                return CupwiseCli.UsageError;
            }
            var (token, secret) = result.Value;
            await Audit.AuditWriter.AppendAsync(database, []);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(secret);
            error.WriteLine($"Token {token.Id} for {address}{(token.ExpiresAt is { } end ? $", valid until {end:yyyy-MM-dd HH:mm} UTC" : ", valid until revoked")}. It is shown only now.");
            return 0;
        });

        var id = new Option<string?>("--id") { Description = "The token's id (printed when it was created).", HelpName = "ID" };
        var revoke = new Command("revoke", "Revoke an API token: it answers 401 from then on.") { id, data, db };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!Guid.TryParse(parse.GetValue(id), out var tokenId))
            {
                error.WriteLine("cupwise token revoke: --id: the token's id is required.");
                return CupwiseCli.UsageError;
            }
            var database = resolve(parse);
            await using var provider = Services(database);
            await using var scope = provider.CreateAsyncScope();
            var token = await scope.ServiceProvider.GetRequiredService<AccountService>().RevokeTokenAsync(tokenId, practiceId: null, AccountService.Actor.CommandLine, cancellationToken: cancellationToken);
            if (token is null)
            {
                error.WriteLine($"cupwise token revoke: --id: no active token {tokenId}.");
                return CupwiseCli.UsageError;
            }
            await Audit.AuditWriter.AppendAsync(database, []);
            parse.InvocationConfiguration.Output.WriteLine($"Revoked token {token.Id}.");
            return 0;
        });
        return new Command("token", "API tokens for scripts and integrations.") { create, revoke };
    }
}
