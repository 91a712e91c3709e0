using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Wbpm.Infrastructure.Persistence;

namespace Wbpm.Infrastructure.DataProtection;

/// <summary>
/// Keeps the keys that protect session cookies and antiforgery tokens in the app's database, so sessions survive a
/// restart and every node behind a load balancer can read every other node's cookies. (The EF Core package for this
/// is not in the registry; the repository contract is two methods.)
/// </summary>
public sealed class DatabaseXmlRepository(WbpmDbContextFactory contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.Create(TenantScope.AllTenants);
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.Create(TenantScope.AllTenants);
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
