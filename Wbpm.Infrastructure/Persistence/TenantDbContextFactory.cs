using Wbpm.Domain.Security;

namespace Wbpm.Infrastructure.Persistence;

/// <summary>Contexts filtered to the current user's tenant: what every application service uses.</summary>
public sealed class TenantDbContextFactory(WbpmDbContextFactory factory, ICurrentUser currentUser)
{
    public WbpmDbContext Create() => factory.Create(TenantScope.For(currentUser.TenantId));
}
