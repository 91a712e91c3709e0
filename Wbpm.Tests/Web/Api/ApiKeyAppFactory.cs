using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web.Api;

/// <summary>The real app with the demo tenant and a bootstrap API key (configuration) acting as the demo "admin".</summary>
public sealed class ApiKeyAppFactory : WbpmAppFactory
{
    public const string AdminKey = "wbpm_test-bootstrap-key-0123456789abcdef";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [.. base.Settings, new("Wbpm:Bootstrap:ApiKey", AdminKey)];

    /// <summary>A client without cookies that sends <paramref name="key"/> as X-Api-Key (none when null).</summary>
    public HttpClient CreateApiClient(string? key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static MultipartFormDataContent Upload(params (string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
            form.Add(part, "files", fileName);
        }
        return form;
    }

    public static (string, byte[]) Fixture(string fileName) =>
        (fileName, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "deployments", fileName)));
}
