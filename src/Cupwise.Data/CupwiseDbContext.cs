using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Cupwise.Data.Accounts;
using Cupwise.Data.Configurations;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Data;

/// <summary>
/// Cupwise's database. The provider-specific subclasses exist only so that each provider keeps its own
/// migrations (SQLite and PostgreSQL differ in types); the model is defined once, here.
/// </summary>
public abstract class CupwiseDbContext(DbContextOptions options, PracticeScope scope) : IdentityUserContext<CupwiseUser, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Read by the global query filters; EF Core evaluates it per query.</summary>
    public Guid CurrentPracticeId => scope.PracticeId;

    /// <summary>Set for a client's own login: client data is then filtered to this one client as well.</summary>
    public Guid? CurrentClientId => scope.ClientId;

    public PracticeScope Scope => scope;

    public Guid? CurrentCareUserId => scope.CareUserId;
    public DateTimeOffset CurrentCareNow => scope.CareNow;
    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<LoginInvitation> LoginInvitations => Set<LoginInvitation>();
    public DbSet<Mail.OutgoingMail> OutgoingMail => Set<Mail.OutgoingMail>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Audit entries committed with their change and not yet chained (<see cref="AuditOutboxEntry"/>).</summary>
    public DbSet<AuditOutboxEntry> AuditOutbox => Set<AuditOutboxEntry>();

    public DbSet<Practice> Practices => Set<Practice>();

    /// <summary>ASP.NET Core's data-protection keys (antiforgery, cookies): kept in the database so they survive a restart and are shared by every server.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Practitioner> Practitioners => Set<Practitioner>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<ClientRevision> ClientRevisions => Set<ClientRevision>();
    public DbSet<Cup> Cups => Set<Cup>();
    public DbSet<BodySite> BodySites => Set<BodySite>();
    public DbSet<TreatmentSession> Sessions => Set<TreatmentSession>();
    public DbSet<CupApplication> CupApplications => Set<CupApplication>();
    public DbSet<SessionAmendment> SessionAmendments => Set<SessionAmendment>();
    public DbSet<OutcomeMeasurement> Outcomes => Set<OutcomeMeasurement>();
    public DbSet<Domain.Marks.MarkFollowUp> MarkFollowUps => Set<Domain.Marks.MarkFollowUp>();
    public DbSet<Domain.Marks.MarkPhoto> MarkPhotos => Set<Domain.Marks.MarkPhoto>();
    public DbSet<Domain.Marks.MarkPhotoContent> MarkPhotoContents => Set<Domain.Marks.MarkPhotoContent>();
    public DbSet<AdverseEvent> AdverseEvents => Set<AdverseEvent>();
    public DbSet<Domain.Plans.PracticeProtocol> PracticeProtocols => Set<Domain.Plans.PracticeProtocol>();
    public DbSet<Domain.Plans.TreatmentPlan> Plans => Set<Domain.Plans.TreatmentPlan>();
    public DbSet<Domain.Scheduling.Appointment> Appointments => Set<Domain.Scheduling.Appointment>();
    public DbSet<Domain.Scheduling.VisitService> Services => Set<Domain.Scheduling.VisitService>();
    public DbSet<Domain.Scheduling.CalendarFeed> CalendarFeeds => Set<Domain.Scheduling.CalendarFeed>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so that the database reads the same as the API and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        configurationBuilder.Properties<PainScore>().HaveConversion<ValueConverters.PainScoreConverter>();
        configurationBuilder.Properties<MarkGrade>().HaveConversion<ValueConverters.MarkGradeConverter>();
        configurationBuilder.Properties<RimDiameter>().HaveConversion<ValueConverters.RimDiameterConverter>();
        configurationBuilder.Properties<CupVolume>().HaveConversion<ValueConverters.CupVolumeConverter>();
        configurationBuilder.Properties<GaugePressure>().HaveConversion<ValueConverters.GaugePressureConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        AccountsConfiguration.Configure(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.ApplyConfiguration(new PracticeConfiguration());
        modelBuilder.ApplyConfiguration(new PractitionerConfiguration());
        modelBuilder.ApplyConfiguration(new ClientConfiguration());
        modelBuilder.ApplyConfiguration(new ClientRevisionConfiguration());
        modelBuilder.ApplyConfiguration(new CupConfiguration());
        modelBuilder.ApplyConfiguration(new BodySiteConfiguration());
        modelBuilder.ApplyConfiguration(new TreatmentSessionConfiguration());
        modelBuilder.ApplyConfiguration(new CupApplicationConfiguration());
        modelBuilder.ApplyConfiguration(new SessionAmendmentConfiguration());
        modelBuilder.ApplyConfiguration(new OutcomeMeasurementConfiguration());
        modelBuilder.ApplyConfiguration(new MarkFollowUpConfiguration());
        modelBuilder.ApplyConfiguration(new MarkPhotoConfiguration());
        modelBuilder.ApplyConfiguration(new MarkPhotoContentConfiguration());
        modelBuilder.ApplyConfiguration(new AdverseEventConfiguration());
        modelBuilder.ApplyConfiguration(new PracticeProtocolConfiguration());
        modelBuilder.ApplyConfiguration(new TreatmentPlanConfiguration());
        modelBuilder.ApplyConfiguration(new AppointmentConfiguration());
        modelBuilder.ApplyConfiguration(new VisitServiceConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarFeedConfiguration());

        // Tenancy: every row of client data belongs to a practice, and a context sees only its own.
        // The filters must refer to this context (not a captured one) so EF Core reads the scope per query.
        // The standard catalogue is shared; a practice's own cups are its own.
        modelBuilder.Entity<Cup>().HasQueryFilter(c => c.PracticeId == null || c.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<Practitioner>().HasQueryFilter(p => p.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<Domain.Scheduling.VisitService>().HasQueryFilter(s => s.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<Client>().HasQueryFilter(c => c.PracticeId == CurrentPracticeId && (CurrentClientId == null || c.Id == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == c.Id && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<ClientRevision>().HasQueryFilter(r => r.PracticeId == CurrentPracticeId && (CurrentClientId == null || r.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == r.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<TreatmentSession>().HasQueryFilter(s => s.PracticeId == CurrentPracticeId && (CurrentClientId == null || s.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == s.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<CupApplication>().HasQueryFilter(c => c.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<SessionAmendment>().HasQueryFilter(a => a.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<OutcomeMeasurement>().HasQueryFilter(o => o.PracticeId == CurrentPracticeId && (CurrentClientId == null || o.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == o.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<Domain.Marks.MarkFollowUp>().HasQueryFilter(o => o.PracticeId == CurrentPracticeId && (CurrentClientId == null || o.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == o.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<Domain.Marks.MarkPhoto>().HasQueryFilter(p => p.PracticeId == CurrentPracticeId && (CurrentClientId == null || p.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == p.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<Domain.Marks.MarkPhotoContent>().HasQueryFilter(c => c.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<AdverseEvent>().HasQueryFilter(e => e.PracticeId == CurrentPracticeId && (CurrentClientId == null || e.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == e.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<Domain.Plans.PracticeProtocol>().HasQueryFilter(p => p.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<Domain.Plans.TreatmentPlan>().HasQueryFilter(p => p.PracticeId == CurrentPracticeId && (CurrentClientId == null || p.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == p.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<Domain.Scheduling.Appointment>().HasQueryFilter(a => a.PracticeId == CurrentPracticeId && (CurrentClientId == null || a.ClientId == CurrentClientId) && (CurrentCareUserId == null || AccessGrants.Any(g => g.ClientId == a.ClientId && g.UserId == CurrentCareUserId && (g.ExpiresAt == null || g.ExpiresAt > CurrentCareNow))));
        modelBuilder.Entity<Domain.Scheduling.CalendarFeed>().HasQueryFilter(f => f.PracticeId == CurrentPracticeId);
        modelBuilder.Entity<AccessGrant>().HasQueryFilter(g => g.PracticeId == CurrentPracticeId);
    }
}

public sealed class SqliteCupwiseDbContext(DbContextOptions<SqliteCupwiseDbContext> options, PracticeScope scope)
    : CupwiseDbContext(options, scope)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time type: store UTC ticks so that times sort and compare in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ValueConverters.UtcTicksConverter>();
    }
}

public sealed class PostgresCupwiseDbContext(DbContextOptions<PostgresCupwiseDbContext> options, PracticeScope scope)
    : CupwiseDbContext(options, scope)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // timestamptz accepts only UTC offsets from Npgsql.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ValueConverters.ToUtcConverter>();
    }
}
