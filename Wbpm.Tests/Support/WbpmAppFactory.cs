using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Wbpm.Tests.Support;

/// <summary>
/// The real app (real HTTP pipeline, Identity, EF) on a fresh SQLite file with the demo tenant. Settings can be
/// overridden per test class; the demo users' password is <see cref="DemoPassword"/>.
/// </summary>
public class WbpmAppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Passw0rd";
    private readonly string _dataDirectory;

    public WbpmAppFactory() => _dataDirectory = Path.Combine(Path.GetTempPath(), $"wbpm-web-{Guid.NewGuid():N}");

    /// <summary>Two factories on one data directory are two app nodes sharing one database.</summary>
    public static WbpmAppFactory OnDataDirectory(string dataDirectory) => new(dataDirectory);

    private WbpmAppFactory(string dataDirectory) => _dataDirectory = dataDirectory;

    public string DataDirectory => _dataDirectory;

    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Wbpm:Database:Provider", "Sqlite"),
        new("Wbpm:Database:DataDirectory", _dataDirectory),
        new("Wbpm:Demo:Enabled", "true"),
        new("Wbpm:Demo:Password", DemoPassword),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form (antiforgery token included); returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(page, "<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    /// <summary>
    /// Signed in when the session cookie authenticates an API call. (The login response itself is a 302, or, once
    /// Blazor has started streaming the page, a redirection template that blazor.web.js follows.)
    /// </summary>
    public static async Task<bool> IsSignedInAsync(HttpClient client) =>
        (await client.GetAsync("/api/v1/me")).StatusCode == HttpStatusCode.OK;

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
