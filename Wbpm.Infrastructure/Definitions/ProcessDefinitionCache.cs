using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Caching;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Definitions;

/// <summary>
/// Parsed models of deployed definitions by definition id, for the engine (a singleton, bounded by
/// <see cref="DeploymentOptions.CacheCapacity"/>). Definitions never change once deployed, so an entry never goes
/// stale. Each entry remembers its tenant: a context scoped to another tenant misses and then finds nothing in the
/// database, so the cache never leaks a model across tenants.
/// </summary>
public sealed class ProcessDefinitionCache(IOptions<DeploymentOptions> options)
{
    private readonly LruCache<string, (string TenantId, ProcessModel Model)> _models = new(options.Value.CacheCapacity);

    public int Count => _models.Count;

    public void Add(string tenantId, string definitionId, ProcessModel model) => _models.Set(definitionId, (tenantId, model));

    /// <summary>The model of the definition, parsed once; throws <see cref="NotFoundException"/> when <paramref name="db"/> cannot see it.</summary>
    public async Task<ProcessModel> GetAsync(WbpmDbContext db, string definitionId, CancellationToken cancellationToken = default)
    {
        if (_models.TryGet(definitionId, out var cached) && (db.Scope.IsAllTenants || cached.TenantId == db.Scope.TenantId))
            return cached.Model;
        var row = await db.ProcessDefinitions.AsNoTracking()
            .Where(d => d.Id == definitionId)
            .Select(d => new { d.TenantId, d.Xml })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Process definition", definitionId);
        // Deployed XML passed the reader and validator at deployment time; a parse error here is a real bug.
        var model = new BpmnReader().Read(row.Xml);
        Add(row.TenantId, definitionId, model);
        return model;
    }
}
