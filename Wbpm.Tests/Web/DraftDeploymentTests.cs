using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Identity;
using Wbpm.Tests.Domain.Modeling;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web;

/// <summary>Deploying from the designer: exactly the saved revision, errors refuse, versions listed, rollback.</summary>
public sealed class DraftDeploymentTests(WbpmAppFactory factory) : IClassFixture<WbpmAppFactory>
{
    private const string ValidBody = """
        <startEvent id="start"/>
        <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <userTask id="review" name="Review" wbpm:candidateGroups="managers"/>
        <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
        <endEvent id="end"/>
        """;

    [Fact]
    public async Task DeployingASavedDraftCreatesTheNextVersionWithItsComment()
    {
        await using var scope = await AsDesignerAsync();
        var (drafts, deployment) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>());
        var id = await drafts.ImportAsync("p.bpmn", Model("deploy_twice", ValidBody));
        var revision = (await drafts.GetAsync(id)).Revision;

        var first = await deployment.DeployAsync(id, revision, "first cut");
        var second = await deployment.DeployAsync(id, revision, "  ");

        Assert.Equal((1, 2), (first.Version, second.Version));
        var versions = await deployment.VersionsAsync(id);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal("first cut", versions.Single(v => v.Version == 1).Comment);
        Assert.Null(versions.Single(v => v.Version == 2).Comment);
    }

    [Fact]
    public async Task ARevisionSomeoneElseReplacedIsNotDeployed()
    {
        await using var scope = await AsDesignerAsync();
        var (drafts, deployment) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>());
        var id = await drafts.ImportAsync("p.bpmn", Model("stale_deploy", ValidBody));
        var seen = (await drafts.GetAsync(id)).Revision;
        await drafts.SaveAsync(id, Model("stale_deploy", ValidBody, "Renamed"), seen);

        await Assert.ThrowsAsync<DraftConflictException>(() => deployment.DeployAsync(id, seen, null));
        Assert.Empty(await deployment.VersionsAsync(id));
    }

    [Fact]
    public async Task ADraftWithErrorsIsRefusedWithTheProblemsAndNothingIsDeployed()
    {
        await using var scope = await AsDesignerAsync();
        var (drafts, deployment) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>());
        var id = await drafts.ImportAsync("p.bpmn", Model("broken_deploy", """
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="split"/>
            <exclusiveGateway id="split"/>
            <sequenceFlow id="a" sourceRef="split" targetRef="end1"/>
            <sequenceFlow id="b" sourceRef="split" targetRef="end2"/>
            <endEvent id="end1"/><endEvent id="end2"/>
            """));

        var error = await Assert.ThrowsAsync<DeploymentRejectedException>(() => deployment.DeployAsync(id, 1, null));
        Assert.Contains(error.Problems, p => p.Severity == DeploymentProblem.Error && p.ElementId is "a" or "b" or "split");
        Assert.Empty(await deployment.VersionsAsync(id));
    }

    [Fact]
    public async Task RestoringAnOldVersionMakesItTheDraft()
    {
        await using var scope = await AsDesignerAsync();
        var (drafts, deployment) = (scope.Get<ProcessDraftService>(), scope.Get<DraftDeployment>());
        var id = await drafts.ImportAsync("p.bpmn", Model("rollback", ValidBody, "Version one"));
        await deployment.DeployAsync(id, 1, null);
        var saved = await drafts.SaveAsync(id, Model("rollback", ValidBody, "Version two"), 1);
        await deployment.DeployAsync(id, saved.Revision, null);
        var versionOne = (await deployment.VersionsAsync(id)).Single(v => v.Version == 1);

        var restored = await deployment.RestoreAsync(id, versionOne.Id, saved.Revision);

        Assert.Equal("Version one", restored.Name);
        Assert.Contains("name=\"Version one\"", (await drafts.GetAsync(id)).Xml);
    }

    [Fact]
    public async Task ViewersCannotDeploy()
    {
        string id;
        await using (var designer = await AsDesignerAsync())
            id = await designer.Get<ProcessDraftService>().ImportAsync("p.bpmn", Model("viewer_deploy", ValidBody));
        await using var viewer = await AsAsync("viewer");
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<DraftDeployment>().DeployAsync(id, 1, null));
    }

    private static string Model(string processId, string body, string name = "Deployable") =>
        BpmnSnippets.Process(body).Replace("id=\"p\" name=\"Test process\"", $"id=\"{processId}\" name=\"{name}\"");

    private Task<UserScope> AsDesignerAsync() => AsAsync("designer");

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
