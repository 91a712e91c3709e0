using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Auditing;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Domain.Jobs;
using Wbpm.Domain.Tenancy;
using Wbpm.Infrastructure.Identity;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>
/// The one DbContext: Identity, tenancy, audit (and later the engine's tables). Every <see cref="ITenantOwned"/>
/// entity gets a global query filter on the context's <see cref="TenantScope"/>, so lookups by id are filtered too.
/// Provider-specific subclasses exist only so each provider keeps its own migrations (EF: one context type per
/// migration set).
/// </summary>
public abstract class WbpmDbContext(DbContextOptions options)
    : IdentityDbContext<WbpmUser, WbpmRole, string>(options)
{
    /// <summary>Set by <see cref="Lease"/>; a context nobody leased sees nothing.</summary>
    public TenantScope Scope { get; private set; } = TenantScope.None;

    /// <summary>
    /// Set while <see cref="GroupCommit"/> saves this context inside a shared transaction: commit announcements
    /// (<see cref="AfterCommitInterceptor{T}"/>) wait here until that transaction has committed.
    /// </summary>
    internal List<Action>? HeldAnnouncements { get; set; }

    /// <summary>
    /// New rows that nobody reads back before the save (history events, a started instance's variable rows). They skip EF's change
    /// tracking, which cost more than writing them; <see cref="MultiRowInserts"/> inserts them with the save's other rows
    /// and empties the list only when the save committed, so a save that is tried again writes them again.
    /// </summary>
    public List<object> UntrackedInserts { get; } = [];

    /// <summary>
    /// Readies a context from <see cref="WbpmDbContextFactory"/>'s pool for its next user: EF resets its own state
    /// (tracked entities, connection, transaction) when a context goes back; this resets ours.
    /// </summary>
    internal WbpmDbContext Lease(TenantScope scope)
    {
        // EF's reset does not undo an OpenConnection its last user left open (a job batch whose handler threw):
        // the connection would count as in use, and the group commit could not lend it the writer's.
        Database.CloseConnection();
        Scope = scope;
        HeldAnnouncements = null;
        UntrackedInserts.Clear();
        return this;
    }

    // Read by the query filters; EF parameterises them per context instance.
    private bool SeesAllTenants => Scope.IsAllTenants;
    private bool HasTenant => Scope.TenantId is not null;
    private string CurrentTenantId => Scope.TenantId ?? "";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Deployment> Deployments => Set<Deployment>();
    public DbSet<ProcessDefinition> ProcessDefinitions => Set<ProcessDefinition>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtection.DataProtectionKey> DataProtectionKeys => Set<DataProtection.DataProtectionKey>();
    public DbSet<ProcessDraft> ProcessDrafts => Set<ProcessDraft>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<TenantTemplate> TenantTemplates => Set<TenantTemplate>();
    public DbSet<Runtime.ProcessInstance> ProcessInstances => Set<Runtime.ProcessInstance>();
    public DbSet<Runtime.UserTask> UserTasks => Set<Runtime.UserTask>();
    public DbSet<Runtime.TaskCandidate> TaskCandidates => Set<Runtime.TaskCandidate>();
    public DbSet<Runtime.ExternalTask> ExternalTasks => Set<Runtime.ExternalTask>();
    public DbSet<Runtime.EventSubscription> EventSubscriptions => Set<Runtime.EventSubscription>();
    public DbSet<Runtime.HistoryEntry> HistoryEvents => Set<Runtime.HistoryEntry>();
    public DbSet<Runtime.Comments.TaskComment> TaskComments => Set<Runtime.Comments.TaskComment>();
    public DbSet<Inbox.InstanceVariable> InstanceVariables => Set<Inbox.InstanceVariable>();
    public DbSet<Inbox.SavedFilter> SavedFilters => Set<Inbox.SavedFilter>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WbpmDbContext).Assembly);
        ApplyTenantFilters(builder);
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
                continue;
            var filter = typeof(WbpmDbContext)
                .GetMethod(nameof(TenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType)
                .Invoke(this, null);
            builder.Entity(entityType.ClrType).HasQueryFilter((LambdaExpression)filter!);
        }
    }

    private Expression<Func<T, bool>> TenantFilter<T>() where T : ITenantOwned =>
        // Without a tenant the filter is false for every row: "no tenant" is never "no filter".
        e => SeesAllTenants || (HasTenant && e.TenantId == CurrentTenantId);
}
