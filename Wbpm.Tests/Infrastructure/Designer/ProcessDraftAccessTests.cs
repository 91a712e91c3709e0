using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Designer;
using Wbpm.Tests.Domain.Modeling;

namespace Wbpm.Tests.Infrastructure.Designer;

/// <summary>Who may do what with drafts, and that tenants never see each other's drafts.</summary>
public sealed class ProcessDraftAccessTests
{
    private static readonly string Model = BpmnSnippets.Process("<startEvent id=\"start\"/>");

    [Fact]
    public async Task AViewerCanListAndOpenButNotCreateSaveOrDelete()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var id = await world.Drafts().ImportAsync("p.bpmn", Model, TestContext.Current.CancellationToken);
        var viewer = world.Drafts("vic", Role.Viewer);

        Assert.Equal(1, (await viewer.ListAsync(new DraftQuery(), TestContext.Current.CancellationToken)).TotalCount);
        Assert.Equal(id, (await viewer.GetAsync(id, TestContext.Current.CancellationToken)).Id);
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.CreateBlankAsync("x", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.ImportAsync("p.bpmn", Model, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.SaveAsync(id, Model, 1, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.SaveAsCopyAsync(id, Model, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.DeleteAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ABusinessUserCannotEvenListDrafts()
    {
        await using var world = await DesignerWorld.CreateAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            world.Drafts("ursula", Role.User).ListAsync(new DraftQuery(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnotherTenantsDraftIsInvisibleAndCannotBeSavedOrDeleted()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var id = await world.Drafts(tenant: "acme").ImportAsync("p.bpmn", Model, TestContext.Current.CancellationToken);
        var globex = world.Drafts(tenant: "globex");

        Assert.Equal(0, (await globex.ListAsync(new DraftQuery(), TestContext.Current.CancellationToken)).TotalCount);
        await Assert.ThrowsAsync<NotFoundException>(() => globex.GetAsync(id, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<NotFoundException>(() => globex.SaveAsync(id, Model, 1, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<NotFoundException>(() => globex.DeleteAsync(id, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<NotFoundException>(() => globex.SaveAsCopyAsync(id, Model, TestContext.Current.CancellationToken));
        Assert.Equal(1, (await world.Drafts(tenant: "acme").GetAsync(id, TestContext.Current.CancellationToken)).Revision);
    }

    [Fact]
    public async Task TheSameProcessIdMayExistInTwoTenants()
    {
        await using var world = await DesignerWorld.CreateAsync();

        await world.Drafts(tenant: "acme").ImportAsync("p.bpmn", Model, TestContext.Current.CancellationToken);
        await world.Drafts(tenant: "globex").ImportAsync("p.bpmn", Model, TestContext.Current.CancellationToken);

        Assert.Equal(1, (await world.Drafts(tenant: "globex").ListAsync(new DraftQuery(), TestContext.Current.CancellationToken)).TotalCount);
    }
}
