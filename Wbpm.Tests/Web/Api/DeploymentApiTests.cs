using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Wbpm.Tests.Support;
using static Wbpm.Tests.Web.Api.ApiKeyAppFactory;

namespace Wbpm.Tests.Web.Api;

/// <summary>Deployments and process definitions over real HTTP, authenticated with X-Api-Key (or not at all).</summary>
public sealed class DeploymentApiTests(ApiKeyAppFactory factory) : IClassFixture<ApiKeyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeployingAFileReturns201AndTheDefinitionCanBeListedAndItsXmlRead()
    {
        var client = factory.CreateApiClient(AdminKey);
        var upload = Upload(Fixture("invoice-approval.bpmn"));
        upload.Add(new StringContent("Invoices"), "name");
        upload.Add(new StringContent("from the API test"), "comment");

        var response = await client.PostAsync("/api/v1/deployments", upload, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Invoices", body.GetProperty("name").GetString());
        var definition = Assert.Single(body.GetProperty("definitions").EnumerateArray());
        Assert.Equal("invoice-approval", definition.GetProperty("key").GetString());
        var id = definition.GetProperty("id").GetString()!;
        Assert.Empty(body.GetProperty("warnings").EnumerateArray());

        var latest = await client.GetFromJsonAsync<JsonElement>("/api/v1/process-definitions?key=invoice-approval&latestOnly=true", Ct);
        Assert.Equal(id, Assert.Single(latest.EnumerateArray()).GetProperty("id").GetString());
        var single = await client.GetFromJsonAsync<JsonElement>($"/api/v1/process-definitions/{id}", Ct);
        Assert.Equal(("admin", "from the API test"), (single.GetProperty("deployedBy").GetString(), single.GetProperty("comment").GetString()));
        var xml = await client.GetAsync($"/api/v1/process-definitions/{id}/xml", Ct);
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetString(Fixture("invoice-approval.bpmn").Item2), await xml.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task AnInvalidModelGets400WithTheIssuesAndNothingIsDeployed()
    {
        var client = factory.CreateApiClient(AdminKey);

        var response = await client.PostAsync("/api/v1/deployments", Upload(Fixture("invalid-condition.bpmn")), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var issue = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal(("broken", "error"), (issue.GetProperty("elementId").GetString(), issue.GetProperty("severity").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("message").GetString()));
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/process-definitions?key=invalid-condition", Ct);
        Assert.Empty(listed.EnumerateArray());
    }

    [Fact]
    public async Task MalformedXmlGets400WithTheLineAndColumnOfTheError()
    {
        var client = factory.CreateApiClient(AdminKey);
        var broken = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n  <process id=\"p\">\n</definitions>");

        var response = await client.PostAsync("/api/v1/deployments", Upload(("broken.bpmn", broken)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("The BPMN file cannot be read.", problem.GetProperty("title").GetString());
        var error = Assert.Single(problem.GetProperty("issues").EnumerateArray());
        Assert.Equal("broken.bpmn", error.GetProperty("resource").GetString());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wbpm_not-a-real-key-0000000000000000000")]
    public async Task RequestsWithoutAValidKeyGet401(string? key)
    {
        var client = factory.CreateApiClient(key);

        var list = await client.GetAsync("/api/v1/process-definitions", Ct);
        var deploy = await client.PostAsync("/api/v1/deployments", Upload(Fixture("invoice-approval.bpmn")), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, deploy.StatusCode);
    }

    [Fact]
    public async Task AKeyActsAsItsUserWithTheSameClaimsAsTheSignInCookie()
    {
        var me = await factory.CreateApiClient(AdminKey).GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);

        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Equal("Acme", me.GetProperty("tenantName").GetString());
        Assert.Contains("admin.system", me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task AViewersKeyCanReadDefinitionsButGets403WhenDeploying()
    {
        var viewerKey = await CreateKeyAsync("viewer automation", "viewer");
        var client = factory.CreateApiClient(viewerKey.Secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/process-definitions", Ct)).StatusCode);
        var deploy = await client.PostAsync("/api/v1/deployments", Upload(Fixture("invoice-approval.bpmn")), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, deploy.StatusCode);
        Assert.Equal("application/problem+json", deploy.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnce()
    {
        var key = await CreateKeyAsync("short-lived", "designer");
        var client = factory.CreateApiClient(key.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/process-definitions", Ct)).StatusCode);

        var revoke = await factory.CreateApiClient(AdminKey).PostAsync($"/api/v1/admin/api-keys/{key.Id}/revoke", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/process-definitions", Ct)).StatusCode);
        var keys = await factory.CreateApiClient(AdminKey).GetFromJsonAsync<JsonElement>("/api/v1/admin/api-keys", Ct);
        var listed = keys.EnumerateArray().Single(k => k.GetProperty("id").GetString() == key.Id);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(key.Secret, keys.GetRawText());
    }

    [Fact]
    public async Task ABrowserSessionUploadWithoutAnAntiforgeryTokenIsRefused()
    {
        var browser = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(browser, "designer", WbpmAppFactory.DemoPassword);
        var other = Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "deployments", "invoice-approval.bpmn"))
            .Replace("id=\"invoice-approval\"", "id=\"csrf-probe\""));

        var response = await browser.PostAsync("/api/v1/deployments", Upload(("csrf.bpmn", other)), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var listed = await factory.CreateApiClient(AdminKey).GetFromJsonAsync<JsonElement>("/api/v1/process-definitions?key=csrf-probe", Ct);
        Assert.Empty(listed.EnumerateArray());
    }

    private sealed record CreatedKey(string Id, string Secret);

    private async Task<CreatedKey> CreateKeyAsync(string name, string userName)
    {
        var admin = factory.CreateApiClient(AdminKey);
        var users = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?search={userName}", Ct);
        var userId = users.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("userName").GetString() == userName).GetProperty("id").GetString();
        var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { name, userId }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return new CreatedKey(created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }
}
