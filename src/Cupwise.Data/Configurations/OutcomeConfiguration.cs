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
        builder.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TreatmentSession>().WithMany().HasForeignKey(o => o.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PracticeId, o.ClientId, o.TakenAt });
    }
}
