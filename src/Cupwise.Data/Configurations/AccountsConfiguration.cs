using Cupwise.Data.Accounts;
using Cupwise.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Data.Configurations;

/// <summary>Logins (ASP.NET Core Identity's tables, renamed to match ours), sessions, API tokens and the audit log.</summary>
internal static class AccountsConfiguration
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CupwiseUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.Role).HasMaxLength(32);
            b.HasOne<Practice>().WithMany().HasForeignKey(u => u.PracticeId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(u => u.PracticeId);
        });
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");

        modelBuilder.Entity<UserSession>(b =>
        {
            b.ToTable("user_sessions");
            b.HasKey(s => s.Id);
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.EndReason).HasMaxLength(32);
            b.HasOne<CupwiseUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(s => s.UserId);
        });

        modelBuilder.Entity<ApiToken>(b =>
        {
            b.ToTable("api_tokens");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.TokenHash).HasMaxLength(64);
            b.HasIndex(t => t.TokenHash).IsUnique();
            b.HasOne<CupwiseUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LoginInvitation>(b =>
        {
            b.ToTable("login_invitations");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.TokenHash).HasMaxLength(64);
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.HasIndex(i => i.UserId);
            b.HasOne<CupwiseUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Mail.OutgoingMail>(b =>
        {
            b.ToTable("outgoing_mail");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.ToAddress).HasMaxLength(256);
            b.Property(m => m.Subject).HasMaxLength(200);
            b.Property(m => m.Body).HasMaxLength(8000);
            b.Property(m => m.Key).HasMaxLength(100);
            b.Property(m => m.LastError).HasMaxLength(500);
            b.HasOne<Practice>().WithMany().HasForeignKey(m => m.PracticeId).OnDelete(DeleteBehavior.Restrict);
            // The sender's question: what is due and not yet sent.
            b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            b.HasIndex(m => new { m.PracticeId, m.CreatedAt });
            b.HasIndex(m => new { m.PracticeId, m.Key }).IsUnique();
        });

        modelBuilder.Entity<AccessGrant>(b =>
        {
            b.ToTable("access_grants");
            b.HasKey(g => g.Id);
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Kind).HasMaxLength(16);
            b.Property(g => g.Reason).HasMaxLength(500);
            b.HasIndex(g => new { g.UserId, g.ClientId });
            b.HasOne<CupwiseUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(e => e.Sequence);
            b.Property(e => e.Sequence).ValueGeneratedNever();
            b.Property(e => e.Actor).HasMaxLength(256);
            b.Property(e => e.Action).HasMaxLength(32);
            b.Property(e => e.What).HasMaxLength(300);
            b.Property(e => e.Outcome).HasMaxLength(32);
            b.Property(e => e.PreviousHash).HasMaxLength(64);
            b.Property(e => e.Hash).HasMaxLength(64);
            b.HasIndex(e => new { e.ClientId, e.At });
            b.HasIndex(e => e.At);
        });
        modelBuilder.Entity<AuditOutboxEntry>(b =>
        {
            b.ToTable("audit_outbox");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedOnAdd();
            b.Property(e => e.Actor).HasMaxLength(256);
            b.Property(e => e.Action).HasMaxLength(32);
            b.Property(e => e.What).HasMaxLength(300);
            b.Property(e => e.Outcome).HasMaxLength(32);
            b.Property(e => e.ResourceKind).HasMaxLength(32);
        });
    }
}
