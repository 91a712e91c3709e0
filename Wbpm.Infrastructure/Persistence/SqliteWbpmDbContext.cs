using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>SQLite flavour of <see cref="WbpmDbContext"/> (own migrations under Migrations/Sqlite).</summary>
public sealed class SqliteWbpmDbContext(DbContextOptions<SqliteWbpmDbContext> options)
    : WbpmDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so filters and sorting run in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
