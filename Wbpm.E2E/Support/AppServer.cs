using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wbpm.E2E.Support;

/// <summary>
/// The real app on a real 127.0.0.1 port (Kestrel), with its own SQLite file and the demo tenant, for Chromium.
/// One per test class; test classes run in parallel, each against its own server and database.
/// </summary>
public sealed class AppServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Passw0rd";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"wbpm-e2e-{Guid.NewGuid():N}");

    public AppServer()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Wbpm:Database:Provider", "Sqlite");
        builder.UseSetting("Wbpm:Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Wbpm:Demo:Enabled", "true");
        builder.UseSetting("Wbpm:Demo:Password", DemoPassword);
        // Open pages re-check access every 5 s here (1 minute in production) so journeys can watch it happen.
        builder.UseSetting("Wbpm:Auth:RevalidationInterval", "00:00:05");
        // The overdue sweep runs every 2 s here (1 minute in production) so journeys see its notifications.
        builder.UseSetting("Wbpm:Notifications:OverdueSweepInterval", "00:00:02");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
