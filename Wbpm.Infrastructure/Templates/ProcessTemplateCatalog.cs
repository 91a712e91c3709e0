using Microsoft.EntityFrameworkCore;
using Wbpm.Domain.Definitions;
using Wbpm.Domain.Security;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.Templates;

/// <summary>
/// The template gallery: the built-in templates plus the current tenant's saved ones (tenant filter applies, so
/// another tenant's template is "not found"). Reading it needs workflow.create: templates exist to create processes.
/// </summary>
public sealed class ProcessTemplateCatalog(BuiltInTemplateLibrary library, TenantDbContextFactory contexts, ICurrentUser currentUser)
{
    /// <summary>Ids of tenant templates start with this, so they never clash with a built-in id.</summary>
    public const string TenantIdPrefix = "custom-";

    /// <summary>Built-in first (by category, name), then the tenant's; search matches name, category or description.</summary>
    public async Task<IReadOnlyList<ProcessTemplateSummary>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowCreate);
        await using var db = contexts.Create();
        var saved = await db.TenantTemplates.AsNoTracking().OrderBy(t => t.Category).ThenBy(t => t.Name)
            .Select(t => new ProcessTemplateSummary(TenantIdPrefix + t.Id, t.Name, t.Category, t.Description, false, 0))
            .ToListAsync(cancellationToken);
        var all = library.All.Select(t => t.Summary()).Concat(saved);
        if (string.IsNullOrWhiteSpace(search))
            return all.ToList();
        var term = search.Trim();
        return all.Where(t => t.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
                              || t.Category.Contains(term, StringComparison.OrdinalIgnoreCase)
                              || t.Description.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <exception cref="NotFoundException">No such built-in template, and no such template in the current tenant.</exception>
    public async Task<ProcessTemplate> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        currentUser.Require(Permission.WorkflowCreate);
        if (library.Find(id) is { } builtIn)
            return builtIn;
        if (!id.StartsWith(TenantIdPrefix, StringComparison.Ordinal))
            throw new NotFoundException("Process template", id);
        var rowId = id[TenantIdPrefix.Length..];
        await using var db = contexts.Create();
        var saved = await db.TenantTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == rowId, cancellationToken)
            ?? throw new NotFoundException("Process template", id);
        return ToTemplate(saved);
    }

    private static ProcessTemplate ToTemplate(TenantTemplate t) =>
        new(TenantIdPrefix + t.Id, t.Name, t.Category, t.Description, false, [], [], t.Xml);
}
