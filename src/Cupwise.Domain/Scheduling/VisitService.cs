using System.Globalization;

namespace Cupwise.Domain.Scheduling;

/// <summary>
/// What a practice offers to book: a name, a length and, where the practice charges, a price (in the practice's
/// currency, in hundredths). A service no longer offered is retired, never deleted: past visits keep naming it.
/// </summary>
public sealed class VisitService
{
    public const int MaximumNameLength = 80;
    public const int MinimumMinutes = 5;

    /// <summary>The highest price taken, in hundredths (100,000.00).</summary>
    public const int MaximumPriceCents = 10_000_000;

    private VisitService()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public string Name { get; private set; }
    public int Minutes { get; private set; }
    public int? PriceCents { get; private set; }
    public bool Retired { get; private set; }
    public int Version { get; private set; }

    public static VisitService Create(Guid practiceId, string name, int minutes, int? priceCents)
    {
        var errors = new List<FieldError>();
        string checkedName = string.Empty;
        try
        {
            checkedName = Guard.Required("name", name, MaximumNameLength);
        }
        catch (DomainValidationException e)
        {
            errors.AddRange(e.Errors);
        }
        if (minutes is < MinimumMinutes or > Appointment.MaximumMinutes)
        {
            errors.Add(new FieldError("minutes", $"must be between {MinimumMinutes} and {Appointment.MaximumMinutes} minutes; got {minutes}."));
        }
        if (priceCents is < 0 or > MaximumPriceCents)
        {
            errors.Add(new FieldError("price", $"must be from 0 to {(MaximumPriceCents / 100).ToString("N0", CultureInfo.InvariantCulture)}, or left empty."));
        }
        if (errors.Count > 0)
        {
            throw DomainValidationException.Many(errors);
        }
        return new VisitService { Id = Guid.NewGuid(), PracticeId = practiceId, Name = checkedName, Minutes = minutes, PriceCents = priceCents, Version = 1 };
    }

    public void Retire()
    {
        if (Retired)
        {
            throw new DomainStateException($"{Name} is already retired.");
        }
        Retired = true;
        Version++;
    }

    /// <summary>"Cupping, 45 min, 60.00".</summary>
    public string Words => $"{Name}, {Minutes} min" + (PriceCents is { } cents ? $", {(cents / 100m).ToString("0.00", CultureInfo.InvariantCulture)}" : "");
}
