using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Identity;
using Wbpm.Infrastructure.Runtime;
using Wbpm.Tests.Domain.Modeling;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web.Designer;

/// <summary>The designer's version history on a real database: instance counts, one version, two versions compared; tenant users.</summary>
public sealed class VersionHistoryTests(WbpmAppFactory factory) : IClassFixture<WbpmAppFactory>
{
    private const string Body = """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <userTask id="review" name="NAME" wbpm:candidateGroups="managers"/>
        <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
        <endEvent id="end"/>
        """;

    [Fact]
    public async Task Each_version_lists_how_many_instances_were_started_from_it()
    {
        await using var scope = await AsAsync("designer");
        var (drafts, deployment, instances) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>(), scope.Get<ProcessInstanceService>());
        var id = await drafts.ImportAsync("p.bpmn", Model("counted", "Review"));
        await deployment.DeployAsync(id, 1, null);
        await instances.StartByKeyAsync("counted", new StartInstanceRequest(null, null));
        await instances.StartByKeyAsync("counted", new StartInstanceRequest(null, null));
        var saved = await drafts.SaveAsync(id, Model("counted", "Check"), 1);
        await deployment.DeployAsync(id, saved.Revision, null);
        await instances.StartByKeyAsync("counted", new StartInstanceRequest(null, null));

        var versions = await scope.Get<VersionHistory>().ListAsync(id);

        Assert.Equal([(2, 1), (1, 2)], versions.Select(v => (v.Definition.Version, v.InstanceCount)));
    }

    [Fact]
    public async Task Two_deployed_versions_compare_with_the_renamed_task_changed()
    {
        await using var scope = await AsAsync("designer");
        var (drafts, deployment) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>());
        var id = await drafts.ImportAsync("p.bpmn", Model("compared", "Review"));
        var one = await deployment.DeployAsync(id, 1, null);
        var saved = await drafts.SaveAsync(id, Model("compared", "Check"), 1);
        var two = await deployment.DeployAsync(id, saved.Revision, null);

        var comparison = await scope.Get<VersionHistory>().CompareAsync(id, one.Id, two.Id);

        Assert.Equal((1, 2), (comparison.From.Definition.Version, comparison.To.Definition.Version));
        var change = Assert.Single(comparison.Differences);
        Assert.Equal(("review", ElementChangeKind.Changed), (change.ElementId, change.Kind));
        Assert.Contains("name=\"Review\"", comparison.From.Xml);
    }

    [Fact]
    public async Task A_version_of_another_process_is_not_found_from_this_draft()
    {
        await using var scope = await AsAsync("designer");
        var (drafts, deployment) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>());
        var mine = await drafts.ImportAsync("a.bpmn", Model("mine", "Review"));
        var other = await drafts.ImportAsync("b.bpmn", Model("other", "Review"));
        var otherVersion = await deployment.DeployAsync(other, 1, null);

        await Assert.ThrowsAsync<NotFoundException>(() => scope.Get<VersionHistory>().GetAsync(mine, otherVersion.Id));
    }

    [Fact]
    public async Task Designers_pick_from_the_enabled_user_names_of_their_tenant_and_viewers_cannot_list_them()
    {
        await using (var designer = await AsAsync("designer"))
        {
            var names = await designer.Get<TenantUserNames>().ListAsync();
            Assert.Contains("designer", names);
            Assert.Contains("admin", names);
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
        }
        await using var viewer = await AsAsync("viewer");
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<TenantUserNames>().ListAsync());
    }

    private static string Model(string processId, string taskName) =>
        BpmnSnippets.Process(Body.Replace("NAME", taskName)).Replace("id=\"p\" name=\"Test process\"", $"id=\"{processId}\" name=\"Deployable\"");

    private async Task<UserScope> AsAsync(string userName)
    {
        var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WbpmUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<WbpmUser>>().CreateAsync(user);
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Set(principal);
        return new UserScope(scope);
    }

    private sealed class UserScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
