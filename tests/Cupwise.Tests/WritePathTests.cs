using System.Text.RegularExpressions;

namespace Cupwise.Tests;

/// <summary>
/// One write path per use case (STYLE.md 12): only a feature's *Commands class saves. A page or an API handler that
/// saves holds its own copy of a use case, which is how the client form and "take off plan" came to fail unseen.
/// </summary>
public sealed class WritePathTests
{
    /// <summary>Files that save and are not use cases of a feature, each with why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["src/Cupwise.Data/DatabaseMigrator.cs"] = "applies migrations and syncs the shipped catalogue at start",
        ["src/Cupwise/Accounts/AccountService.cs"] = "the accounts use cases over ASP.NET Core Identity (logins, tokens, sessions)",
        ["src/Cupwise/Audit/AuditLog.cs"] = "the audit writer's batched inserts",
        ["src/Cupwise/Demo/DemoPractice.cs"] = "loads the demo practice when serve --demo asks for it",
        ["src/Cupwise/Mail/MailSender.cs"] = "the mail queue's sender: claims due mails and records each delivery attempt, like the audit writer",
    };

    private static readonly Regex Saves = new(@"\b(SaveChanges(Async)?|ExecuteUpdate(Async)?|ExecuteDelete(Async)?)\s*\(", RegexOptions.Compiled);

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cupwise.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Cupwise.slnx) was not found above the test binaries.");
    }

    private static List<string> SavingFiles()
    {
        var root = Root();
        return [.. Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Saves.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void OnlyTheUseCaseClassesSave()
    {
        var offenders = SavingFiles().Where(f => !f.EndsWith("Commands.cs", StringComparison.Ordinal) && !Allowed.ContainsKey(f)).ToList();
        Assert.True(offenders.Count == 0, $"These files save outside a *Commands class: {string.Join(", ", offenders)}. Move the use case into its feature's commands.");
    }

    [Fact]
    public void NoPageAndNoApiHandlerSaves()
    {
        var files = SavingFiles();
        Assert.DoesNotContain(files, f => f.EndsWith(".razor", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.EndsWith("Api.cs", StringComparison.Ordinal));
        // The list of exceptions stays true: each still saves (or it is taken off).
        Assert.All(Allowed.Keys, f => Assert.Contains(f, files));
    }

    [Fact]
    public void ThisTestWouldSeeASavingPage()
    {
        // The pattern the scan uses finds the calls as pages and handlers wrote them before the commands existed.
        Assert.Matches(Saves, "await Db.SaveChangesAsync();");
        Assert.Matches(Saves, "await db.SaveChangesAsync(cancellationToken);");
        Assert.Matches(Saves, "await db.Sessions.Where(s => s.Id == id).ExecuteUpdateAsync(x => x);");
        Assert.DoesNotMatch(Saves, "// nothing is saved here");
    }
}
