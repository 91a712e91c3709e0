using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wbpm.Tests.Support;
using static Wbpm.Tests.Web.Api.ApiKeyAppFactory;

namespace Wbpm.Tests.Web.Api;

/// <summary>
/// Forms and comments over real HTTP: the demo tenant's Leave request (deployed with the demo data) refuses a start
/// without its required fields, the approval form's outcomes decide, and comments are only for who may see the task.
/// </summary>
public sealed class TaskFormApiTests(ApiKeyAppFactory factory) : IClassFixture<ApiKeyAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = factory.CreateBrowserClient();
        await WbpmAppFactory.SignInAsync(client, user, WbpmAppFactory.DemoPassword);
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<(string InstanceId, string TaskId)> StartLeaveAsync(string businessKey)
    {
        var alice = await SignedInAsync("alice");
        var start = await alice.PostAsJsonAsync("/api/v1/process-definitions/key/leave-request/start", new
        {
            businessKey,
            variables = new { startDate = "2026-07-01", endDate = "2026-07-03", days = 3, reason = "summer" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        var bob = await SignedInAsync("bob");
        var tasks = await bob.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?processInstanceId={id}", Ct);
        return (id, Assert.Single(tasks.EnumerateArray()).GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task The_demo_tenant_has_the_leave_request_process_deployed()
    {
        var admin = factory.CreateApiClient(AdminKey);

        var definitions = await admin.GetFromJsonAsync<JsonElement>("/api/v1/process-definitions?key=leave-request", Ct);

        var definition = Assert.Single(definitions.EnumerateArray());
        Assert.Equal((1, "Leave request"), (definition.GetProperty("version").GetInt32(), definition.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Starting_without_the_start_forms_required_fields_is_a_400_naming_them_and_starts_nothing()
    {
        var alice = await SignedInAsync("alice");
        var admin = factory.CreateApiClient(AdminKey);
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/process-instances?definitionKey=leave-request", Ct)).GetProperty("totalCount").GetInt32();

        var response = await alice.PostAsJsonAsync("/api/v1/process-definitions/key/leave-request/start",
            new { variables = new { days = 0, reason = "x" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Equal(["days", "endDate", "startDate"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("at least 1", errors.GetProperty("days")[0].GetString());
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/process-instances?definitionKey=leave-request", Ct)).GetProperty("totalCount").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Completing_with_an_unknown_outcome_is_a_400_and_the_task_stays_open_then_an_outcome_decides()
    {
        var (instanceId, taskId) = await StartLeaveAsync("leave-api-1");
        var bob = await SignedInAsync("bob");

        var refused = await bob.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approverComment = "ok" }, outcome = "Maybe" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ProblemAsync(refused)).GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal("open", (await bob.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}", Ct)).GetProperty("state").GetString());

        var done = await bob.PostAsJsonAsync($"/api/v1/tasks/{taskId}/complete", new { variables = new { approverComment = "enjoy", days = 30 }, outcome = "Approve" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var instance = await factory.CreateApiClient(AdminKey).GetFromJsonAsync<JsonElement>($"/api/v1/process-instances/{instanceId}", Ct);
        var variables = instance.GetProperty("variables");
        Assert.True(variables.GetProperty("approved").GetBoolean());
        Assert.Equal(3, variables.GetProperty("days").GetInt32()); // read-only on the approval form: never taken from it
        Assert.Equal("approved", variables.GetProperty("leaveStatus").GetString());
    }

    [Fact]
    public async Task Comments_are_added_and_listed_by_candidates_and_refused_to_others()
    {
        var (_, taskId) = await StartLeaveAsync("leave-api-2");
        var bob = await SignedInAsync("bob");

        var added = await bob.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = "Checking the team calendar." }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var blank = await bob.PostAsJsonAsync($"/api/v1/tasks/{taskId}/comments", new { text = " " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await ProblemAsync(blank)).GetProperty("errors").TryGetProperty("text", out _));

        var comments = await bob.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}/comments", Ct);
        var comment = Assert.Single(comments.EnumerateArray());
        Assert.Equal(("bob", "Bob Manager", "Checking the team calendar."),
            (comment.GetProperty("author").GetString(), comment.GetProperty("authorName").GetString(), comment.GetProperty("text").GetString()));

        var carol = await SignedInAsync("carol");
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync($"/api/v1/tasks/{taskId}/comments", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync("/api/v1/tasks/no-such-task/comments", Ct)).StatusCode);
    }
}
