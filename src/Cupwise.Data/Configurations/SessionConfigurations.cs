using System.Text.Json;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cupwise.Data.Configurations;

internal sealed class TreatmentSessionConfiguration : IEntityTypeConfiguration<TreatmentSession>
{
    public void Configure(EntityTypeBuilder<TreatmentSession> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Notes).HasMaxLength(8000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne<Practice>().WithMany().HasForeignKey(s => s.PracticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(s => s.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Practitioner>().WithMany().HasForeignKey(s => s.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cupwise.Domain.Plans.TreatmentPlan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        // The outcome report counts completed sessions per plan from this index alone.
        builder.HasIndex(s => new { s.PracticeId, s.Status, s.PlanId, s.StartedAt, s.PractitionerId });
        // A cup taken off the plan before it touched the skin is deleted with it (EF deletes the orphan); the database
        // itself still refuses to delete a session that has cups.
        builder.HasMany(s => s.Cups).WithOne().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.ClientCascade);
        builder.HasMany(s => s.Amendments).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Cups).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.Amendments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(s => s.Adjuncts, a => a.ToJson("Adjuncts"));
        builder.OwnsMany(s => s.Overrides, o => o.ToJson("SafetyOverrides"));
        builder.OwnsMany(s => s.Vitals, o => o.ToJson("Vitals"));
        builder.HasIndex(s => new { s.PracticeId, s.ClientId, s.StartedAt });
    }
}

internal sealed class CupApplicationConfiguration : IEntityTypeConfiguration<CupApplication>
{
    public void Configure(EntityTypeBuilder<CupApplication> builder)
    {
        builder.ToTable("cup_applications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CupId).HasMaxLength(64);
        builder.Property(c => c.SiteId).HasMaxLength(64);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.SetPressure).HasColumnName("SetPressureKpa");
        builder.Property(c => c.Pressure).HasColumnName("PressureKpa");
        builder.Ignore(c => c.ExpectsNoMark);
        builder.Ignore(c => c.ActualDuration);
        builder.HasOne<Cup>().WithMany().HasForeignKey(c => c.CupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BodySite>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SessionId, c.Number }).IsUnique();
        builder.HasIndex(c => c.SiteId);
    }
}

internal sealed class SessionAmendmentConfiguration : IEntityTypeConfiguration<SessionAmendment>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SessionAmendment> builder)
    {
        builder.ToTable("session_amendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.AmendedBy).HasMaxLength(200);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.Changes)
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<FieldChange>>(v, Json) ?? new List<FieldChange>(),
                ListComparer.Of<FieldChange>());
        builder.HasIndex(a => new { a.SessionId, a.AmendedAt });
    }
}
