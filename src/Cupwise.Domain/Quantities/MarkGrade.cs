namespace Cupwise.Domain.Quantities;

/// <summary>
/// The colour grade of a cupping mark at removal (SCIENCE.md §2; UI.md). Range 0 to 4:
/// 0 none, 1 light pink, 2 red, 3 dark red / purple, 4 deep purple / near black.
/// </summary>
public readonly record struct MarkGrade
{
    public const int Minimum = 0;
    public const int Maximum = 4;

    private MarkGrade(int grade) => Grade = grade;

    public int Grade { get; }

    public static readonly MarkGrade None = new(0);

    public static MarkGrade FromGrade(int grade, string field = "markGrade")
    {
        if (grade is < Minimum or > Maximum)
        {
            throw new DomainValidationException(field, $"must be a whole number from {Minimum} (no mark) to {Maximum} (deep purple); got {grade}.");
        }
        return new MarkGrade(grade);
    }

    /// <summary>Plain-language description of the grade, as shown beside its swatch.</summary>
    public string Description => Grade switch
    {
        0 => "none, or fades within minutes",
        1 => "light pink",
        2 => "red",
        3 => "dark red / purple",
        _ => "deep purple / near black",
    };

    public override string ToString() => $"grade {Grade}";
}
