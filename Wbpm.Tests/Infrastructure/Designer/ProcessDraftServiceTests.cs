using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Tests.Domain.Modeling;

namespace Wbpm.Tests.Infrastructure.Designer;

/// <summary>Drafts on a real SQLite database: create, import, save with revisions, copies, delete, audit.</summary>
public sealed class ProcessDraftServiceTests
{
    private static string Model(string processId, string name = "Order") => BpmnSnippets.Process("<startEvent id=\"start\"/>")
        .Replace("id=\"p\" name=\"Test process\"", $"id=\"{processId}\" name=\"{name}\"");

    [Fact]
    public async Task ABlankProcessOpensAsAReadableModelWithOneStartEventAndItsDiagram()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();

        var id = await drafts.CreateBlankAsync("Purchase request", TestContext.Current.CancellationToken);

        var draft = await drafts.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal("Purchase request", draft.Name);
        Assert.Equal(1, draft.Revision);
        Assert.Equal("Dora Designer", draft.UpdatedByName);
        var model = BpmnReader.ReadString(draft.Xml);
        var process = Assert.Single(model.Processes);
        Assert.Equal(draft.Key, process.Id);
        Assert.IsType<StartEvent>(Assert.Single(process.FlowElements));
        Assert.Contains("BPMNShape", draft.Xml);
    }

    [Fact]
    public async Task ImportingAFileUsesItsProcessIdAsKeyAndItsNameForTheList()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();

        await drafts.ImportAsync("order.bpmn", Model("order", "Order handling"), TestContext.Current.CancellationToken);

        var page = await drafts.ListAsync(new DraftQuery(), TestContext.Current.CancellationToken);
        var row = Assert.Single(page.Items);
        Assert.Equal(("order", "Order handling", "Dora Designer"), (row.Key, row.Name, row.UpdatedByName));
    }

    [Fact]
    public async Task AMalformedFileIsRefusedWithLineAndColumnAndNothingIsStored()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            drafts.ImportAsync("broken.bpmn", "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n</definitions>",
                TestContext.Current.CancellationToken));

        Assert.Contains("line 3", error.Errors["File"].Single());
        Assert.Contains("column", error.Errors["File"].Single());
        Assert.Equal(0, (await drafts.ListAsync(new DraftQuery(), TestContext.Current.CancellationToken)).TotalCount);
    }

    [Fact]
    public async Task AFileWithADoctypeIsRefused()
    {
        await using var world = await DesignerWorld.CreateAsync();
        const string hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">&lol2;</process></definitions>
            """;

        await Assert.ThrowsAsync<ValidationException>(() =>
            world.Drafts().ImportAsync("bomb.bpmn", hostile, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ImportingASecondFileWithTheSameProcessIdIsRefusedNamingTheExistingProcess()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        await drafts.ImportAsync("order.bpmn", Model("order", "Order handling"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            drafts.ImportAsync("order-again.bpmn", Model("order", "Other"), TestContext.Current.CancellationToken));

        Assert.Contains("Order handling", error.Message);
        Assert.Equal(1, (await drafts.ListAsync(new DraftQuery(), TestContext.Current.CancellationToken)).TotalCount);
    }

    [Theory]
    [MemberData(nameof(MiwgFixtures.Names), MemberType = typeof(MiwgFixtures))]
    public async Task EveryMiwgReferenceModelImports(string fileName)
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var xml = await File.ReadAllTextAsync(MiwgFixtures.PathOf(fileName), TestContext.Current.CancellationToken);

        var id = await drafts.ImportAsync(fileName, xml, TestContext.Current.CancellationToken);

        Assert.Equal(xml, (await drafts.GetAsync(id, TestContext.Current.CancellationToken)).Xml);
    }

    [Fact]
    public async Task SavingWithTheCurrentRevisionStoresTheXmlAndCountsTheRevisionUp()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var id = await drafts.ImportAsync("order.bpmn", Model("order"), TestContext.Current.CancellationToken);
        world.Clock.Advance(TimeSpan.FromMinutes(5));

        var saved = await world.Drafts("dan").SaveAsync(id, Model("order", "Renamed"), 1, TestContext.Current.CancellationToken);

        Assert.Equal(2, saved.Revision);
        var draft = await drafts.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(("Renamed", 2, "Dan Designer", DesignerWorld.Start.AddMinutes(5)), (draft.Name, draft.Revision, draft.UpdatedByName, draft.UpdatedAt));
        Assert.Equal(Model("order", "Renamed"), draft.Xml);
    }

    [Fact]
    public async Task SavingAStaleRevisionThrowsAConflictNamingWhoSavedAndWhenAndKeepsTheirWork()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var id = await world.Drafts().ImportAsync("order.bpmn", Model("order"), TestContext.Current.CancellationToken);
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.Drafts("dan").SaveAsync(id, Model("order", "Dan's version"), 1, TestContext.Current.CancellationToken);

        var conflict = await Assert.ThrowsAsync<DraftConflictException>(() =>
            world.Drafts("dora").SaveAsync(id, Model("order", "Dora's version"), 1, TestContext.Current.CancellationToken));

        Assert.Equal(("Dan Designer", DesignerWorld.Start.AddMinutes(1), 2), (conflict.SavedByName, conflict.SavedAt, conflict.CurrentRevision));
        var draft = await world.Drafts().GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal("Dan's version", draft.Name);
    }

    [Fact]
    public async Task TwoSavesRacingFromTheSameRevisionLetOnlyOneWin()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var id = await world.Drafts().ImportAsync("order.bpmn", Model("order"), TestContext.Current.CancellationToken);

        // Both contexts read revision 1 before either writes: the concurrency token, not the early check, decides.
        await using var first = world.Database.Factory.Create(TenantScope.For("acme"));
        await using var second = world.Database.Factory.Create(TenantScope.For("acme"));
        var a = await first.ProcessDrafts.SingleAsync(d => d.Id == id, TestContext.Current.CancellationToken);
        var b = await second.ProcessDrafts.SingleAsync(d => d.Id == id, TestContext.Current.CancellationToken);
        a.Save("order", "A", Model("order", "A"), 1, new DraftAuthor("acme-dora", "Dora"), DesignerWorld.Start);
        b.Save("order", "B", Model("order", "B"), 1, new DraftAuthor("acme-dan", "Dan"), DesignerWorld.Start);
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal("A", (await world.Drafts().GetAsync(id, TestContext.Current.CancellationToken)).Name);
    }

    [Fact]
    public async Task SavingMalformedXmlIsRefusedAndKeepsTheSavedVersion()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var id = await drafts.ImportAsync("order.bpmn", Model("order"), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ValidationException>(() => drafts.SaveAsync(id, "<definitions", 1, TestContext.Current.CancellationToken));

        Assert.Equal(1, (await drafts.GetAsync(id, TestContext.Current.CancellationToken)).Revision);
    }

    [Fact]
    public async Task ChangingTheProcessIdToOneAnotherDraftUsesIsRefused()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        await drafts.ImportAsync("order.bpmn", Model("order", "Order"), TestContext.Current.CancellationToken);
        var invoiceId = await drafts.ImportAsync("invoice.bpmn", Model("invoice", "Invoice"), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            drafts.SaveAsync(invoiceId, Model("order", "Invoice"), 1, TestContext.Current.CancellationToken));

        Assert.Contains("'order'", error.Message);
        Assert.Equal("invoice", (await drafts.GetAsync(invoiceId, TestContext.Current.CancellationToken)).Key);
    }

    [Fact]
    public async Task SavingAsACopyCreatesANewDraftWithItsOwnProcessIdAndLeavesTheOriginal()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var id = await drafts.ImportAsync("order.bpmn", Model("order", "Order"), TestContext.Current.CancellationToken);

        var copyId = await drafts.SaveAsCopyAsync(id, Model("order", "Order"), TestContext.Current.CancellationToken);
        var secondCopyId = await drafts.SaveAsCopyAsync(id, Model("order", "Order"), TestContext.Current.CancellationToken);

        var copy = await drafts.GetAsync(copyId, TestContext.Current.CancellationToken);
        Assert.Equal(("order_copy", "Order (copy)", 1), (copy.Key, copy.Name, copy.Revision));
        Assert.Equal("order_copy", Assert.Single(BpmnReader.ReadString(copy.Xml).Processes).Id);
        Assert.Equal("order_copy2", (await drafts.GetAsync(secondCopyId, TestContext.Current.CancellationToken)).Key);
        Assert.Equal("order", (await drafts.GetAsync(id, TestContext.Current.CancellationToken)).Key);
    }

    [Fact]
    public async Task ACopyOfACollaborationKeepsItsPoolAndDiagramPointingAtTheRenamedProcess()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var xml = await File.ReadAllTextAsync(MiwgFixtures.PathOf("B.2.0.bpmn"), TestContext.Current.CancellationToken);
        var id = await drafts.ImportAsync("B.2.0.bpmn", xml, TestContext.Current.CancellationToken);

        var copy = await drafts.GetAsync(await drafts.SaveAsCopyAsync(id, xml, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        var model = BpmnReader.ReadString(copy.Xml);
        Assert.Contains(model.Processes, p => p.Id == copy.Key);
    }

    [Fact]
    public async Task DeletingRemovesTheDraft()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var id = await drafts.ImportAsync("order.bpmn", Model("order"), TestContext.Current.CancellationToken);

        await drafts.DeleteAsync(id, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<NotFoundException>(() => drafts.GetAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EveryChangeIsAuditedWithWhoAndWhatButNotTheXml()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        var id = await drafts.ImportAsync("order.bpmn", Model("order"), TestContext.Current.CancellationToken);
        await drafts.SaveAsync(id, Model("order", "Two"), 1, TestContext.Current.CancellationToken);
        var copyId = await drafts.SaveAsCopyAsync(id, Model("order"), TestContext.Current.CancellationToken);
        await drafts.DeleteAsync(copyId, TestContext.Current.CancellationToken);
        await drafts.CreateBlankAsync(null, TestContext.Current.CancellationToken);

        await using var db = world.AllTenants();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["draft.imported", "draft.saved", "draft.copied", "draft.deleted", "draft.created"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("acme", "acme-dora", ProcessDraftService.EntityType), (e.TenantId, e.ActorId, e.EntityType)));
        Assert.All(entries, e => Assert.DoesNotContain("startEvent", (e.Before ?? "") + e.After));
    }

    [Fact]
    public async Task SearchMatchesNameOrKeyIgnoringCaseAndPagesTheResult()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var drafts = world.Drafts();
        foreach (var n in Enumerable.Range(1, 12))
            await drafts.ImportAsync($"{n}.bpmn", Model($"invoice{n}", $"Invoice {n:00}"), TestContext.Current.CancellationToken);
        await drafts.ImportAsync("x.bpmn", Model("order", "Purchase order"), TestContext.Current.CancellationToken);

        var byName = await drafts.ListAsync(new DraftQuery("INVOICE", Skip: 10, Take: 5, Sort: DraftSort.NameAscending), TestContext.Current.CancellationToken);
        var byKey = await drafts.ListAsync(new DraftQuery("ORDER"), TestContext.Current.CancellationToken);

        Assert.Equal(12, byName.TotalCount);
        Assert.Equal(["Invoice 11", "Invoice 12"], byName.Items.Select(i => i.Name));
        Assert.Equal(["Purchase order"], byKey.Items.Select(i => i.Name));
    }
}
