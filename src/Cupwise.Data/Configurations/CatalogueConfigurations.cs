using Cupwise.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cupwise.Data.Configurations;

internal sealed class CupConfiguration : IEntityTypeConfiguration<Cup>
{
    public void Configure(EntityTypeBuilder<Cup> builder)
    {
        builder.ToTable("cups");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Label).HasMaxLength(200);
        builder.Property(c => c.Source).HasMaxLength(500);
        builder.Property(c => c.RimDiameter).HasColumnName("RimDiameterMm");
        builder.Property(c => c.Volume).HasColumnName("VolumeMl");
        // A short list of method names, stored as "fire-flash,pump".
        builder.Property(c => c.SupportedMethods)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SuctionMethodKind>).ToList(),
                ListComparer.Of<SuctionMethodKind>())
            .HasMaxLength(200);
        builder.HasOne<Cupwise.Domain.Practices.Practice>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BodySiteConfiguration : IEntityTypeConfiguration<BodySite>
{
    public void Configure(EntityTypeBuilder<BodySite> builder)
    {
        builder.ToTable("body_sites");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.SnomedCode).HasMaxLength(20);
        builder.Property(s => s.SnomedDisplay).HasMaxLength(200);
        builder.Property(s => s.DefaultCupId).HasMaxLength(64);
        builder.Property(s => s.Flags).HasMaxLength(200);
        builder.HasOne<Cup>().WithMany().HasForeignKey(s => s.DefaultCupId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Lets EF Core see changes inside list-valued columns (stored as text) by comparing their items.</summary>
internal static class ListComparer
{
    public static ValueComparer<List<T>> Of<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, item) => HashCode.Combine(h, item)),
        v => v.ToList());
}
