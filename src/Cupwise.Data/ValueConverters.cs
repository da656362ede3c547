using Cupwise.Domain.Quantities;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cupwise.Data;

/// <summary>How value types with units are stored: as their number in the unit the column name carries.</summary>
public static class ValueConverters
{
    public sealed class PainScoreConverter() : ValueConverter<PainScore, int>(v => v.Points, v => PainScore.FromPoints(v, "pain"));

    public sealed class MarkGradeConverter() : ValueConverter<MarkGrade, int>(v => v.Grade, v => MarkGrade.FromGrade(v, "markGrade"));

    public sealed class RimDiameterConverter() : ValueConverter<RimDiameter, double>(v => v.Millimetres, v => RimDiameter.FromMillimetres(v, "rimDiameterMm"));

    public sealed class CupVolumeConverter() : ValueConverter<CupVolume, double>(v => v.Millilitres, v => CupVolume.FromMillilitres(v, "volumeMl"));

    public sealed class GaugePressureConverter() : ValueConverter<GaugePressure, double>(v => v.Kilopascals, v => GaugePressure.FromKilopascals(v, "pressure"));

    public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public sealed class ToUtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}
