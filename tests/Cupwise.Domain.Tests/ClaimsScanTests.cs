namespace Cupwise.Domain.Tests;

/// <summary>
/// SCIENCE.md §6: Cupwise never claims that cupping removes toxins or detoxifies, treats infections or replaces
/// antibiotics, cures fever, hypertension, infertility or anaemia, improves athletic performance, or allows
/// diagnosis from mark colour. Every user-facing text is scanned: a sentence that makes such a claim fails the
/// build unless it says the claim is not made (a negation in the sentence) or stands in a section headed
/// "Claims we do not make".
/// </summary>
public sealed class ClaimsScanTests
{
    [Fact]
    public void NoUserFacingTextMakesAClaimScienceSaysNeverToMake()
    {
        var root = RepositoryRoot();
        var files = new[] { "src", "docs" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)
                || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                // The list of banned claims itself has to name them; it is code, not text anyone reads in the app.
                && !f.EndsWith("ClaimsCheck.cs", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 50, $"scanned {files.Count} files");
        var findings = files.SelectMany(f => Scan(File.ReadAllText(f), prose: f.EndsWith(".md", StringComparison.Ordinal)).Select(s => $"{Path.GetRelativePath(root, f)}: {s}")).ToList();
        Assert.True(findings.Count == 0, "Claims SCIENCE.md §6 says never to make:\n" + string.Join("\n", findings));
    }

    [Fact]
    public void APlantedClaimIsCaughtAndALabelledExplanationIsNot()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "planted-claims.md"));
        var findings = Scan(text);
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Contains("draws out toxins", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("lower hypertension", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Cupping detoxifies the body.", true)]
    [InlineData("Use cupping instead of antibiotics for a chest infection.", true)]
    [InlineData("Cupping cures infertility.", true)]
    [InlineData("Cupping will boost your athletic performance.", true)]
    [InlineData("A dark mark colour shows a blocked liver.", true)]
    [InlineData("Cupping does not treat infections, remove toxins or replace medical care.", false)]
    [InlineData("Cupwise never claims that cupping removes toxins.", false)]
    [InlineData("Signs of infection: do not cup; refer to a doctor.", false)]
    [InlineData("Marks are coloured by grade on the map.", false)]
    public void SentencesAreJudgedOneByOne(string sentence, bool claim) => Assert.Equal(claim, Scan(sentence).Count > 0);

    private static List<string> Scan(string text, bool prose = true) => Cupwise.Domain.Plans.ClaimsCheck.Scan(text, prose);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cupwise.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Cupwise.slnx) was not found above the test's folder.");
    }
}
