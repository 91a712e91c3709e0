using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Definitions;

/// <summary>
/// Which definition is the latest version of a key, per tenant: every start by key asks, and asking the database was a
/// tenth of a start's cost (docs/benchmarks.md). Remembered only on SQLite, the embedded database of ONE application
/// process, which therefore sees every deployment (<see cref="Deployed"/>); PostgreSQL serves several nodes, and a
/// deployment on another node would go unnoticed, so there every start asks the database.
/// <para>
/// A deployment forgets the key after its commit. The generation keeps a look-up that raced with a deployment from
/// remembering what it read before that commit: it remembers only if no deployment finished meanwhile.
/// </para>
/// </summary>
public sealed class LatestVersions(WbpmDbContextFactory contexts)
{
    private readonly ConcurrentDictionary<(string TenantId, string Key), string> _ids = new();
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>The id of the latest version of <paramref name="key"/> that <paramref name="db"/> sees; null when none.</summary>
    public async Task<string?> IdAsync(WbpmDbContext db, string key, CancellationToken cancellationToken)
    {
        if (contexts.Provider != DatabaseProvider.Sqlite || db.Scope.TenantId is not { } tenantId)
            return await QueryAsync(db, key, cancellationToken);
        if (_ids.TryGetValue((tenantId, key), out var remembered))
            return remembered;
        var generation = Volatile.Read(ref _generation);
        var id = await QueryAsync(db, key, cancellationToken);
        if (id is not null)
            lock (_gate)
                if (generation == _generation)
                    _ids[(tenantId, key)] = id;
        return id;
    }

    /// <summary>Call after a deployment of <paramref name="key"/> committed: the next start asks the database.</summary>
    public void Deployed(string tenantId, string key)
    {
        lock (_gate)
        {
            _generation++;
            _ids.TryRemove((tenantId, key), out _);
        }
    }

    public static Task<string?> QueryAsync(WbpmDbContext db, string key, CancellationToken cancellationToken) =>
        db.ProcessDefinitions.AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version)
            .Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
}
