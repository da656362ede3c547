using System.CommandLine;
using Cupwise.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Cupwise.Cli;

/// <summary>The <c>cupwise</c> command line: serve, migrate, demo.</summary>
public static class CupwiseCli
{
    /// <summary>Exit code for a command line that could not be parsed (unknown option, missing value).</summary>
    public const int UsageError = 2;

    private static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Data directory for the SQLite database (default: ~/.local/share/cupwise, or CUPWISE_DATA).",
        HelpName = "DIR",
    };

    private static readonly Option<string?> DbOption = new("--db")
    {
        Description = "PostgreSQL connection string, e.g. \"Host=127.0.0.1;Database=cupwise;Username=cupwise;Password=…\" (or CUPWISE_DB). SQLite if absent.",
        HelpName = "CONNECTION",
    };

    private static readonly AsyncLocal<TextReader?> Input = new();

    /// <summary>Standard input for verbs that read it (a password); tests pass their own.</summary>
    public static TextReader StandardInput => Input.Value ?? System.Console.In;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, TextReader? input = null)
    {
        Input.Value = input;
        var root = Build();
        // `cupwise` alone: show what it can do rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        var config = new InvocationConfiguration
        {
            Output = output ?? System.Console.Out,
            Error = error ?? System.Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                config.Error.WriteLine($"cupwise: {e.Message}");
            }
            config.Error.WriteLine("Run 'cupwise --help' to see the commands and their options.");
            return UsageError;
        }
        try
        {
            return await parse.InvokeAsync(config);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ArgumentException or TimeoutException)
        {
            // A database that cannot be reached or a malformed connection string: say so plainly, no stack trace.
            config.Error.WriteLine($"cupwise: the database could not be used: {e.Message}");
            config.Error.WriteLine("Check --db / CUPWISE_DB (a PostgreSQL connection string such as \"Host=127.0.0.1;Database=cupwise;Username=cupwise\") or --data.");
            return 1;
        }
    }

    public static RootCommand Build()
    {
        var root = new RootCommand("Cupwise: the system of record and the guide for cupping therapy. Serves the web app and the REST API, and does the same work from the command line.");
        root.Subcommands.Add(ServeCommand());
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(DemoCommand());
        root.Subcommands.Add(SuctionCommand.Build());
        root.Subcommands.Add(ScreenCommand.Build());
        root.Subcommands.Add(CalendarCommand.Build(DataOption, DbOption, ResolveDatabase));
        root.Subcommands.Add(ReportCommand.Build(DataOption, DbOption, ResolveDatabase));
        foreach (var command in AccountsCommand.Build(DataOption, DbOption, ResolveDatabase))
        {
            root.Subcommands.Add(command);
        }
        root.Subcommands.Add(AuditCommand.Build(DataOption, DbOption, ResolveDatabase));
        return root;
    }

    private static Command ServeCommand()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address(es) to listen on, separated by ';'.",
            DefaultValueFactory = _ => ServeOptions.DefaultUrls,
            HelpName = "URL",
        };
        var demo = new Option<bool>("--demo") { Description = "Load the demo practice (three example clients with sessions and outcomes) and serve it; prints its logins." };
        var idle = new Option<int>("--idle-minutes")
        {
            Description = "Sign a browser out after this many minutes without a request (5–240).",
            DefaultValueFactory = _ => (int)Accounts.SessionLifetime.Default.Idle.TotalMinutes,
            HelpName = "N",
        };
        var lifetime = new Option<int>("--session-hours")
        {
            Description = "Sign a browser out this many hours after it signed in, however busy (1–24).",
            DefaultValueFactory = _ => (int)Accounts.SessionLifetime.Default.Absolute.TotalHours,
            HelpName = "N",
        };
        var publicUrl = new Option<string?>("--public-url")
        {
            Description = "Where people reach Cupwise behind a reverse proxy on this machine, e.g. https://clinic.example.org: trusts the proxy's X-Forwarded-For/-Proto from loopback and answers only that host (docs/deploy.md).",
            HelpName = "URL",
        };
        var command = new Command("serve", "Apply pending migrations, then serve the web app and the REST API (/api/v1, OpenAPI at /openapi/v1.json).")
        {
            urls, DataOption, DbOption, demo, idle, lifetime, publicUrl,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (idleMinutes, hours) = (parse.GetValue(idle), parse.GetValue(lifetime));
            if (idleMinutes is < 5 or > 240 || hours is < 1 or > 24)
            {
                parse.InvocationConfiguration.Error.WriteLine(idleMinutes is < 5 or > 240
                    ? "cupwise serve: --idle-minutes: 5 to 240."
                    : "cupwise serve: --session-hours: 1 to 24.");
                return UsageError;
            }
            Uri? publicAt = null;
            if (parse.GetValue(publicUrl) is { } given
                && (!Uri.TryCreate(given, UriKind.Absolute, out publicAt) || publicAt.Scheme is not ("https" or "http") || publicAt.AbsolutePath != "/" || publicAt.Query.Length > 0))
            {
                parse.InvocationConfiguration.Error.WriteLine("cupwise serve: --public-url: the address people open, such as https://clinic.example.org (no path).");
                return UsageError;
            }
            var database = ResolveDatabase(parse);
            var sessions = new Accounts.SessionLifetime(TimeSpan.FromMinutes(idleMinutes), TimeSpan.FromHours(hours));
            var app = await CupwiseWebApp.BuildAsync(new ServeOptions(database, parse.GetValue(urls) ?? ServeOptions.DefaultUrls, parse.GetValue(demo), Sessions: sessions, PublicUrl: publicAt),
                cancellationToken: cancellationToken);
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Create or upgrade the database to the current schema and bring the standard cup and site catalogue up to date.")
        {
            DataOption, DbOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var database = ResolveDatabase(parse);
            var console = Console(parse);
            var applied = await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            console.MarkupLineInterpolated($"[green]{database.Description}[/]: {(applied.Count == 0 ? "already up to date" : $"applied {applied.Count} migration(s): {string.Join(", ", applied)}")}.");
            return 0;
        });
        return command;
    }

    private static Command DemoCommand()
    {
        var command = new Command("demo", "Load the demo practice: a stiff neck, facial cupping, and chronic low-back pain over several visits. Running it again adds nothing.")
        {
            DataOption, DbOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var database = ResolveDatabase(parse);
            var console = Console(parse);
            DemoLoadResult? result = null;
            await console.Progress().StartAsync(async progress =>
            {
                var migrate = progress.AddTask("Migrating the database", maxValue: 1);
                await DatabaseMigrator.MigrateAsync(database, cancellationToken);
                migrate.Increment(1);
                var load = progress.AddTask("Loading the demo practice", maxValue: 1);
                result = await DemoPractice.LoadAsync(database, TimeProvider.System, cancellationToken);
                load.Increment(1);
            });
            if (result is { Created: false })
            {
                console.MarkupLineInterpolated($"The demo practice '{result.PracticeName}' is already loaded in {database.Description}; nothing added.");
                return 0;
            }
            await ShowDemoAsync(database, console, cancellationToken);
            return 0;
        });
        return command;
    }

    private static async Task ShowDemoAsync(DatabaseSettings database, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var scope = new PracticeScope();
        scope.Set(DemoPractice.PracticeId);
        await using var db = database.CreateContext(scope);
        var table = new Table().Title($"Demo practice loaded into {Markup.Escape(database.Description)}")
            .AddColumn("Client").AddColumn(new TableColumn("Sessions").RightAligned()).AddColumn(new TableColumn("Cups").RightAligned()).AddColumn(new TableColumn("Outcomes").RightAligned());
        var clients = await db.Clients.AsNoTracking().OrderBy(c => c.FamilyName).ToListAsync(cancellationToken);
        foreach (var client in clients)
        {
            var sessions = await db.Sessions.CountAsync(s => s.ClientId == client.Id, cancellationToken);
            var cups = await db.CupApplications.CountAsync(c => db.Sessions.Any(s => s.Id == c.SessionId && s.ClientId == client.Id), cancellationToken);
            var outcomes = await db.Outcomes.CountAsync(o => o.ClientId == client.Id, cancellationToken);
            table.AddRow(Markup.Escape(client.DisplayName), $"{sessions}", $"{cups}", $"{outcomes}");
        }
        console.Write(table);
    }

    private static DatabaseSettings ResolveDatabase(ParseResult parse) =>
        DatabaseSettings.Resolve(
            parse.GetValue(DbOption) ?? Environment.GetEnvironmentVariable("CUPWISE_DB"),
            parse.GetValue(DataOption) ?? Environment.GetEnvironmentVariable("CUPWISE_DATA"));

    private static IAnsiConsole Console(ParseResult parse) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output) });
}
