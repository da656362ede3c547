using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cupwise.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void TheSqliteMigrationsMatchTheModel()
    {
        using var db = DatabaseSettings.ForSqliteFile(Path.Combine(TestDatabase.NewDirectory(), "model.db")).CreateContext(new PracticeScope());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add an SQLite migration (see docs/development.md).");
    }

    [Fact]
    public void ThePostgresMigrationsMatchTheModel()
    {
        // The model diff needs no server: a connection string is enough.
        using var db = DatabaseSettings.Resolve("Host=127.0.0.1;Database=model_check", null).CreateContext(new PracticeScope());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a PostgreSQL migration (see docs/development.md).");
    }

    [Fact]
    public void EachProviderHasItsOwnMigrations()
    {
        using var sqlite = DatabaseSettings.ForSqliteFile(Path.Combine(TestDatabase.NewDirectory(), "m.db")).CreateContext(new PracticeScope());
        using var postgres = DatabaseSettings.Resolve("Host=127.0.0.1;Database=model_check", null).CreateContext(new PracticeScope());
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.NotEmpty(postgres.Database.GetMigrations());
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }

    [Fact]
    public async Task MigratingTwiceAppliesNothingTheSecondTime()
    {
        var database = await TestDatabase.CreateAsync();
        var first = await DatabaseMigrator.MigrateAsync(database);
        Assert.NotEmpty(first);
        Assert.Empty(await DatabaseMigrator.MigrateAsync(database));
        await using var db = database.CreateContext(new PracticeScope());
        Assert.Equal(StandardCatalogue.Cups.Count, await db.Cups.CountAsync());
        Assert.Equal(TestDatabase.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, database.Provider);
        Assert.Equal(StandardCatalogue.Sites.Count, await db.BodySites.CountAsync());
    }

    [Fact]
    public async Task SqliteRunsInWalModeWithForeignKeysAndFullSync()
    {
        // SQLite-specific settings: checked on an SQLite file in both passes of the suite.
        var database = DatabaseSettings.Resolve(null, TestDatabase.NewDirectory());
        await DatabaseMigrator.MigrateAsync(database);
        await using var db = database.CreateContext(new PracticeScope());
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        Assert.Equal("wal", Pragma(connection, "journal_mode"));
        Assert.Equal("1", Pragma(connection, "foreign_keys"));
        Assert.Equal("2", Pragma(connection, "synchronous")); // 2 = FULL
        Assert.Equal("5000", Pragma(connection, "busy_timeout"));
    }

    [Fact]
    public async Task TheDatabaseRefusesACupOnAnUnknownSite()
    {
        var database = await TestDatabase.CreateAsync();
        await DatabaseMigrator.MigrateAsync(database);
        await using var db = database.CreateContext(new PracticeScope());
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE body_sites SET \"DefaultCupId\" = 'no-such-cup' WHERE \"Id\" = 'sacrum'"));
        Assert.Contains("FOREIGN KEY", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task StartingOnAnExistingDatabaseBringsItsCatalogueUpToDate()
    {
        // A database written by an earlier start: a site whose stored facts are out of date and a cup that is no
        // longer in the catalogue's shape. Seeded with SQL, as an older Cupwise would have left them; the next
        // start puts the shipped catalogue back and keeps the rest.
        var database = await TestDatabase.CreateAsync();
        await DatabaseMigrator.MigrateAsync(database);
        await using (var db = database.CreateContext(new PracticeScope()))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE body_sites SET \"Tissue\" = 'Back', \"Name\" = 'old name' WHERE \"Id\" = 'cheek'");
            await db.Database.ExecuteSqlRawAsync("UPDATE cups SET \"Label\" = 'old label' WHERE \"Id\" = 'silicone-face-35'");
        }
        Assert.Empty(await DatabaseMigrator.MigrateAsync(database));
        await using var after = database.CreateContext(new PracticeScope());
        var cheek = await after.BodySites.SingleAsync(s => s.Id == "cheek");
        Assert.Equal(Cupwise.Physics.TissueRegion.Face, cheek.Tissue);
        Assert.Equal(StandardCatalogue.Sites.Single(s => s.Id == "cheek").Name, cheek.Name);
        Assert.Equal(StandardCatalogue.Cups.Single(c => c.Id == "silicone-face-35").Label, (await after.Cups.SingleAsync(c => c.Id == "silicone-face-35")).Label);
    }
}
