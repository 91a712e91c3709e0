using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Wbpm.Tests.Domain.Modeling;
using Wbpm.Tests.Support;

namespace Wbpm.Tests.Web.Designer;

/// <summary>The draft and validation endpoints under /api/v1/process-drafts, through the real pipeline.</summary>
public sealed class DesignerApiTests : IClassFixture<WbpmAppFactory>
{
    private readonly WbpmAppFactory _app;

    public DesignerApiTests(WbpmAppFactory app) => _app = app;

    [Fact]
    public async Task ValidatingReturnsTheIssuesOfEachElement()
    {
        var client = _app.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "designer", WbpmAppFactory.DemoPassword);

        var response = await client.PostAsync("/api/v1/process-drafts/validate",
            new StringContent(BpmnSnippets.Around("<userTask id=\"task\"/>", "task"), Encoding.UTF8, "application/xml"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issues = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(issues.EnumerateArray(), i => i.GetProperty("elementId").GetString() == "task");
    }

    [Fact]
    public async Task ABusinessUserMayNotListDrafts()
    {
        var client = _app.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, "alice", WbpmAppFactory.DemoPassword);

        var response = await client.GetAsync("/api/v1/process-drafts", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
