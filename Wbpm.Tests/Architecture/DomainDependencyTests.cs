using System.Xml.Linq;

namespace Wbpm.Tests.Architecture;

/// <summary>The domain stays pure: no package and no project references (ARCHITECTURE.md).</summary>
public sealed class DomainDependencyTests
{
    [Fact]
    public void DomainProjectReferencesNoPackageAndNoProject()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Wbpm.Domain", "Wbpm.Domain.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => e.Attribute("Include")?.Value)
            .ToList();
        Assert.Empty(references);
    }

    [Fact]
    public void DomainAssemblyReferencesOnlyTheBaseLibrary()
    {
        var referenced = typeof(Wbpm.Domain.DomainAssembly).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ToList();
        Assert.Empty(referenced);
    }

    [Fact]
    public void DomainAssemblyDoesNotUseNetworkFileOrAspNetNamespaces()
    {
        var forbidden = new[] { "System.Net.Http", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.Data" };
        var referenced = typeof(Wbpm.Domain.DomainAssembly).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, n => forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal)));
    }
}
