using Cupwise.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cupwise.Data.Configurations;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.ToTable("practices");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64).HasDefaultValue("UTC");
        builder.Property(p => p.MinimumSiteIntervalDays).HasDefaultValue(Practice.DefaultMinimumSiteIntervalDays);
        builder.Property(p => p.RequireTwoStepSignIn).HasDefaultValue(false);
        builder.Property(p => p.PractitionersSeeOwnClientsOnly).HasDefaultValue(false);
        builder.Ignore(p => p.TimeZone);
        builder.Ignore(p => p.SendsMail);
        builder.Property(p => p.MailHost).HasMaxLength(253);
        builder.Property(p => p.MailSecurity).HasDefaultValue(MailSecurity.StartTls);
        builder.Property(p => p.MailUserName).HasMaxLength(256);
        builder.Property(p => p.MailPasswordProtected).HasMaxLength(2000);
        builder.Property(p => p.MailFromAddress).HasMaxLength(256);
        builder.Property(p => p.MailFromName).HasMaxLength(100);
        // No database defaults for these: EF would leave out a 0 or a false as "not set" and the default would win.
        builder.Property(p => p.ReminderTemplate).HasMaxLength(Practice.MaximumTemplateLength);
        builder.Property(p => p.AftercareTemplate).HasMaxLength(Practice.MaximumTemplateLength);
        builder.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> builder)
    {
        builder.ToTable("practitioners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DisplayName).HasMaxLength(200);
        builder.Property(p => p.Profession).HasMaxLength(200);
        builder.Property(p => p.WorkingHours)
            .HasConversion(v => Cupwise.Domain.Scheduling.WorkingHours.Format(v), v => Cupwise.Domain.Scheduling.WorkingHours.Parse(v),
                ListComparer.Of<Cupwise.Domain.Scheduling.WorkingHours>())
            .HasMaxLength(1000)
            .HasDefaultValue(Cupwise.Domain.Scheduling.WorkingHours.Default.ToList());
        builder.HasOne<Practice>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
