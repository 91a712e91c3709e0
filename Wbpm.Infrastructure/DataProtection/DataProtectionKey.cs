namespace Wbpm.Infrastructure.DataProtection;

/// <summary>One ASP.NET Core data-protection key (as XML). Shared by every node of one database; not tenant-owned.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
