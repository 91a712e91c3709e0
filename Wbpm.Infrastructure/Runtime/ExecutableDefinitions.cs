using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Engine;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Runtime;

/// <summary>
/// Runnable definitions by id: the parsed model from <see cref="ProcessDefinitionCache"/> wrapped once in an
/// <see cref="ExecutableDefinition"/> (which precomputes join reachability). Definitions never change once deployed.
/// </summary>
public sealed class ExecutableDefinitions(ProcessDefinitionCache models, LatestVersions latest)
{
    private readonly ConcurrentDictionary<string, ExecutableDefinition> _byId = new(StringComparer.Ordinal);

    /// <summary>The definition as <paramref name="db"/> sees it (tenant filter applies); <see cref="NotFoundException"/> otherwise.</summary>
    public async Task<ExecutableDefinition> GetAsync(WbpmDbContext db, string definitionId, CancellationToken cancellationToken = default)
    {
        if (_byId.TryGetValue(definitionId, out var cached) && (db.Scope.IsAllTenants || cached.TenantId == db.Scope.TenantId))
            return cached;
        var row = await db.ProcessDefinitions.AsNoTracking().Where(d => d.Id == definitionId)
            .Select(d => new { d.Key, d.Version, d.TenantId }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Process definition", definitionId);
        var model = await models.GetAsync(db, definitionId, cancellationToken);
        var definition = new ExecutableDefinition(model, row.Key, definitionId, row.Key, row.Version, row.TenantId);
        _byId[definitionId] = definition;
        return definition;
    }

    /// <summary>The latest version of <paramref name="key"/> in the context's tenant.</summary>
    public async Task<ExecutableDefinition> GetLatestAsync(WbpmDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var id = await latest.IdAsync(db, key, cancellationToken) ?? throw new NotFoundException("Process definition with key", key);
        return await GetAsync(db, id, cancellationToken);
    }
}
