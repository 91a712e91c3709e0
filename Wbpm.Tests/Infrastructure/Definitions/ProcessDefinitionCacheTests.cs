using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Caching;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Support;
using static Wbpm.Tests.Infrastructure.Definitions.DefinitionsTestHost;

namespace Wbpm.Tests.Infrastructure.Definitions;

public sealed class ProcessDefinitionCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TheLeastRecentlyUsedEntryIsEvictedAtCapacity()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("b", 2);
        Assert.True(cache.TryGet("a", out _)); // "b" is now the least recently used
        cache.Set("c", 3);

        Assert.Equal(2, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a) && a == 1);
        Assert.True(cache.TryGet("c", out var c) && c == 3);
    }

    [Fact]
    public async Task TheModelOfADeployedDefinitionIsServedWithoutParsingAgain()
    {
        await using var host = await CreateAsync(DatabaseProvider.Sqlite);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var id = (await designer.Get<DeploymentService>().DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")]), Ct)).Definitions.Single().Id;
        var cache = host.GetSingleton<ProcessDefinitionCache>();
        await using var db = designer.Get<TenantDbContextFactory>().Create();

        var first = await cache.GetAsync(db, id, Ct);
        var second = await cache.GetAsync(db, id, Ct);

        Assert.Same(first, second);
        Assert.NotNull(first.FindProcess("invoice-approval"));
    }

    [Fact]
    public async Task AModelNotInTheCacheIsLoadedFromTheDatabaseOnce()
    {
        await using var host = await CreateAsync(DatabaseProvider.Sqlite);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var id = (await designer.Get<DeploymentService>().DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")]), Ct)).Definitions.Single().Id;
        var fresh = new ProcessDefinitionCache(Microsoft.Extensions.Options.Options.Create(new DeploymentOptions()));
        await using var db = designer.Get<TenantDbContextFactory>().Create();

        var loaded = await fresh.GetAsync(db, id, Ct);

        Assert.Equal(1, fresh.Count);
        Assert.Same(loaded, await fresh.GetAsync(db, id, Ct));
    }
}
