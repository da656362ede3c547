using Cupwise.Domain.Clients;
using Cupwise.Domain.Practices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cupwise.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.FamilyName).HasMaxLength(100);
        builder.Property(c => c.GivenName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DisplayName);
        builder.HasOne<Practice>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PracticeId, c.FamilyName, c.GivenName });
        // The health history is read and written whole with its client: one JSON document.
        builder.OwnsOne(c => c.HealthHistory, h =>
        {
            h.ToJson("HealthHistory");
            h.OwnsMany(x => x.Conditions);
            h.OwnsMany(x => x.Medications);
            h.OwnsOne(x => x.Pregnancy);
            h.OwnsMany(x => x.SkinFindings);
            h.OwnsMany(x => x.Allergies);
        });
    }
}

internal sealed class ClientRevisionConfiguration : IEntityTypeConfiguration<ClientRevision>
{
    public void Configure(EntityTypeBuilder<ClientRevision> builder)
    {
        builder.ToTable("client_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ReplacedBy).HasMaxLength(200);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ClientId, r.Version }).IsUnique();
    }
}
