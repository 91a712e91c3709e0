using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Wbpm.Infrastructure.Persistence;

// Used only by `dotnet ef migrations add` (see docs/architecture.md): one factory per provider.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWbpmDbContext>
{
    public SqliteWbpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWbpmDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWbpmDbContext>
{
    public PostgreSqlWbpmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlWbpmDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
