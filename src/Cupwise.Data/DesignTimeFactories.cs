using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cupwise.Data;

// Used only by `dotnet ef migrations add`; the connection strings are never opened there.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCupwiseDbContext>
{
    public SqliteCupwiseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCupwiseDbContext>().UseSqlite("Data Source=design-time.db").Options, new PracticeScope());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCupwiseDbContext>
{
    public PostgresCupwiseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCupwiseDbContext>().UseNpgsql("Host=localhost;Database=cupwise_design").Options, new PracticeScope());
}
