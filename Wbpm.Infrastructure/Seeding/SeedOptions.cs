namespace Wbpm.Infrastructure.Seeding;

/// <summary><c>Wbpm:Demo</c>: the demo tenant for development and trying Wbpm out.</summary>
public sealed class DemoOptions
{
    public bool Enabled { get; set; }

    /// <summary>Password of every demo user. Required when demo data is enabled; there is no built-in default.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Demo users have a published password, so they are created only in the Development environment unless this is
    /// set (e.g. for a public trial server).
    /// </summary>
    public bool AllowOutsideDevelopment { get; set; }
}

/// <summary><c>Wbpm:Bootstrap</c>: the first admin of an empty database when demo data is off.</summary>
public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string TenantName { get; set; } = "Default";

    /// <summary>An API key secret (at least 32 characters) to create for the bootstrap admin, or the demo "admin". Never logged.</summary>
    public string? ApiKey { get; set; }
}
