using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Modeling;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Persistence;
using Wbpm.Infrastructure.Templates;
using Wbpm.Tests.Infrastructure.Designer;

namespace Wbpm.Tests.Infrastructure.Templates;

/// <summary>Create-from-template and save-as-template on a real SQLite database: permissions, audit, tenant isolation.</summary>
public sealed class TemplateDraftServiceTests
{
    private static readonly BuiltInTemplateLibrary Library = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (ProcessTemplateCatalog Catalog, TemplateDraftService Templates, ProcessDraftService Drafts) As(
        DesignerWorld world, string user = "dora", string role = Role.Designer, string tenant = "acme")
    {
        var current = DesignerWorld.CurrentUser(user, role, tenant);
        var contexts = new TenantDbContextFactory(world.Database.Factory, current);
        var audit = new AuditTrail(current, world.Clock);
        var drafts = new ProcessDraftService(contexts, current, audit, world.Clock);
        var catalog = new ProcessTemplateCatalog(Library, contexts, current);
        return (catalog, new TemplateDraftService(catalog, drafts, contexts, current, audit, world.Clock), drafts);
    }

    [Fact]
    public async Task ADesignerCreatesADraftFromATemplateWithAKeyFromTheNameAndTheParametersApplied()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, templates, drafts) = As(world);

        var id = await templates.CreateDraftAsync("leave-request", "Leave request Sales",
            new Dictionary<string, string?> { ["approverGroup"] = "sales-leads", ["slaHours"] = "12" }, Ct);

        var draft = await drafts.GetAsync(id, Ct);
        Assert.Equal(("leave-request-sales", "Leave request Sales", "Dora Designer"), (draft.Key, draft.Name, draft.UpdatedByName));
        var approve = (UserTask)BpmnReader.ReadString(draft.Xml).Processes.Single().FlowElements.Single(e => e.Id == "approve");
        Assert.Equal(("sales-leads", "PT12H"), (approve.CandidateGroups, approve.DueDate));
        Assert.Contains("bpmnElement=\"leave-request-sales\"", draft.Xml);
    }

    [Fact]
    public async Task TheSameNameTwiceGetsANumberedKeyInsteadOfAClash()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, templates, drafts) = As(world);

        var first = await templates.CreateDraftAsync("leave-request", "Leave", new Dictionary<string, string?>(), Ct);
        var second = await templates.CreateDraftAsync("leave-request", "Leave", new Dictionary<string, string?>(), Ct);

        Assert.Equal("leave", (await drafts.GetAsync(first, Ct)).Key);
        Assert.Equal("leave-2", (await drafts.GetAsync(second, Ct)).Key);
    }

    [Fact]
    public async Task InvalidParametersAreRefusedAndNothingIsStored()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, templates, drafts) = As(world);

        var error = await Assert.ThrowsAsync<ValidationException>(() => templates.CreateDraftAsync("invoice-approval", "Invoices",
            new Dictionary<string, string?> { ["approvalThreshold"] = "lots" }, Ct));

        Assert.Contains("approvalThreshold", error.Errors.Keys);
        Assert.Equal(0, (await drafts.ListAsync(new DraftQuery(), Ct)).TotalCount);
    }

    [Fact]
    public async Task CreatingFromATemplateIsAuditedWithTheTemplateAndParameters()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, templates, _) = As(world);

        var id = await templates.CreateDraftAsync("expense-claim", "Expenses", new Dictionary<string, string?> { ["currency"] = "CHF" }, Ct);

        await using var db = world.AllTenants();
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal(("draft.created-from-template", id, "acme"), (entry.Action, entry.EntityId, entry.TenantId));
        Assert.Contains("expense-claim", entry.After);
        Assert.Contains("CHF", entry.After);
    }

    [Fact]
    public async Task AViewerCanNeitherBrowseTemplatesNorCreateFromOneNorSaveOne()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (catalog, templates, _) = As(world, "vic", Role.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => catalog.ListAsync(null, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.CreateDraftAsync("leave-request", "Leave", new Dictionary<string, string?>(), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => templates.SaveAsTemplateAsync(Library.All[0].Xml, "Mine", null, null, Ct));
    }

    [Fact]
    public async Task ASavedTemplateIsListedBesideTheBuiltInOnesAndCreatesProcesses()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (catalog, templates, drafts) = As(world);
        var sourceId = await templates.CreateDraftAsync("it-incident", "Incidents", new Dictionary<string, string?>(), Ct);
        var source = await drafts.GetAsync(sourceId, Ct);

        var templateId = await templates.SaveAsTemplateAsync(source.Xml, "Our incident process", "With our groups", "IT", Ct);

        var listed = await catalog.ListAsync("our incident", Ct);
        var card = Assert.Single(listed);
        Assert.Equal((templateId, "IT", false), (card.Id, card.Category, card.IsBuiltIn));
        Assert.Equal(Library.All.Count + 1, (await catalog.ListAsync(null, Ct)).Count);
        var copyId = await templates.CreateDraftAsync(templateId, "Incidents EMEA", new Dictionary<string, string?>(), Ct);
        var copy = await drafts.GetAsync(copyId, Ct);
        Assert.Equal("incidents-emea", copy.Key);
        Assert.Contains("Resolve incident", copy.Xml);
        await using var db = world.AllTenants();
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(Ct), a => a == "template.created");
    }

    [Fact]
    public async Task AnotherTenantNeverSeesOrUsesASavedTemplate()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, acme, _) = As(world);
        var templateId = await acme.SaveAsTemplateAsync(Library.Find("leave-request")!.Xml, "Acme leave", null, null, Ct);
        var (globexCatalog, globex, _) = As(world, tenant: "globex");

        Assert.DoesNotContain(await globexCatalog.ListAsync(null, Ct), t => t.Id == templateId);
        await Assert.ThrowsAsync<NotFoundException>(() => globexCatalog.GetAsync(templateId, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => globex.CreateDraftAsync(templateId, "Stolen", new Dictionary<string, string?>(), Ct));
    }

    [Fact]
    public async Task SavingATemplateNeedsANameAndReadableBpmn()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, templates, _) = As(world);

        var noName = await Assert.ThrowsAsync<ValidationException>(() => templates.SaveAsTemplateAsync(Library.All[0].Xml, " ", null, null, Ct));
        Assert.Contains("Name", noName.Errors.Keys);
        await Assert.ThrowsAsync<ValidationException>(() => templates.SaveAsTemplateAsync("<not-bpmn/>", "Broken", null, null, Ct));
    }

    [Fact]
    public async Task ADeletedTemplateLeavesTheGalleryAndTheProcessesCreatedFromIt()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (catalog, templates, drafts) = As(world);
        var templateId = await templates.SaveAsTemplateAsync(Library.Find("leave-request")!.Xml, "Old leave", null, "HR", Ct);
        var draftId = await templates.CreateDraftAsync(templateId, "Leave 2026", new Dictionary<string, string?>(), Ct);

        await templates.DeleteTemplateAsync(templateId, Ct);

        Assert.DoesNotContain(await catalog.ListAsync(null, Ct), t => t.Id == templateId);
        await Assert.ThrowsAsync<NotFoundException>(() => catalog.GetAsync(templateId, Ct));
        Assert.Equal("Leave 2026", (await drafts.GetAsync(draftId, Ct)).Name);
        await using var db = world.AllTenants();
        Assert.Contains(await db.AuditEntries.Select(e => e.Action).ToListAsync(Ct), a => a == "template.deleted");
    }

    [Fact]
    public async Task BuiltInTemplatesAndOtherTenantsTemplatesCannotBeDeleted()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, acme, _) = As(world);
        var acmeTemplate = await acme.SaveAsTemplateAsync(Library.Find("leave-request")!.Xml, "Acme leave", null, null, Ct);
        var (_, globex, _) = As(world, tenant: "globex");

        var builtIn = await Assert.ThrowsAsync<ValidationException>(() => acme.DeleteTemplateAsync("leave-request", Ct));
        Assert.Contains("Built-in", builtIn.Errors["Template"][0]);
        await Assert.ThrowsAsync<NotFoundException>(() => globex.DeleteTemplateAsync(acmeTemplate, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => acme.DeleteTemplateAsync(ProcessTemplateCatalog.TenantIdPrefix + "nope", Ct));
        var (acmeCatalog, _, _) = As(world);
        Assert.Contains(await acmeCatalog.ListAsync(null, Ct), t => t.Id == acmeTemplate);
    }

    [Fact]
    public async Task DeletingATemplateNeedsTemplateCreate()
    {
        await using var world = await DesignerWorld.CreateAsync();
        var (_, designer, _) = As(world);
        var templateId = await designer.SaveAsTemplateAsync(Library.Find("leave-request")!.Xml, "Mine", null, null, Ct);
        var (_, viewer, _) = As(world, "vic", Role.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.DeleteTemplateAsync(templateId, Ct));
    }
}
