using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Wbpm.Domain.Expressions;
using Wbpm.Domain.Modeling.Validation;
using Wbpm.Domain.Security;
using Microsoft.Extensions.Options;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.ApiKeys;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.DataProtection;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Jobs;
using Wbpm.Infrastructure.Notifications;
using Wbpm.Infrastructure.Observability;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime.Changes;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Infrastructure.Seeding;

namespace Wbpm.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence (provider from <c>Wbpm:Database</c>), Identity stores and policies, tenancy and admin services.</summary>
    public static IServiceCollection AddWbpmInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // First hosted service: the database is migrated before anything (data protection, jobs) touches it.
        services.AddHostedService<DatabaseInitializer>();
        // Metrics first: services below (job executor, sign-in) record on the "Wbpm" meter.
        services.AddWbpmObservability(configuration);
        services.Configure<DatabaseOptions>(configuration.GetSection("Wbpm:Database"));
        services.Configure<DemoOptions>(configuration.GetSection("Wbpm:Demo"));
        services.Configure<BootstrapOptions>(configuration.GetSection("Wbpm:Bootstrap"));
        services.AddSingleton(TimeProvider.System);

        var database = configuration.GetSection("Wbpm:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionString(configuration, database, contentRoot);
        services.AddSingleton<TaskChangeFeed>();
        services.AddSingleton<TaskChangeCapture>();
        services.AddWbpmNotifications(configuration);
        services.AddSingleton(sp => new WbpmDbContextFactory(database.Provider, connectionString, database.SqliteSynchronous,
            sp.GetRequiredService<TaskChangeCapture>(), sp.GetRequiredService<Notifications.NotificationCapture>()));
        services.AddScoped<TenantDbContextFactory>();
        services.TryAddSingleton<GroupCommit>();

        // Identity's stores see all tenants: signing in and cookie revalidation happen before a tenant is known.
        // Application services never take this context; they use TenantDbContextFactory.
        services.AddScoped<WbpmDbContext>(sp => sp.GetRequiredService<WbpmDbContextFactory>().Create(TenantScope.AllTenants));

        // Cookie and antiforgery keys live in the database: sessions survive restarts and work across nodes.
        services.AddDataProtection().SetApplicationName("Wbpm");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<WbpmDbContextFactory>())));

        services.AddScoped<ClaimsCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ClaimsCurrentUser>());

        services.AddIdentityCore<WbpmUser>(ConfigureIdentity)
            .AddRoles<WbpmRole>()
            .AddEntityFrameworkStores<WbpmDbContext>()
            .AddSignInManager<WbpmSignInManager>()
            .AddClaimsPrincipalFactory<WbpmClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PasswordPolicy>();
        services.AddScoped<TenantProvisioning>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<GroupAdministration>();
        services.AddScoped<TenantAdministration>();
        services.AddScoped<MyAccount>();
        services.AddScoped<ApiKeyAdministration>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddScoped<BootstrapApiKey>();

        // One FEEL engine per app: it owns the parse cache the validator (and later the engine) share.
        services.Configure<DeploymentOptions>(configuration.GetSection("Wbpm:Deployments"));
        services.AddSingleton(new FeelEngine());
        services.Configure<Scripts.ScriptOptions>(configuration.GetSection("Wbpm:Scripts"));
        services.AddSingleton(sp => new ModelValidator(new FeelSyntaxChecker(sp.GetRequiredService<FeelEngine>()),
            new ModelValidatorOptions { ScriptTasksEnabled = sp.GetRequiredService<IOptions<Scripts.ScriptOptions>>().Value.Enabled }));
        services.AddSingleton<DeploymentResourceReader>();
        services.AddSingleton<ProcessDefinitionCache>();
        services.AddSingleton<LatestVersions>();
        services.AddScoped<DeploymentService>();
        services.AddScoped<ProcessDefinitionQueries>();
        services.AddScoped<FirstRunSeeder>();
        services.AddScoped<DemoProcesses>();
        services.AddScoped<ProcessDraftService>();
        services.AddScoped<DraftValidation>();
        services.AddScoped<DraftDeployment>();
        services.AddScoped<TenantUserNames>();
        services.AddScoped<VersionHistory>();
        // Hosted services start in order: the executor starts after the DatabaseInitializer registered first above.
        services.AddWbpmJobs(configuration);
        services.AddSingleton<Templates.BuiltInTemplateLibrary>();
        services.AddScoped<Templates.ProcessTemplateCatalog>();
        services.AddScoped<Templates.TemplateDraftService>();
        services.AddWbpmRuntime();
        return services;
    }

    /// <summary>Lockout after 5 failed sign-ins for 15 minutes; a password policy people can live with.</summary>
    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }

    private static string ConnectionString(IConfiguration configuration, DatabaseOptions database, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Wbpm");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException("ConnectionStrings:Wbpm is required when Wbpm:Database:Provider is PostgreSql.");
        var folder = Path.GetFullPath(Path.Combine(contentRoot, database.DataDirectory));
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "wbpm.db")}";
    }
}
