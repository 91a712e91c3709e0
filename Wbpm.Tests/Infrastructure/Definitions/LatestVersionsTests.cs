using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Infrastructure.Runtime;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Infrastructure.Definitions;

/// <summary>Starts by key run the latest version although the latest version is remembered (on SQLite) between starts.</summary>
public sealed class LatestVersionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AStartByKeyRunsTheVersionDeployedAfterThePreviousStart(DatabaseProvider provider)
    {
        await using var host = await RuntimeTestHost.CreateAsync(provider);
        await host.DeployAsync("approval.bpmn");
        Assert.Equal(1, await StartedVersionAsync(host, RuntimeTestHost.TenantA));

        await host.DeployAsync("approval.bpmn");

        Assert.Equal(2, await StartedVersionAsync(host, RuntimeTestHost.TenantA));
        Assert.Equal(2, await StartedVersionAsync(host, RuntimeTestHost.TenantA));
    }

    [Fact]
    public async Task EachTenantStartsItsOwnLatestVersionOfTheSameKey()
    {
        await using var host = await RuntimeTestHost.CreateAsync(DatabaseProvider.Sqlite);
        await host.DeployToAsync(RuntimeTestHost.TenantA, "approval.bpmn");
        await host.DeployToAsync(RuntimeTestHost.TenantA, "approval.bpmn");
        Assert.Equal(2, await StartedVersionAsync(host, RuntimeTestHost.TenantA));

        await Assert.ThrowsAsync<NotFoundException>(() => StartedVersionAsync(host, RuntimeTestHost.TenantB));
        await host.DeployToAsync(RuntimeTestHost.TenantB, "approval.bpmn");

        Assert.Equal(1, await StartedVersionAsync(host, RuntimeTestHost.TenantB));
        Assert.Equal(2, await StartedVersionAsync(host, RuntimeTestHost.TenantA));
    }

    private static async Task<int> StartedVersionAsync(RuntimeTestHost host, string tenantId)
    {
        await using var user = host.AsIn(tenantId, "alice", Role.User);
        var started = await user.Get<ProcessInstanceService>().StartByKeyAsync("approval", new StartInstanceRequest(null, null), Ct);
        await using var db = host.OpenAllTenants();
        return (await db.ProcessInstances.FindAsync([started.Id], Ct))!.DefinitionVersion;
    }
}
