namespace Cupwise.BrowserTests;

/// <summary>Where the tests find the project's own files.</summary>
public static class Repository
{
    /// <summary>The repository's folder: the first above the tests that holds Cupwise.slnx.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cupwise.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cupwise.slnx not found above the tests.");
    }
}
