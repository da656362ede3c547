using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Data.Common;

namespace Cupwise.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database Cupwise uses: an SQLite file in the data directory by default, PostgreSQL when given a connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string Description)
{
    public const string FileName = "cupwise.db";

    /// <summary>
    /// Resolves the settings: <paramref name="db"/> (from <c>--db</c> or <c>CUPWISE_DB</c>) is a PostgreSQL
    /// connection string such as <c>Host=127.0.0.1;Port=5432;Database=cupwise;Username=cupwise</c>, or an SQLite
    /// one starting <c>Data Source=</c>; without it, an SQLite file in <paramref name="dataDirectory"/> or the
    /// default data directory.
    /// </summary>
    public static DatabaseSettings Resolve(string? db, string? dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(db))
        {
            if (db.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
            {
                return ForSqliteConnection(db);
            }
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(db);
            return new DatabaseSettings(DatabaseProvider.PostgreSql, db, $"PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port}");
        }
        var directory = string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory() : Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        return ForSqliteFile(Path.Combine(directory, FileName));
    }

    public static DatabaseSettings ForSqliteFile(string path) =>
        ForSqliteConnection(new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    private static DatabaseSettings ForSqliteConnection(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString(), $"SQLite file {builder.DataSource}");
    }

    /// <summary>The per-user data directory: <c>~/.local/share/cupwise</c> on Linux.</summary>
    public static string DefaultDataDirectory()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(root, "cupwise");
    }

    /// <summary>Registers <see cref="CupwiseDbContext"/> for this provider, with a <see cref="PracticeScope"/> per scope.</summary>
    /// <param name="interceptors">Per unit of work, e.g. the audit of saved changes.</param>
    public void Register(IServiceCollection services, Func<IServiceProvider, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[]>? interceptors = null)
    {
        services.TryAddScoped<PracticeScope>();
        void Options(IServiceProvider provider, DbContextOptionsBuilder options)
        {
            Configure(options);
            if (interceptors is not null)
            {
                options.AddInterceptors(interceptors(provider));
            }
        }
        if (Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<CupwiseDbContext, SqliteCupwiseDbContext>(Options);
        }
        else
        {
            services.AddDbContext<CupwiseDbContext, PostgresCupwiseDbContext>(Options);
        }
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            options.UseSqlite(ConnectionString).AddInterceptors(SqlitePragmas.Instance);
        }
        else
        {
            options.UseNpgsql(ConnectionString);
        }
    }

    /// <summary>A context outside dependency injection, for the command line and tests.</summary>
    public CupwiseDbContext CreateContext(PracticeScope scope)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var builder = new DbContextOptionsBuilder<SqliteCupwiseDbContext>();
            Configure(builder);
            return new SqliteCupwiseDbContext(builder.Options, scope);
        }
        else
        {
            var builder = new DbContextOptionsBuilder<PostgresCupwiseDbContext>();
            Configure(builder);
            return new PostgresCupwiseDbContext(builder.Options, scope);
        }
    }
}

/// <summary>
/// DESIGN.md §7: SQLite runs with synchronous=FULL and a busy timeout on every connection (WAL is set once
/// per file by the migrator, and persists).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
