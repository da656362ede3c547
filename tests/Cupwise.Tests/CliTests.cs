using Cupwise.Cli;
using Cupwise.Data;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => Cli.RunAsync(args);

    private static async Task<string[]> DatabaseArgsAsync() => TestDatabase.CliArgs(await TestDatabase.CreateAsync());

    [Fact]
    public async Task HelpNamesEveryVerb()
    {
        var (exit, output, _) = await RunAsync("--help");
        Assert.Equal(0, exit);
        foreach (var verb in new[] { "serve", "migrate", "demo" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
        var (serveExit, serveHelp, _) = await RunAsync("serve", "--help");
        Assert.Equal(0, serveExit);
        Assert.Contains("--urls", serveHelp, StringComparison.Ordinal);
        Assert.Contains("--demo", serveHelp, StringComparison.Ordinal);
        Assert.Contains("--db", serveHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutACommandItShowsTheHelp()
    {
        var (exit, output, _) = await RunAsync();
        Assert.Equal(0, exit);
        Assert.Contains("serve", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOptionExitsWithTwoAndSaysWhy()
    {
        var (exit, _, error) = await RunAsync("serve", "--colour", "teal");
        Assert.Equal(2, exit);
        Assert.Contains("--colour", error, StringComparison.Ordinal);
        Assert.Contains("cupwise --help", error, StringComparison.Ordinal);
        var (verbExit, _, _) = await RunAsync("dance");
        Assert.Equal(2, verbExit);
    }

    [Fact]
    public async Task MigrateCreatesTheDatabaseAndSaysSo()
    {
        var args = await DatabaseArgsAsync();
        var (exit, output, _) = await RunAsync(["migrate", .. args]);
        Assert.Equal(0, exit);
        Assert.Contains("applied", output, StringComparison.Ordinal);
        var (again, output2, _) = await RunAsync(["migrate", .. args]);
        Assert.Equal(0, again);
        Assert.Contains("already up to date", output2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadingTheDemoTwiceAddsNothing()
    {
        var args = await DatabaseArgsAsync();
        var (exit, output, _) = await RunAsync(["demo", .. args]);
        Assert.Equal(0, exit);
        Assert.Contains("Demo (stiff neck)", output, StringComparison.Ordinal);
        var (again, output2, _) = await RunAsync(["demo", .. args]);
        Assert.Equal(0, again);
        Assert.Contains("already loaded", output2, StringComparison.Ordinal);

        var database = args[0] == "--db" ? DatabaseSettings.Resolve(args[1], null) : DatabaseSettings.Resolve(null, args[1]);
        var scope = new PracticeScope();
        scope.Set(DemoPractice.PracticeId);
        await using var db = database.CreateContext(scope);
        Assert.Equal(3, await db.Clients.CountAsync());
        Assert.Equal(7, await db.Sessions.CountAsync());
        Assert.Equal(1, await db.Practices.CountAsync());
    }

    [Fact]
    public async Task AnUnreachableDatabaseIsReportedWithoutAStackTrace()
    {
        var (exit, _, error) = await RunAsync("migrate", "--db", "Host=127.0.0.1;Port=1;Database=nowhere;Username=nobody;Timeout=2");
        Assert.Equal(1, exit);
        Assert.Contains("the database could not be used", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
