using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Definitions;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Domain.Modeling;
using Wbpm.Tests.Support;
using static Wbpm.Tests.Infrastructure.Definitions.DefinitionsTestHost;

namespace Wbpm.Tests.Infrastructure.Definitions;

/// <summary>Deploying BPMN through the service on SQLite and a real PostgreSQL: versions, refusals, tenants, permissions, audit.</summary>
public sealed class DeploymentServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeployingTheSameKeyAgainCreatesTheNextVersion(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var deployments = designer.Get<DeploymentService>();

        var first = await deployments.DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")], "Invoices", "first cut"), Ct);
        var second = await deployments.DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")]), Ct);

        Assert.Equal(("invoice-approval", 1, "Invoice approval"), (first.Definitions.Single().Key, first.Definitions.Single().Version, first.Definitions.Single().Name));
        Assert.Equal(2, second.Definitions.Single().Version);
        var stored = await designer.Get<ProcessDefinitionQueries>().GetAsync(first.Definitions.Single().Id, Ct);
        Assert.Equal(("dana", "first cut", "invoice-approval.bpmn", first.Id), (stored.DeployedBy, stored.Comment, stored.ResourceName, stored.DeploymentId));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ConcurrentDeploymentsOfOneKeyGetUniqueContiguousVersions(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "deployments", "invoice-approval.bpmn"), Ct);
        using var start = new Barrier(8);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            await using var designer = host.As("tenant-a", $"designer-{i}", Role.Designer);
            var deployments = designer.Get<DeploymentService>();
            start.SignalAndWait(Ct); // all eight read the same maximum version before any commits
            return await deployments.DeployAsync(new DeploymentRequest([Upload("invoice-approval.bpmn", xml)]), Ct);
        }, Ct)));

        Assert.Equal(Enumerable.Range(1, 8), results.Select(r => r.Definitions.Single().Version).Order());
        await using var db = host.OpenAllTenants();
        Assert.Equal(Enumerable.Range(1, 8), await db.ProcessDefinitions.Select(d => d.Version).OrderBy(v => v).ToListAsync(Ct));
        Assert.Equal(8, await db.Deployments.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AnInvalidModelIsRefusedWithItsIssuesAndNothingIsStored(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);

        var refused = await Assert.ThrowsAsync<DeploymentRejectedException>(() => designer.Get<DeploymentService>().DeployAsync(
            new DeploymentRequest([Fixture("invoice-approval.bpmn"), Fixture("invalid-condition.bpmn")]), Ct));

        var issue = Assert.Single(refused.Problems, p => p.Severity == DeploymentProblem.Error);
        Assert.Equal(("invalid-condition.bpmn", "broken"), (issue.Resource, issue.ElementId));
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task HostileXmlIsRefusedWithParseErrorsAndNothingIsStored(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        const string hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&xxe;" isExecutable="true"/></definitions>
            """;

        var refused = await Assert.ThrowsAsync<DeploymentRejectedException>(() => designer.Get<DeploymentService>().DeployAsync(
            new DeploymentRequest([Fixture("invoice-approval.bpmn"), Upload("hostile.bpmn", hostile)]), Ct));

        Assert.Equal("The BPMN file cannot be read.", refused.Title);
        var error = Assert.Single(refused.Problems);
        Assert.Equal("hostile.bpmn", error.Resource);
        Assert.NotNull(error.Line);
        Assert.DoesNotContain("root:", error.Message);
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FilesOverTheSizeCapOrNotUtf8AreRefusedBeforeParsing(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var huge = new DeploymentFile("huge.bpmn", new MemoryStream(new byte[300_000]));
        var latin1 = new DeploymentFile("latin1.bpmn", new MemoryStream([.. "<definitions name=\""u8, 0xE9, .. "\"/>"u8]));

        var refused = await Assert.ThrowsAsync<DeploymentRejectedException>(() =>
            designer.Get<DeploymentService>().DeployAsync(new DeploymentRequest([huge, latin1]), Ct));

        Assert.Contains(refused.Problems, p => p.Resource == "huge.bpmn" && p.Message.Contains("larger than the limit"));
        Assert.Contains(refused.Problems, p => p.Resource == "latin1.bpmn" && p.Message.Contains("UTF-8"));
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task OnlyExecutableProcessesAreDeployedAndWarningsAreReturned(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions {BpmnSnippets.Namespaces} id="defs" targetNamespace="http://example.com/test">
              <process id="ours" isExecutable="true">
                <startEvent id="s1"/><sequenceFlow id="f1" sourceRef="s1" targetRef="e1"/><endEvent id="e1"/>
              </process>
              <process id="partner" isExecutable="false">
                <task id="unconnected"/>
              </process>
            </definitions>
            """;

        var result = await designer.Get<DeploymentService>().DeployAsync(new DeploymentRequest([Upload("pools.bpmn", xml)]), Ct);

        Assert.Equal("ours", Assert.Single(result.Definitions).Key);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("partner", DeploymentProblem.Warning), (warning.ElementId, warning.Severity));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ADefinitionOfAnotherTenantIsNotFoundById(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        string idOfB;
        await using (var designerB = host.As("tenant-b", "bea", Role.Designer))
            idOfB = (await designerB.Get<DeploymentService>().DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")]), Ct)).Definitions.Single().Id;

        await using var adminA = host.As("tenant-a", "ada", Role.Admin);
        var queries = adminA.Get<ProcessDefinitionQueries>();
        await Assert.ThrowsAsync<NotFoundException>(() => queries.GetAsync(idOfB, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => queries.GetXmlAsync(idOfB, Ct));
        Assert.Empty(await queries.ListAsync(cancellationToken: Ct));
        await using var db = adminA.Get<TenantDbContextFactory>().Create();
        await Assert.ThrowsAsync<NotFoundException>(() => host.GetSingleton<ProcessDefinitionCache>().GetAsync(db, idOfB, Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DeployingNeedsWorkflowEditAndReadingNeedsWorkflowView(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using (var viewer = host.As("tenant-a", "vera", Role.Viewer))
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                viewer.Get<DeploymentService>().DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")]), Ct));
            Assert.Empty(await viewer.Get<ProcessDefinitionQueries>().ListAsync(cancellationToken: Ct));
        }
        await using var businessUser = host.As("tenant-a", "alice", Role.User);
        await Assert.ThrowsAsync<ForbiddenException>(() => businessUser.Get<ProcessDefinitionQueries>().ListAsync(cancellationToken: Ct));
        await AssertNothingStoredAsync(host);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task ADeploymentIsAuditedInTheSameCommit(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var result = await designer.Get<DeploymentService>().DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")], "Invoices"), Ct);

        await using var db = host.OpenAllTenants();
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal(("tenant-a", "dana", "deployment.created", result.Id), (entry.TenantId, entry.ActorId, entry.Action, entry.EntityId));
        Assert.Contains("invoice-approval", entry.After);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task LatestOnlyListsTheNewestVersionOfEachKey(DatabaseProvider provider)
    {
        await using var host = await CreateAsync(provider);
        await using var designer = host.As("tenant-a", "dana", Role.Designer);
        var deployments = designer.Get<DeploymentService>();
        var other = BpmnSnippets.Around("<task id=\"t\"/>", "t").Replace("id=\"p\"", "id=\"other\"");
        await deployments.DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn"), Upload("other.bpmn", other)]), Ct);
        await deployments.DeployAsync(new DeploymentRequest([Fixture("invoice-approval.bpmn")]), Ct);
        var queries = designer.Get<ProcessDefinitionQueries>();

        var latest = await queries.ListAsync(latestOnly: true, cancellationToken: Ct);
        var invoices = await queries.ListAsync(key: "invoice-approval", cancellationToken: Ct);

        Assert.Equal([("invoice-approval", 2), ("other", 1)], latest.Select(d => (d.Key, d.Version)));
        Assert.Equal([2, 1], invoices.Select(d => d.Version));
    }

    private static async Task AssertNothingStoredAsync(DefinitionsTestHost host)
    {
        await using var db = host.OpenAllTenants();
        Assert.Equal(0, await db.Deployments.CountAsync(Ct));
        Assert.Equal(0, await db.ProcessDefinitions.CountAsync(Ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(Ct));
    }
}
