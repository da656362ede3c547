using Cupwise.Domain.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cupwise.Data.Configurations;

internal sealed class OutcomeMeasurementConfiguration : IEntityTypeConfiguration<OutcomeMeasurement>
{
    public void Configure(EntityTypeBuilder<OutcomeMeasurement> builder)
    {
        builder.ToTable("outcome_measurements");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Joint).HasMaxLength(100);
        builder.Property(o => o.Direction).HasMaxLength(100);
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.Unit).HasMaxLength(40);
        builder.Property(o => o.RecordedBy).HasMaxLength(200);
        builder.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentSession>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PracticeId, o.ClientId, o.TakenAt });
        // The outcome report reads pain before sessions from this index alone.
        builder.HasIndex(o => new { o.PracticeId, o.Kind, o.Timing, o.EnteredInError, o.SessionId, o.TakenAt, o.Value });
    }
}

internal sealed class MarkFollowUpConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Marks.MarkFollowUp>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Marks.MarkFollowUp> builder)
    {
        builder.ToTable("mark_follow_ups");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.SiteId).HasMaxLength(64);
        builder.Property(o => o.Notes).HasMaxLength(2000);
        builder.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cupwise.Domain.Catalogue.BodySite>().WithMany().HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PracticeId, o.ClientId, o.ObservedAt });
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Scheduling.Appointment>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Scheduling.Appointment> builder)
    {
        builder.ToTable("appointments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Room).HasMaxLength(60);
        builder.Property(a => a.CancelReason).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.PlannedSites)
            .HasConversion(v => string.Join(',', v), v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(), ListComparer.Of<string>())
            .HasMaxLength(2000);
        builder.HasOne<Client>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cupwise.Domain.Practices.Practitioner>().WithMany().HasForeignKey(a => a.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PracticeId, a.PractitionerId, a.Start });
        builder.HasIndex(a => new { a.PracticeId, a.ClientId, a.Start });
        builder.HasOne<Cupwise.Domain.Scheduling.VisitService>().WithMany().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VisitServiceConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Scheduling.VisitService>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Scheduling.VisitService> builder)
    {
        builder.ToTable("services");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Cupwise.Domain.Scheduling.VisitService.MaximumNameLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Words);
        builder.HasIndex(s => new { s.PracticeId, s.Name });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Scheduling.CalendarFeed>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Scheduling.CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasOne<Cupwise.Domain.Practices.Practitioner>().WithMany().HasForeignKey(f => f.PractitionerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MarkPhotoConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Marks.MarkPhoto>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Marks.MarkPhoto> builder)
    {
        builder.ToTable("mark_photos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.SiteId).HasMaxLength(64);
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.Property(p => p.Sha256).HasMaxLength(64);
        builder.Property(p => p.Notes).HasMaxLength(2000);
        builder.Property(p => p.EnteredInErrorReason).HasMaxLength(500);
        builder.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cupwise.Domain.Catalogue.BodySite>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PracticeId, p.ClientId, p.TakenAt });
    }
}

internal sealed class MarkPhotoContentConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Marks.MarkPhotoContent>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Marks.MarkPhotoContent> builder)
    {
        builder.ToTable("mark_photo_contents");
        builder.HasKey(c => c.PhotoId);
        builder.Property(c => c.PhotoId).ValueGeneratedNever();
        builder.HasOne<Cupwise.Domain.Marks.MarkPhoto>().WithOne().HasForeignKey<Cupwise.Domain.Marks.MarkPhotoContent>(c => c.PhotoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Plans.TreatmentPlan>
{
    private static readonly System.Text.Json.JsonSerializerOptions GoalJson = Cupwise.Domain.Catalogue.StandardCatalogue.JsonOptions;

    public void Configure(EntityTypeBuilder<Cupwise.Domain.Plans.TreatmentPlan> builder)
    {
        builder.ToTable("treatment_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Condition).HasMaxLength(200);
        builder.Property(p => p.Icd10).HasMaxLength(10);
        builder.Property(p => p.ProtocolId).HasMaxLength(64);
        builder.Property(p => p.StatusReason).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Goals)
            .HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, GoalJson),
                v => System.Text.Json.JsonSerializer.Deserialize<List<Cupwise.Domain.Plans.PlanGoal>>(v, GoalJson) ?? new List<Cupwise.Domain.Plans.PlanGoal>(),
                ListComparer.Of<Cupwise.Domain.Plans.PlanGoal>())
            .HasMaxLength(4000);
        builder.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PracticeId, p.ClientId, p.StartedAt });
    }
}

internal sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> builder)
    {
        builder.ToTable("adverse_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.SiteId).HasMaxLength(64);
        builder.Property(e => e.Notes).HasMaxLength(2000);
        builder.HasOne<TreatmentSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Client>().WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PracticeId, e.ClientId, e.OccurredAt });
    }
}

internal sealed class PracticeProtocolConfiguration : IEntityTypeConfiguration<Cupwise.Domain.Plans.PracticeProtocol>
{
    public void Configure(EntityTypeBuilder<Cupwise.Domain.Plans.PracticeProtocol> builder)
    {
        builder.ToTable("practice_protocols");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Key).HasMaxLength(140);
        builder.Property(p => p.Definition).HasMaxLength(20000);
        builder.HasIndex(p => new { p.PracticeId, p.Key }).IsUnique();
    }
}
