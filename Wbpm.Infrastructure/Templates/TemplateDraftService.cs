using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Administration;
using Wbpm.Infrastructure.Designer;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Templates;

/// <summary>
/// Templates meet drafts: create a draft from a template (workflow.create) and save a process as a tenant template
/// (template.create). Both audited in the same commit as the change. Drafts are stored through
/// <see cref="ProcessDraftService"/>, so key uniqueness and the draft audit stay in one place.
/// </summary>
public sealed class TemplateDraftService(
    ProcessTemplateCatalog catalog, ProcessDraftService drafts, TenantDbContextFactory contexts, ICurrentUser currentUser, AuditTrail audit, TimeProvider clock)
{
    public const string EntityType = "ProcessTemplate";

    /// <summary>
    /// A new draft from <paramref name="templateId"/> with the parameters bound, named <paramref name="name"/>, with a
    /// process id derived from the name (made unique in the tenant: "-2", "-3", ...). Returns the draft id.
    /// </summary>
    /// <exception cref="ValidationException">The name is empty or a parameter is missing or invalid (keyed by parameter).</exception>
    public async Task<string> CreateDraftAsync(string templateId, string name, IReadOnlyDictionary<string, string?> parameters, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowCreate);
        var template = await catalog.GetAsync(templateId, cancellationToken);
        if (string.IsNullOrWhiteSpace(name))
            throw ValidationException.For("Name", "Give the new process a name.");
        var trimmed = name.Trim();
        if (trimmed.Length > ProcessDraft.MaxNameLength)
            throw ValidationException.For("Name", $"The name can be at most {ProcessDraft.MaxNameLength} characters.");
        var key = await FreeKeyAsync(ProcessKeys.FromName(trimmed), cancellationToken);
        var process = TemplateInstantiation.Instantiate(template, key, trimmed, parameters);
        return await drafts.AddAsync(process.Key, process.Name, process.Xml, "draft.created-from-template",
            new { TemplateId = template.Id, TemplateName = template.Name, Parameters = parameters }, cancellationToken);
    }

    /// <summary>Saves <paramref name="xml"/> (the designer's current model) as a template of the current tenant; returns its catalogue id.</summary>
    public async Task<string> SaveAsTemplateAsync(string xml, string name, string? description, string? category, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TemplateCreate);
        DraftContent.Parse(xml, "Xml");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name))
            errors["Name"] = ["Give the template a name."];
        else if (name.Trim().Length > TenantTemplate.MaxNameLength)
            errors["Name"] = [$"The name can be at most {TenantTemplate.MaxNameLength} characters."];
        if (description?.Trim().Length > TenantTemplate.MaxDescriptionLength)
            errors["Description"] = [$"The description can be at most {TenantTemplate.MaxDescriptionLength} characters."];
        if (category?.Trim().Length > TenantTemplate.MaxCategoryLength)
            errors["Category"] = [$"The category can be at most {TenantTemplate.MaxCategoryLength} characters."];
        if (errors.Count > 0)
            throw new ValidationException(errors);

        await using var db = contexts.Create();
        var userId = currentUser.UserId ?? throw new ForbiddenException(Permission.TemplateCreate);
        var tenantId = currentUser.TenantId ?? throw new ForbiddenException(Permission.TemplateCreate);
        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var author = new DraftAuthor(userId, string.IsNullOrWhiteSpace(displayName) ? currentUser.UserName ?? userId : displayName);
        var template = new TenantTemplate(Guid.NewGuid().ToString("N"), tenantId, name, description, category, xml, author, clock.GetUtcNow());
        db.TenantTemplates.Add(template);
        audit.Record(db, "template.created", EntityType, template.Id, null, new { template.Name, template.Category });
        await db.SaveChangesAsync(cancellationToken);
        return ProcessTemplateCatalog.TenantIdPrefix + template.Id;
    }

    /// <summary>
    /// Removes a template the tenant saved (template.create). Processes created from it are untouched: a template is
    /// copied into each new draft, never referenced.
    /// </summary>
    /// <exception cref="ValidationException">A built-in template: those ship with Wbpm and cannot be removed.</exception>
    /// <exception cref="NotFoundException">No such template in the current tenant.</exception>
    public async Task DeleteTemplateAsync(string templateId, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.TemplateCreate);
        if (!templateId.StartsWith(ProcessTemplateCatalog.TenantIdPrefix, StringComparison.Ordinal))
            throw ValidationException.For("Template", "Built-in templates ship with Wbpm and cannot be deleted.");
        var rowId = templateId[ProcessTemplateCatalog.TenantIdPrefix.Length..];
        await using var db = contexts.Create();
        var template = await db.TenantTemplates.FirstOrDefaultAsync(t => t.Id == rowId, cancellationToken)
            ?? throw new NotFoundException("Process template", templateId);
        db.TenantTemplates.Remove(template);
        audit.Record(db, "template.deleted", EntityType, template.Id, new { template.Name, template.Category }, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> FreeKeyAsync(string stem, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var taken = await db.ProcessDrafts.Where(d => d.Key.StartsWith(stem)).Select(d => d.Key).ToListAsync(cancellationToken);
        var candidate = stem;
        for (var n = 2; taken.Contains(candidate); n++)
            candidate = $"{stem}-{n}";
        return candidate;
    }
}
