namespace Cupwise.Domain.Quantities;

/// <summary>Internal volume of a cup, in millilitres. Range 1 to 1000 mL.</summary>
public readonly record struct CupVolume
{
    public const double MinimumMillilitres = 1;
    public const double MaximumMillilitres = 1000;

    private CupVolume(double millilitres) => Millilitres = millilitres;

    public double Millilitres { get; }

    public static CupVolume FromMillilitres(double millilitres, string field = "volumeMl") =>
        new(Guard.InRange(field, millilitres, MinimumMillilitres, MaximumMillilitres, "mL"));

    public override string ToString() => $"{Guard.Format(Millilitres)} mL";
}
