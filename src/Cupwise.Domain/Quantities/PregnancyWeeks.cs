namespace Cupwise.Domain.Quantities;

/// <summary>Completed weeks of pregnancy. Range 0 to 45 weeks.</summary>
public readonly record struct PregnancyWeeks
{
    public const int Maximum = 45;

    private PregnancyWeeks(int weeks) => Weeks = weeks;

    public int Weeks { get; }

    public static PregnancyWeeks FromWeeks(int weeks, string field = "pregnancyWeeks")
    {
        if (weeks is < 0 or > Maximum)
        {
            throw new DomainValidationException(field, $"must be a whole number of weeks from 0 to {Maximum}; got {weeks}.");
        }
        return new PregnancyWeeks(weeks);
    }
}
