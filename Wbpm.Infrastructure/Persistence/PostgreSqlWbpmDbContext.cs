using Microsoft.EntityFrameworkCore;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>PostgreSQL flavour of <see cref="WbpmDbContext"/> (own migrations under Migrations/PostgreSql).</summary>
public sealed class PostgreSqlWbpmDbContext(DbContextOptions<PostgreSqlWbpmDbContext> options)
    : WbpmDbContext(options);
