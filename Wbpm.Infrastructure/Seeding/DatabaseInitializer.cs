using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Seeding;

/// <summary>
/// Runs before the app serves requests: applies migrations (if configured), creates the built-in roles, and on an
/// empty database the demo tenant or the bootstrap admin, then the bootstrap API key when configured. Idempotent: a second start changes nothing.
/// </summary>
public sealed partial class DatabaseInitializer(
    WbpmDbContextFactory contexts,
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    IOptions<BootstrapOptions> bootstrap,
    ILogger<DatabaseInitializer> logger,
    IHostEnvironment? environment = null) : IHostedService
{
    // Demo users share a published password: outside Development (or without a host) they need an explicit opt-in.
    private bool DemoAllowed => demo.Value.Enabled && (environment?.IsDevelopment() == true || demo.Value.AllowOutsideDevelopment);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        bool hasUsers;
        await using (var db = contexts.Create(TenantScope.AllTenants))
        {
            if (database.Value.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (contexts.Provider == DatabaseProvider.Sqlite)
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            await EnsureRolesAsync(db, cancellationToken);
            hasUsers = await db.Users.AnyAsync(cancellationToken);
        }

        // Provisioning needs Identity's scoped services (password policy and hashing).
        await using var scope = scopes.CreateAsyncScope();
        if (!hasUsers)
            await SeedFirstRunAsync(scope.ServiceProvider.GetRequiredService<FirstRunSeeder>(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(bootstrap.Value.ApiKey))
        {
            var admin = DemoAllowed ? "admin" : bootstrap.Value.AdminEmail ?? "";
            await scope.ServiceProvider.GetRequiredService<BootstrapApiKey>().EnsureAsync(bootstrap.Value.ApiKey, admin, cancellationToken);
        }
    }

    private async Task SeedFirstRunAsync(FirstRunSeeder seeder, CancellationToken cancellationToken)
    {
        if (demo.Value.Enabled && !DemoAllowed)
            LogDemoRefused(logger, environment?.EnvironmentName ?? "unknown");
        if (DemoAllowed)
        {
            await seeder.SeedDemoAsync(demo.Value, cancellationToken);
            LogDemoSeeded(logger);
        }
        else if (!string.IsNullOrWhiteSpace(bootstrap.Value.AdminEmail) && !string.IsNullOrWhiteSpace(bootstrap.Value.AdminPassword))
        {
            await seeder.SeedBootstrapAdminAsync(bootstrap.Value, cancellationToken);
            LogBootstrapSeeded(logger, bootstrap.Value.AdminEmail);
        }
        else
        {
            LogNoUsers(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task EnsureRolesAsync(WbpmDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Role.All.Except(existing.OfType<string>()))
            db.Roles.Add(new WbpmRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data is enabled but the environment is {Environment}: demo users (published password) are not created. Set Wbpm:Demo:AllowOutsideDevelopment=true to create them anyway.")]
    private static partial void LogDemoRefused(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo tenant 'Acme' with its demo users.")]
    private static partial void LogDemoSeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap admin {Email}.")]
    private static partial void LogBootstrapSeeded(ILogger logger, string? email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has no users: set Wbpm:Bootstrap:AdminEmail and Wbpm:Bootstrap:AdminPassword (or enable Wbpm:Demo) and restart.")]
    private static partial void LogNoUsers(ILogger logger);
}
